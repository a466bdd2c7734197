import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ZCreateUserRequest } from "@atende/contracts";
import { LOCALES } from "@atende/domain";
import { unplacedErrors } from "../../../lib/field-errors";
import { localeKey } from "../../../lib/i18n-keys";
import { useFormState } from "../../../lib/use-form-state";
import { FormAlert } from "../../../ui/form-alert";
import { useCreateUser } from "../api/mutations";
import { RoleAssignmentsEditor, type RoleRow } from "./role-assignments-editor";
import { PasswordField } from "../../../ui/password-field";

const FIELDS = ["email", "name", "locale", "password", "roles"] as const;
type Values = { email: string; name: string; locale: string; password: string; roles: RoleRow[] };

export function UserCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const form = useFormState<Values>({
    email: "",
    name: "",
    locale: "en",
    password: "",
    roles: [{ role: null, buId: null, storeId: null }],
  });
  const create = useCreateUser();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.validate(ZCreateUserRequest, {
      ...form.values,
      email: form.values.email.trim(),
      name: form.values.name.trim(),
    });
    if (!body) return;
    create.mutate(body, {
      onSuccess: (user) => {
        notifications.show({ color: "teal", message: t("users.created", { email: user.email }) });
        onClose();
      },
      onError: (error) => form.showServerErrors(error),
    });
  };

  return (
    <Modal opened onClose={onClose} title={t("users.createTitle")} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormAlert error={create.error} unplaced={unplacedErrors(form.errors, FIELDS)} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("users.fields.email")}
              type="email"
              required
              value={form.values.email}
              onChange={(e) => form.set("email", e.currentTarget.value)}
              error={form.errorOf("email")}
              data-autofocus
            />
            <TextInput
              label={t("users.fields.name")}
              required
              value={form.values.name}
              onChange={(e) => form.set("name", e.currentTarget.value)}
              error={form.errorOf("name")}
            />
            <Select
              label={t("users.fields.locale")}
              required
              allowDeselect={false}
              data={LOCALES.map((locale) => ({ value: locale, label: t(localeKey(locale)) }))}
              value={form.values.locale}
              onChange={(value) => form.set("locale", value ?? "en")}
              error={form.errorOf("locale")}
            />
            <PasswordField
              label={t("users.fields.password")}
              description={t("users.hints.password")}
              required
              autoComplete="new-password"
              value={form.values.password}
              onChange={(e) => form.set("password", e.currentTarget.value)}
              error={form.errorOf("password")}
            />
          </SimpleGrid>
          <RoleAssignmentsEditor
            value={form.values.roles}
            onChange={(roles) => form.set("roles", roles)}
            errors={form.errors}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("actions.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="user-submit">
              {t("actions.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
