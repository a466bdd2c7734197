import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useBusinessUnitOptions } from "../../../business-units/api/queries";

export const ALL_BUS = "all";

type Props = { label: string; value: string; onChange: (value: string) => void; testId?: string };

/** A BU, or "all business units" (tenant-wide configuration). */
export function BuScopeSelect({ label, value, onChange, testId }: Props) {
  const { t } = useTranslation();
  const units = useBusinessUnitOptions();
  const data = [
    { value: ALL_BUS, label: t("sdAdmin.common.allBusinessUnits") },
    ...(units.data ?? []).map((bu) => ({ value: bu.id, label: `${bu.code} · ${bu.name}` })),
  ];
  return (
    <Select
      label={label}
      data={data}
      value={value}
      onChange={(next) => onChange(next ?? ALL_BUS)}
      allowDeselect={false}
      searchable
      nothingFoundMessage={t("common.nothingFound")}
      error={units.error ? t("businessUnits.loadFailed") : undefined}
      w={320}
      data-testid={testId}
    />
  );
}
