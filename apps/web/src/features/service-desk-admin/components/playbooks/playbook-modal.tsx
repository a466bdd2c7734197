import { Button, Group, Modal, Select, SimpleGrid, Stack, Switch, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { PLAYBOOK_TRIGGERS, ZCreatePlaybookRequest, ZUpdatePlaybookRequest, type TPlaybook } from "@atende/contracts";
import { unplacedErrors } from "../../../../lib/field-errors";
import { changedFields } from "../../../../lib/patch";
import { useFormState } from "../../../../lib/use-form-state";
import { FormAlert } from "../../../../ui/form-alert";
import { sdAdminKeys } from "../../api/keys";
import { useCreatePlaybook, useUpdatePlaybook } from "../../api/mutations";
import { textOrUndefined } from "../../lib/form-values";
import { templateCodeMessages } from "../../lib/issue-messages";
import { useSdLabels } from "../shared/use-sd-labels";
import { useSdValidate } from "../shared/use-sd-validate";
import { PlaybookStepsEditor, type StepValue } from "./playbook-steps-editor";

const FIELDS = ["code", "name", "trigger", "steps", "active"] as const;
type Values = { code: string; name: string; trigger: string; steps: StepValue[]; active: boolean };

const valuesOf = (playbook: TPlaybook | null): Values => ({
  code: playbook?.code ?? "",
  name: playbook?.name ?? "",
  trigger: playbook?.trigger ?? "manual",
  steps: playbook?.steps.map((step) => ({ title: step.title, templateCode: step.templateCode ?? "" })) ?? [
    { title: "", templateCode: "" },
  ],
  active: playbook?.active ?? true,
});

const requestOf = (values: Values) => ({
  name: values.name.trim(),
  trigger: values.trigger,
  steps: values.steps.map((step) => {
    const templateCode = textOrUndefined(step.templateCode);
    return { title: step.title.trim(), ...(templateCode ? { templateCode } : {}) };
  }),
});

/** Create (playbook = null) or edit a playbook: its trigger and ordered checklist. */
export function PlaybookModal({ playbook, onClose }: { playbook: TPlaybook | null; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useSdLabels();
  const client = useQueryClient();
  const form = useFormState<Values>(() => valuesOf(playbook));
  const validate = useSdValidate(form.setErrors, templateCodeMessages);
  const create = useCreatePlaybook();
  const update = useUpdatePlaybook(playbook?.id ?? "");
  const mutation = playbook ? update : create;

  const done = () => {
    notifications.show({
      color: "teal",
      message: playbook ? t("sdAdmin.playbooks.updated") : t("sdAdmin.playbooks.created"),
    });
    onClose();
  };
  const reload = () => {
    void client.invalidateQueries({ queryKey: sdAdminKeys.playbooks() });
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!playbook) {
      const body = validate(ZCreatePlaybookRequest, { code: form.values.code.trim(), ...requestOf(form.values) });
      if (body) create.mutate(body, { onSuccess: done, onError: (error) => form.showServerErrors(error) });
      return;
    }
    const before = valuesOf(playbook);
    const patch = changedFields(
      { ...requestOf(before), active: before.active },
      { ...requestOf(form.values), active: form.values.active },
    );
    if (Object.keys(patch).length === 0) return onClose();
    const body = validate(ZUpdatePlaybookRequest, { ...patch, version: playbook.version });
    if (body) update.mutate(body, { onSuccess: done, onError: (error) => form.showServerErrors(error) });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={playbook ? t("sdAdmin.playbooks.editTitle", { code: playbook.code }) : t("sdAdmin.playbooks.createTitle")}
    >
      <form onSubmit={submit} noValidate data-testid="playbook-form">
        <Stack>
          <FormAlert error={mutation.error} unplaced={unplacedErrors(form.errors, FIELDS)} onReload={reload} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("sdAdmin.common.code")}
              required
              disabled={playbook !== null}
              value={form.values.code}
              onChange={(e) => form.set("code", e.currentTarget.value)}
              error={form.errorOf("code")}
              data-autofocus
            />
            <TextInput
              label={t("sdAdmin.common.name")}
              required
              value={form.values.name}
              onChange={(e) => form.set("name", e.currentTarget.value)}
              error={form.errorOf("name")}
            />
          </SimpleGrid>
          <Select
            label={t("sdAdmin.playbooks.trigger")}
            description={t("sdAdmin.playbooks.triggerHint")}
            required
            allowDeselect={false}
            data={PLAYBOOK_TRIGGERS.map((trigger) => ({ value: trigger, label: labels.trigger(trigger) }))}
            value={form.values.trigger}
            onChange={(trigger) => form.set("trigger", trigger ?? "manual")}
            error={form.errorOf("trigger")}
            data-testid="playbook-trigger"
          />
          <PlaybookStepsEditor
            steps={form.values.steps}
            onChange={(steps) => form.set("steps", steps)}
            errorOf={form.errorOf}
          />
          {playbook ? (
            <Switch
              label={t("sdAdmin.common.active")}
              checked={form.values.active}
              onChange={(e) => form.set("active", e.currentTarget.checked)}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" loading={mutation.isPending} data-testid="playbook-submit">
              {playbook ? t("actions.save") : t("actions.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
