import { Alert, Badge, Button, Divider, Drawer, Group, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ZPassword, ZUpdateUserRequest, type TUser } from "@atende/contracts";
import { LOCALES } from "@atende/domain";
import { unplacedErrors } from "../../../lib/field-errors";
import { formatDateTime, isInFuture } from "../../../lib/format";
import { currentLanguage } from "../../../lib/i18n";
import { formCustomMessages, issuesToMessages } from "../../../lib/issue-message";
import { localeKey } from "../../../lib/i18n-keys";
import { changedFields } from "../../../lib/patch";
import { useFormState } from "../../../lib/use-form-state";
import { FormAlert } from "../../../ui/form-alert";
import { useGroupOptions } from "../../groups/api/queries";
import { userKeys } from "../api/keys";
import { useUpdateUser } from "../api/mutations";
import { RoleAssignmentsEditor, type RoleRow } from "./role-assignments-editor";
import { PasswordField } from "../../../ui/password-field";

const FIELDS = ["name", "locale", "status", "roles", "version"] as const;
type Values = { name: string; locale: string; status: "active" | "disabled"; roles: RoleRow[] };

const valuesOf = (user: TUser): Values => ({
  name: user.name,
  locale: user.locale,
  status: user.status,
  roles: user.roles,
});

/** Edit a user's profile and roles, reset the password, unlock after failed sign-ins, see the groups. */
export function UserEditDrawer({ user: initial, onClose }: { user: TUser; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [user, setUser] = useState(initial);
  const form = useFormState<Values>(() => valuesOf(initial));
  const update = useUpdateUser(user.id);
  const language = currentLanguage();

  const saved = (message: string) => (next: TUser) => {
    setUser(next);
    notifications.show({ color: "teal", message });
  };
  const reload = () => {
    void client.invalidateQueries({ queryKey: userKeys.all });
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const patch = changedFields(valuesOf(user), { ...form.values, name: form.values.name.trim() });
    if (Object.keys(patch).length === 0) return;
    const body = form.validate(ZUpdateUserRequest, { ...patch, version: user.version });
    if (body) {
      update.mutate(body, {
        onSuccess: (next) => {
          saved(t("users.updated"))(next);
          form.reset(valuesOf(next));
        },
        onError: (error) => form.showServerErrors(error),
      });
    }
  };

  return (
    <Drawer opened onClose={onClose} position="right" size="xl" title={t("users.editTitle", { email: user.email })}>
      <Stack>
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormAlert error={update.error} unplaced={unplacedErrors(form.errors, FIELDS)} onReload={reload} />
            <TextInput label={t("users.fields.email")} value={user.email} readOnly />
            <TextInput
              label={t("users.fields.name")}
              required
              value={form.values.name}
              onChange={(e) => form.set("name", e.currentTarget.value)}
              error={form.errorOf("name")}
            />
            <Group grow>
              <Select
                label={t("users.fields.locale")}
                allowDeselect={false}
                data={LOCALES.map((locale) => ({ value: locale, label: t(localeKey(locale)) }))}
                value={form.values.locale}
                onChange={(value) => form.set("locale", value ?? user.locale)}
                error={form.errorOf("locale")}
              />
              <Select
                label={t("users.fields.status")}
                allowDeselect={false}
                data={[
                  { value: "active", label: t("users.status.active") },
                  { value: "disabled", label: t("users.status.disabled") },
                ]}
                value={form.values.status}
                onChange={(value) => form.set("status", value === "disabled" ? "disabled" : "active")}
                error={form.errorOf("status")}
              />
            </Group>
            <RoleAssignmentsEditor
              value={form.values.roles}
              onChange={(roles) => form.set("roles", roles)}
              errors={form.errors}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={update.isPending} data-testid="user-save">
                {t("actions.save")}
              </Button>
            </Group>
          </Stack>
        </form>
        <Divider />
        <LockSection user={user} onSaved={saved(t("users.unlocked"))} language={language} />
        <PasswordSection user={user} onSaved={saved(t("users.passwordReset"))} />
        <Divider />
        <GroupsSection groupIds={user.groupIds} />
        <Text size="xs" c="dimmed">
          {t("users.lastLogin", {
            when: user.lastLoginAt ? formatDateTime(user.lastLoginAt, language) : t("users.never"),
          })}
        </Text>
      </Stack>
    </Drawer>
  );
}

function LockSection({ user, onSaved, language }: { user: TUser; onSaved: (user: TUser) => void; language: string }) {
  const { t } = useTranslation();
  const update = useUpdateUser(user.id);
  if (!isInFuture(user.lockedUntil)) return null;
  return (
    <Alert color="orange" variant="light" title={t("users.lockedTitle")} data-testid="user-locked">
      <Stack gap="xs">
        <Text size="sm">{t("users.lockedUntil", { time: formatDateTime(user.lockedUntil, language) })}</Text>
        {update.error ? <FormAlert error={update.error} /> : null}
        <div>
          <Button
            size="xs"
            color="orange"
            loading={update.isPending}
            onClick={() => update.mutate({ unlock: true, version: user.version }, { onSuccess: onSaved })}
            data-testid="user-unlock"
          >
            {t("users.unlock")}
          </Button>
        </div>
      </Stack>
    </Alert>
  );
}

function PasswordSection({ user, onSaved }: { user: TUser; onSaved: (user: TUser) => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser(user.id);
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ZPassword.safeParse(password);
    if (!parsed.success) {
      setError(Object.values(issuesToMessages(parsed.error.issues, t, currentLanguage(), formCustomMessages))[0]);
      return;
    }
    setError(undefined);
    update.mutate(
      { password: parsed.data, version: user.version },
      {
        onSuccess: (next) => {
          setPassword("");
          onSaved(next);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t("users.resetPassword")}
        </Title>
        {update.error ? <FormAlert error={update.error} /> : null}
        <Group align="flex-end">
          <PasswordField
            label={t("users.fields.newPassword")}
            description={t("users.hints.password")}
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={error}
            style={{ flex: 1 }}
          />
          <Button type="submit" variant="light" loading={update.isPending} data-testid="user-reset-password">
            {t("users.resetPassword")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function GroupsSection({ groupIds }: { groupIds: string[] }) {
  const { t } = useTranslation();
  const groups = useGroupOptions(groupIds.length > 0);
  const names = groupIds.map((id) => groups.data?.find((group) => group.id === id)?.name ?? id);
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t("users.fields.groups")}
      </Title>
      {groupIds.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("users.noGroups")}
        </Text>
      ) : (
        <Group gap="xs">
          {names.map((name, index) => (
            <Badge key={groupIds[index]} variant="light">
              {name}
            </Badge>
          ))}
        </Group>
      )}
    </Stack>
  );
}
