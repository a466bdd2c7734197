import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ESCALATION_ACTIONS, type EscalationAction } from "@atende/domain";
import { useGroupOptions } from "../../../groups/api/queries";
import { useUserOptions } from "../../../users/api/queries";
import { newLevel, type LevelValue } from "../../lib/policy-form";
import { useSdLabels } from "../shared/use-sd-labels";

type Props = {
  levels: LevelValue[];
  onChange: (levels: LevelValue[]) => void;
  errorOf: (path: string) => string | undefined;
};

function isAction(value: string): value is EscalationAction {
  return (ESCALATION_ACTIONS as readonly string[]).includes(value);
}

/** Ordered escalation levels: when (offset from creation or breach), to whom, and what happens. */
export function EscalationLevelsEditor({ levels, onChange, errorOf }: Props) {
  const { t } = useTranslation();
  const labels = useSdLabels();
  const groups = useGroupOptions();
  const users = useUserOptions();
  const withKnown = (options: { value: string; label: string }[], id: string | null) =>
    id && !options.some((option) => option.value === id) ? [...options, { value: id, label: id }] : options;
  const groupData = (groups.data ?? []).map((group) => ({ value: group.id, label: `${group.name} (${group.code})` }));
  const userData = (users.data ?? []).map((user) => ({ value: user.id, label: `${user.name} <${user.email}>` }));
  const update = (index: number, patch: Partial<LevelValue>) =>
    onChange(levels.map((level, i) => (i === index ? { ...level, ...patch } : level)));

  return (
    <Stack gap="sm" data-testid="escalation-editor">
      {levels.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("sdAdmin.policies.noLevels")}
        </Text>
      ) : null}
      {levels.map((level, index) => {
        const path = `escalation.${index}`;
        const name = t("sdAdmin.policies.levelN", { level: String(level.level) });
        return (
          <Fieldset key={index} legend={name} data-testid={`escalation-level-${index}`}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
              <NumberInput
                label={t("sdAdmin.policies.level")}
                value={level.level}
                onChange={(value) => update(index, { level: value })}
                min={1}
                max={20}
                allowDecimal={false}
                error={errorOf(`${path}.level`)}
              />
              <TextInput
                label={t("sdAdmin.policies.levelLabel")}
                value={level.label}
                onChange={(e) => update(index, { label: e.currentTarget.value })}
                error={errorOf(`${path}.label`)}
                required
              />
              <NumberInput
                label={t("sdAdmin.policies.offsetMinutes")}
                value={level.offsetMinutes}
                onChange={(value) => update(index, { offsetMinutes: value })}
                min={0}
                allowDecimal={false}
                error={errorOf(`${path}.offsetMinutes`)}
              />
              <NativeSelect
                label={t("sdAdmin.policies.from")}
                value={level.from}
                data={[
                  { value: "creation", label: t("sdAdmin.policies.fromCreation") },
                  { value: "breach", label: t("sdAdmin.policies.fromBreach") },
                ]}
                onChange={(e) => update(index, { from: e.currentTarget.value === "breach" ? "breach" : "creation" })}
                error={errorOf(`${path}.from`)}
              />
              <Select
                label={t("sdAdmin.policies.targetGroup")}
                data={withKnown(groupData, level.targetGroupId)}
                value={level.targetGroupId}
                onChange={(targetGroupId) => update(index, { targetGroupId })}
                clearable
                searchable
                nothingFoundMessage={t("common.nothingFound")}
                error={errorOf(`${path}.targetGroupId`)}
              />
              <Select
                label={t("sdAdmin.policies.targetUser")}
                data={withKnown(userData, level.targetUserId)}
                value={level.targetUserId}
                onChange={(targetUserId) => update(index, { targetUserId })}
                clearable
                searchable
                nothingFoundMessage={t("common.nothingFound")}
                error={errorOf(`${path}.targetUserId`)}
              />
            </SimpleGrid>
            <Group justify="space-between" align="flex-end" mt="xs">
              <Checkbox.Group
                label={t("sdAdmin.policies.actions")}
                value={level.actions}
                onChange={(actions) => update(index, { actions: actions.filter(isAction) })}
                error={errorOf(`${path}.actions`)}
              >
                <Group gap="md" mt={4}>
                  {ESCALATION_ACTIONS.map((action) => (
                    <Checkbox key={action} value={action} label={labels.action(action)} />
                  ))}
                </Group>
              </Checkbox.Group>
              <ActionIcon
                variant="light"
                color="red"
                onClick={() => onChange(levels.filter((_, i) => i !== index))}
                aria-label={t("sdAdmin.policies.removeLevel", { level: String(level.level) })}
              >
                ×
              </ActionIcon>
            </Group>
          </Fieldset>
        );
      })}
      <div>
        <Button
          variant="light"
          size="xs"
          onClick={() => onChange([...levels, newLevel(levels)])}
          data-testid="add-escalation-level"
        >
          {t("sdAdmin.policies.addLevel")}
        </Button>
      </div>
    </Stack>
  );
}
