import { Button, Group, Select } from "@mantine/core";
import { DateTimePicker } from "@mantine/dates";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { useUserOptions } from "../../users/api/queries";
import { SearchInput } from "../../../ui/search-input";
import type { AuditFilters as Filters } from "../api/keys";

export const AUDIT_MODULES = ["auth", "admin", "parameters"] as const;

/** ISO instant in the URL <-> the picker's local "YYYY-MM-DD HH:mm:ss". */
const toPicker = (iso: string) => (iso ? dayjs(iso).format("YYYY-MM-DD HH:mm:ss") : null);
const toIso = (local: string | null) => (local ? dayjs(local).toISOString() : null);

type Props = {
  filters: Filters;
  onChange: (patch: Partial<Record<keyof Filters, string | null>>) => void;
  canListUsers: boolean;
};

export function AuditFilters({ filters, onChange, canListUsers }: Props) {
  const { t } = useTranslation();
  const users = useUserOptions(canListUsers);
  const userData = (users.data ?? []).map((user) => ({ value: user.id, label: `${user.name} <${user.email}>` }));
  const active = Object.values(filters).some(Boolean);
  return (
    <Group align="flex-end" mb="md" wrap="wrap">
      <Select
        label={t("audit.filters.user")}
        placeholder={
          canListUsers ? (users.isPending ? t("common.loading") : t("common.all")) : t("audit.filters.userUnavailable")
        }
        data={userData}
        value={filters.userId || null}
        onChange={(userId) => onChange({ userId })}
        searchable
        clearable
        disabled={!canListUsers || users.isPending}
        error={users.error ? t("users.loadFailed") : undefined}
        nothingFoundMessage={t("common.nothingFound")}
        w={260}
      />
      <SearchInput
        label={t("audit.filters.action")}
        placeholder="auth.login"
        value={filters.action}
        onChange={(action) => onChange({ action })}
      />
      <Select
        label={t("audit.filters.module")}
        placeholder={t("common.all")}
        data={AUDIT_MODULES.map((module) => ({ value: module, label: t(`audit.modules.${module}`) }))}
        value={filters.module || null}
        onChange={(module) => onChange({ module })}
        clearable
        w={180}
      />
      <DateTimePicker
        label={t("audit.filters.from")}
        value={toPicker(filters.from)}
        onChange={(value) => onChange({ from: toIso(value) })}
        clearable
        valueFormat="YYYY-MM-DD HH:mm"
        w={200}
        data-testid="audit-from"
      />
      <DateTimePicker
        label={t("audit.filters.to")}
        value={toPicker(filters.to)}
        onChange={(value) => onChange({ to: toIso(value) })}
        clearable
        valueFormat="YYYY-MM-DD HH:mm"
        w={200}
        data-testid="audit-to"
      />
      {active ? (
        <Button
          variant="subtle"
          onClick={() => onChange({ userId: null, action: null, module: null, from: null, to: null })}
        >
          {t("common.clearFilters")}
        </Button>
      ) : null}
    </Group>
  );
}
