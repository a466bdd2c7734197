import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useBusinessUnitOptions } from "../api/queries";

type Props = {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string;
  required?: boolean;
  clearable?: boolean;
  placeholder?: string;
  description?: string;
  disabled?: boolean;
  testId?: string;
  w?: number | string;
};

/** Picks a BU by code and name; shows a loading or failure hint rather than an empty list. */
export function BusinessUnitSelect({
  label,
  value,
  onChange,
  error,
  required,
  clearable,
  placeholder,
  description,
  disabled,
  testId,
  w,
}: Props) {
  const { t } = useTranslation();
  const options = useBusinessUnitOptions();
  const data = (options.data ?? []).map((bu) => ({ value: bu.id, label: `${bu.code} · ${bu.name}` }));
  return (
    <Select
      label={label}
      value={value}
      onChange={onChange}
      data={data}
      searchable
      clearable={clearable}
      required={required}
      disabled={disabled || options.isPending}
      placeholder={options.isPending ? t("common.loading") : placeholder}
      description={description}
      error={error ?? (options.error ? t("businessUnits.loadFailed") : undefined)}
      nothingFoundMessage={t("common.nothingFound")}
      data-testid={testId}
      w={w}
    />
  );
}
