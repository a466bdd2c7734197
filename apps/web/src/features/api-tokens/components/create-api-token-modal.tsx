import { Button, Checkbox, Group, Modal, Stack, TextInput } from "@mantine/core";
import { DateTimePicker } from "@mantine/dates";
import dayjs from "dayjs";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ZCreateApiTokenRequest, type TApiToken } from "@atende/contracts";
import { API_TOKEN_SCOPES } from "@atende/domain";
import { unplacedErrors } from "../../../lib/field-errors";
import { scopeKey } from "../../../lib/i18n-keys";
import { useFormState } from "../../../lib/use-form-state";
import { FormAlert } from "../../../ui/form-alert";
import { useCreateApiToken } from "../api/mutations";

const FIELDS = ["name", "scopes", "expiresAt"] as const;
type Values = { name: string; scopes: string[]; expiresAt: string | null };

/** Creates a token; the secret comes back once and is handed to `onCreated` to show. */
export function CreateApiTokenModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (token: TApiToken & { token: string }) => void;
}) {
  const { t } = useTranslation();
  const form = useFormState<Values>({ name: "", scopes: [], expiresAt: null });
  const create = useCreateApiToken();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.validate(ZCreateApiTokenRequest, {
      name: form.values.name.trim(),
      scopes: form.values.scopes,
      expiresAt: form.values.expiresAt ? dayjs(form.values.expiresAt).toISOString() : null,
    });
    if (body) create.mutate(body, { onSuccess: onCreated, onError: (error) => form.showServerErrors(error) });
  };

  return (
    <Modal opened onClose={onClose} title={t("apiTokens.createTitle")} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={create.error} unplaced={unplacedErrors(form.errors, FIELDS)} />
          <TextInput
            label={t("apiTokens.fields.name")}
            required
            value={form.values.name}
            onChange={(e) => form.set("name", e.currentTarget.value)}
            error={form.errorOf("name")}
            data-autofocus
          />
          <Checkbox.Group
            label={t("apiTokens.fields.scopes")}
            required
            value={form.values.scopes}
            onChange={(scopes) => form.set("scopes", scopes)}
            error={form.errorOf("scopes")}
          >
            <Stack gap="xs" mt="xs">
              {API_TOKEN_SCOPES.map((scope) => (
                <Checkbox key={scope} value={scope} label={`${scope} — ${t(scopeKey(scope))}`} />
              ))}
            </Stack>
          </Checkbox.Group>
          <DateTimePicker
            label={t("apiTokens.fields.expiresAt")}
            description={t("apiTokens.hints.expiresAt")}
            clearable
            minDate={new Date()}
            value={form.values.expiresAt}
            onChange={(value) => form.set("expiresAt", value)}
            error={form.errorOf("expiresAt")}
            valueFormat="YYYY-MM-DD HH:mm"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="api-token-submit">
              {t("actions.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
