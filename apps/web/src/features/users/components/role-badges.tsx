import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TUser } from "@atende/contracts";
import { roleKey } from "../../../lib/i18n-keys";

type Lookup = (id: string) => string;

/** Each role with its scope: "Operator · LMES / Store 12", or just the role when tenant-wide. */
export function RoleBadges({
  roles,
  unitCode,
  storeCode,
}: {
  roles: TUser["roles"];
  unitCode: Lookup;
  storeCode: Lookup;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {roles.map((assignment) => {
        const scope = [
          assignment.buId ? unitCode(assignment.buId) : null,
          assignment.storeId ? storeCode(assignment.storeId) : null,
        ]
          .filter(Boolean)
          .join(" / ");
        return (
          <Badge key={`${assignment.role}:${assignment.buId}:${assignment.storeId}`} variant="light" tt="none">
            {t(roleKey(assignment.role))}
            {scope ? ` · ${scope}` : ""}
          </Badge>
        );
      })}
    </Group>
  );
}
