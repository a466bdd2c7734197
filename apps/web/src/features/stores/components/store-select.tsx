import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useStoreOptions } from "../api/queries";

type Props = {
  label: string;
  buId: string | null;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string;
  placeholder?: string;
  w?: number | string;
};

/** Stores of the chosen BU; disabled until a BU is chosen, since a store scope needs its BU. */
export function StoreSelect({ label, buId, value, onChange, error, placeholder, w }: Props) {
  const { t } = useTranslation();
  const options = useStoreOptions(buId, buId !== null);
  const data = (options.data ?? []).map((store) => ({ value: store.id, label: `${store.code} · ${store.name}` }));
  return (
    <Select
      label={label}
      value={value}
      onChange={onChange}
      data={data}
      searchable
      clearable
      disabled={buId === null}
      placeholder={buId !== null && options.isPending ? t("common.loading") : placeholder}
      error={error ?? (options.error ? t("stores.loadFailed") : undefined)}
      nothingFoundMessage={t("common.nothingFound")}
      w={w}
    />
  );
}
