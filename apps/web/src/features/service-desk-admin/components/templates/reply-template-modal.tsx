import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ZCreateReplyTemplateRequest, ZUpdateReplyTemplateRequest, type TReplyTemplate } from "@atende/contracts";
import { LOCALES } from "@atende/domain";
import { unplacedErrors } from "../../../../lib/field-errors";
import { localeKey } from "../../../../lib/i18n-keys";
import { changedFields } from "../../../../lib/patch";
import { useFormState } from "../../../../lib/use-form-state";
import { FormAlert } from "../../../../ui/form-alert";
import { sdAdminKeys } from "../../api/keys";
import { useCreateReplyTemplate, useUpdateReplyTemplate } from "../../api/mutations";
import { templateCodeMessages } from "../../lib/issue-messages";
import { REPLY_VARIABLES } from "../../lib/template-variables";
import { useSdValidate } from "../shared/use-sd-validate";
import { TemplateBodyField } from "./template-body-field";

const FIELDS = ["code", "locale", "name", "body"] as const;
type Values = { code: string; locale: string; name: string; body: string };

const valuesOf = (template: TReplyTemplate | null): Values => ({
  code: template?.code ?? "",
  locale: template?.locale ?? "es",
  name: template?.name ?? "",
  body: template?.body ?? "",
});

/** Create (template = null) or edit a predefined reply; code and locale identify it and are fixed once created. */
export function ReplyTemplateModal({ template, onClose }: { template: TReplyTemplate | null; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useFormState<Values>(() => valuesOf(template));
  const validate = useSdValidate(form.setErrors, templateCodeMessages);
  const create = useCreateReplyTemplate();
  const update = useUpdateReplyTemplate(template?.id ?? "");
  const mutation = template ? update : create;

  const done = () => {
    notifications.show({
      color: "teal",
      message: template ? t("sdAdmin.templates.updated") : t("sdAdmin.templates.created"),
    });
    onClose();
  };
  const reload = () => {
    void client.invalidateQueries({ queryKey: sdAdminKeys.replyTemplates() });
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const values = { ...form.values, code: form.values.code.trim(), name: form.values.name.trim() };
    if (!template) {
      const body = validate(ZCreateReplyTemplateRequest, values);
      if (body) create.mutate(body, { onSuccess: done, onError: (error) => form.showServerErrors(error) });
      return;
    }
    const before = valuesOf(template);
    const patch = changedFields({ name: before.name, body: before.body }, { name: values.name, body: values.body });
    if (Object.keys(patch).length === 0) return onClose();
    const body = validate(ZUpdateReplyTemplateRequest, { ...patch, version: template.version });
    if (body) update.mutate(body, { onSuccess: done, onError: (error) => form.showServerErrors(error) });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={
        template
          ? t("sdAdmin.templates.editTitle", { code: template.code, locale: template.locale })
          : t("sdAdmin.templates.createTitle")
      }
    >
      <form onSubmit={submit} noValidate data-testid="reply-template-form">
        <Stack>
          <FormAlert error={mutation.error} unplaced={unplacedErrors(form.errors, FIELDS)} onReload={reload} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("sdAdmin.common.code")}
              description={t("sdAdmin.templates.codeHint")}
              required
              disabled={template !== null}
              value={form.values.code}
              onChange={(e) => form.set("code", e.currentTarget.value)}
              error={form.errorOf("code")}
              data-autofocus
            />
            <Select
              label={t("sdAdmin.templates.locale")}
              required
              disabled={template !== null}
              allowDeselect={false}
              data={LOCALES.map((locale) => ({ value: locale, label: t(localeKey(locale)) }))}
              value={form.values.locale}
              onChange={(locale) => form.set("locale", locale ?? "")}
              error={form.errorOf("locale")}
            />
          </SimpleGrid>
          <TextInput
            label={t("sdAdmin.common.name")}
            required
            value={form.values.name}
            onChange={(e) => form.set("name", e.currentTarget.value)}
            error={form.errorOf("name")}
          />
          <TemplateBodyField
            label={t("sdAdmin.templates.body")}
            value={form.values.body}
            onChange={(body) => form.set("body", body)}
            variables={REPLY_VARIABLES}
            error={form.errorOf("body")}
            testId="reply-template-body"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" loading={mutation.isPending} data-testid="reply-template-submit">
              {template ? t("actions.save") : t("actions.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
