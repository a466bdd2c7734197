import { ActionIcon, Button, Fieldset, Group, Select, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ROLES, type Role } from "@atende/domain";
import { errorAt, type FieldErrors } from "../../../lib/field-errors";
import { roleKey } from "../../../lib/i18n-keys";
import { BusinessUnitSelect } from "../../business-units/components/business-unit-select";
import { StoreSelect } from "../../stores/components/store-select";

export type RoleRow = { role: Role | null; buId: string | null; storeId: string | null };

type Props = {
  value: RoleRow[];
  onChange: (rows: RoleRow[]) => void;
  /** Errors keyed by form path ("roles.0.buId"). */
  errors: FieldErrors;
};

/** Role assignments: a role, optionally scoped to a BU and then to one of its stores. */
export function RoleAssignmentsEditor({ value, onChange, errors }: Props) {
  const { t } = useTranslation();
  const replace = (index: number, row: RoleRow) => onChange(value.map((current, i) => (i === index ? row : current)));
  const listError = errors["roles"];
  return (
    <Fieldset legend={t("users.fields.roles")}>
      <Stack gap="sm">
        {value.length === 0 ? <Text c="dimmed">{t("users.noRoles")}</Text> : null}
        {value.map((row, index) => (
          <Group key={index} align="flex-end" wrap="wrap" gap="sm" data-testid={`role-row-${index}`}>
            <Select
              label={t("users.fields.role")}
              required
              data={ROLES.map((role) => ({ value: role, label: t(roleKey(role)) }))}
              value={row.role}
              onChange={(role) => replace(index, { ...row, role: (role as Role | null) ?? null })}
              error={errorAt(errors, `roles.${index}.role`)}
              w={180}
            />
            <BusinessUnitSelect
              label={t("users.fields.scopeBusinessUnit")}
              placeholder={t("users.allBusinessUnits")}
              value={row.buId}
              onChange={(buId) => replace(index, { ...row, buId, storeId: null })}
              error={errorAt(errors, `roles.${index}.buId`)}
              clearable
              w={200}
            />
            <StoreSelect
              label={t("users.fields.scopeStore")}
              placeholder={t("users.allStores")}
              buId={row.buId}
              value={row.storeId}
              onChange={(storeId) => replace(index, { ...row, storeId })}
              error={errorAt(errors, `roles.${index}.storeId`)}
              w={200}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              onClick={() => onChange(value.filter((_, i) => i !== index))}
              aria-label={t("users.removeRole", { index: index + 1 })}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        {listError ? (
          <Text c="red" size="sm" role="alert">
            {listError}
          </Text>
        ) : null}
        <div>
          <Button
            variant="light"
            size="xs"
            onClick={() => onChange([...value, { role: null, buId: null, storeId: null }])}
          >
            {t("users.addRole")}
          </Button>
        </div>
      </Stack>
    </Fieldset>
  );
}
