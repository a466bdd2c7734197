import {
  ActionIcon,
  Autocomplete,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TPriorityLevelView } from "@atende/contracts";
import { TICKET_CHANNELS } from "@atende/domain";
import { useReplyTemplateCodes } from "../../api/queries";
import type { RuleValue } from "../../lib/policy-form";
import { useSdLabels } from "../shared/use-sd-labels";

type Props = {
  rules: RuleValue[];
  priorities: readonly TPriorityLevelView[];
  onChange: (rules: RuleValue[]) => void;
  errorOf: (path: string) => string | undefined;
};

/** Per priority, the channels a ticket may come through; others get the auto-reply pointing to the right one. */
export function ChannelRulesEditor({ rules, priorities, onChange, errorOf }: Props) {
  const { t } = useTranslation();
  const labels = useSdLabels();
  const codes = useReplyTemplateCodes();
  const update = (index: number, patch: Partial<RuleValue>) =>
    onChange(rules.map((rule, i) => (i === index ? { ...rule, ...patch } : rule)));

  return (
    <Stack gap="sm" data-testid="channel-rules-editor">
      {rules.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("sdAdmin.policies.noRules")}
        </Text>
      ) : null}
      {rules.map((rule, index) => {
        const path = `channelRules.${index}`;
        return (
          <Fieldset key={index} legend={t("sdAdmin.policies.ruleN", { n: index + 1 })}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <Select
                label={t("sdAdmin.policies.rulePriority")}
                data={priorities.map((level) => ({ value: level.code, label: labels.priority(level) }))}
                value={rule.priority}
                onChange={(priority) => update(index, { priority })}
                required
                error={errorOf(`${path}.priority`)}
              />
              <Autocomplete
                label={t("sdAdmin.policies.autoReplyTemplate")}
                description={t("sdAdmin.policies.autoReplyHint")}
                data={codes.data ?? []}
                value={rule.autoReplyTemplate}
                onChange={(autoReplyTemplate) => update(index, { autoReplyTemplate })}
                required
                error={errorOf(`${path}.autoReplyTemplate`)}
              />
            </SimpleGrid>
            <Group align="flex-end" mt="xs" wrap="nowrap">
              <Checkbox.Group
                label={t("sdAdmin.policies.allowedChannels")}
                value={rule.allowedChannels}
                onChange={(allowedChannels) => update(index, { allowedChannels })}
                required
                error={errorOf(`${path}.allowedChannels`)}
                style={{ flex: 1 }}
              >
                <Group gap="md" mt={4}>
                  {TICKET_CHANNELS.map((channel) => (
                    <Checkbox key={channel} value={channel} label={labels.channel(channel)} />
                  ))}
                </Group>
              </Checkbox.Group>
              <ActionIcon
                variant="light"
                color="red"
                onClick={() => onChange(rules.filter((_, i) => i !== index))}
                aria-label={t("sdAdmin.policies.removeRule", { n: index + 1 })}
                mb={4}
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
          onClick={() => onChange([...rules, { priority: null, allowedChannels: [], autoReplyTemplate: "" }])}
          data-testid="add-channel-rule"
        >
          {t("sdAdmin.policies.addRule")}
        </Button>
      </div>
    </Stack>
  );
}
