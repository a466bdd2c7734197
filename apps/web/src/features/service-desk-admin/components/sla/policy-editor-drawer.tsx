import {
  Button,
  Divider,
  Drawer,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ZUpdateSlaPolicyRequest, type TPriorityLevelView, type TServiceSlaPolicy } from "@atende/contracts";
import { unplacedErrors } from "../../../../lib/field-errors";
import { useFormState } from "../../../../lib/use-form-state";
import { FormAlert } from "../../../../ui/form-alert";
import { sdAdminKeys } from "../../api/keys";
import { useUpdateSlaPolicy } from "../../api/mutations";
import { templateCodeMessages } from "../../lib/issue-messages";
import { policyPatch, toPolicyForm, type PolicyFormValues } from "../../lib/policy-form";
import { useSdValidate } from "../shared/use-sd-validate";
import { ChannelRulesEditor } from "./channel-rules-editor";
import { EscalationLevelsEditor } from "./escalation-levels-editor";

const FIELDS = ["name", "rank", "warningPercent", "active", "escalation", "channelRules"] as const;

type Props = { policy: TServiceSlaPolicy; priorities: readonly TPriorityLevelView[]; onClose: () => void };

/** A full policy's settings the matrix does not show: escalation levels and channel rules (plus name, rank, warning). */
export function PolicyEditorDrawer({ policy, priorities, onClose }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormState<PolicyFormValues>(() => toPolicyForm(policy));
  const validate = useSdValidate(form.setErrors, templateCodeMessages);
  const update = useUpdateSlaPolicy(policy.id);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const patch = policyPatch(policy, form.values);
    if (Object.keys(patch).length === 1) return onClose();
    const body = validate(ZUpdateSlaPolicyRequest, patch);
    if (!body) return;
    update.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: "teal", message: t("sdAdmin.policies.saved", { name: policy.name }) });
        onClose();
      },
      onError: (error) => form.showServerErrors(error),
    });
  };

  const reload = () => {
    void client.invalidateQueries({ queryKey: sdAdminKeys.policies() });
    onClose();
  };

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="xl"
      title={t("sdAdmin.policies.editTitle", { code: policy.code })}
    >
      <form onSubmit={submit} noValidate data-testid="policy-editor">
        <Stack>
          <FormAlert error={update.error} unplaced={unplacedErrors(form.errors, FIELDS)} onReload={reload} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t("sdAdmin.policies.name")}
              value={form.values.name}
              onChange={(e) => form.set("name", e.currentTarget.value)}
              error={form.errorOf("name")}
              required
              data-autofocus
            />
            <NumberInput
              label={t("sdAdmin.policies.rank")}
              description={t("sdAdmin.policies.rankHint")}
              value={form.values.rank}
              onChange={(v) => form.set("rank", v)}
              allowDecimal={false}
              min={0}
              error={form.errorOf("rank")}
            />
            <NumberInput
              label={t("sdAdmin.sla.warningPercent")}
              value={form.values.warningPercent}
              onChange={(v) => form.set("warningPercent", v)}
              allowDecimal={false}
              min={1}
              max={99}
              suffix=" %"
              error={form.errorOf("warningPercent")}
            />
          </SimpleGrid>
          <Switch
            label={t("sdAdmin.common.active")}
            checked={form.values.active}
            onChange={(e) => form.set("active", e.currentTarget.checked)}
          />
          <Divider />
          <div>
            <Title order={3} size="h5">
              {t("sdAdmin.policies.escalation")}
            </Title>
            <Text size="xs" c="dimmed">
              {t("sdAdmin.policies.escalationHint")}
            </Text>
          </div>
          <EscalationLevelsEditor
            levels={form.values.escalation}
            onChange={(levels) => form.set("escalation", levels)}
            errorOf={form.errorOf}
          />
          {form.errors["escalation"] ? (
            <Text c="red" size="sm" role="alert">
              {form.errors["escalation"]}
            </Text>
          ) : null}
          <Divider />
          <div>
            <Title order={3} size="h5">
              {t("sdAdmin.policies.channelRules")}
            </Title>
            <Text size="xs" c="dimmed">
              {t("sdAdmin.policies.channelRulesHint")}
            </Text>
          </div>
          <ChannelRulesEditor
            rules={form.values.channelRules}
            priorities={priorities}
            onChange={(rules) => form.set("channelRules", rules)}
            errorOf={form.errorOf}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" loading={update.isPending} data-testid="policy-submit">
              {t("actions.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
