import { Button, Group, Select, Switch } from "@mantine/core";
import { DatePickerInput, type DatesRangeValue } from "@mantine/dates";
import { useTranslation } from "react-i18next";
import { PX_STATUSES, SX_STATUSES, SX_TAGS, SX_TYPES } from "@atende/domain";
import { SearchInput } from "../../../../ui/search-input";
import { useStoreOptions } from "../../../stores/api/queries";
import { pxStatusKey, sxStatusKey, sxTypeKey, tagLabel } from "../../lib/labels";
import { CLEARED_FILTERS, type ProjectFilterKey, type ProjectFilters as Filters } from "../../lib/project-params";

type Props = {
  filters: Filters;
  onChange: (patch: Partial<Record<ProjectFilterKey, string | null>>) => void;
  narrowed: boolean;
};

const asDay = (value: DatesRangeValue[number]): string | null =>
  value === null ? null : typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);

export function ProjectFilters({ filters, onChange, narrowed }: Props) {
  const { t } = useTranslation();
  const stores = useStoreOptions(null);
  const range = (from: string, to: string): DatesRangeValue<string> => [from || null, to || null];
  return (
    <Group align="flex-end" mb="md" wrap="wrap" gap="sm" data-testid="project-filters">
      <SearchInput
        label={t("common.search")}
        placeholder={t("exec.projects.searchPlaceholder")}
        value={filters.q}
        onChange={(q) => onChange({ q })}
      />
      <Select
        label={t("exec.fields.type")}
        placeholder={t("common.all")}
        data={SX_TYPES.map((value) => ({ value, label: t(sxTypeKey(value)) }))}
        value={filters.type || null}
        onChange={(type) => onChange({ type })}
        clearable
        w={170}
        data-testid="filter-type"
      />
      <Select
        label={t("exec.fields.projectStatus")}
        placeholder={t("common.all")}
        data={PX_STATUSES.map((value) => ({ value, label: t(pxStatusKey(value)) }))}
        value={filters.status || null}
        onChange={(status) => onChange({ status })}
        clearable
        w={160}
        data-testid="filter-status"
      />
      <Select
        label={t("exec.fields.jobStatus")}
        placeholder={t("common.all")}
        data={SX_STATUSES.map((value) => ({ value, label: t(sxStatusKey(value)) }))}
        value={filters.jobStatus || null}
        onChange={(jobStatus) => onChange({ jobStatus })}
        clearable
        w={190}
        data-testid="filter-job-status"
      />
      <SearchInput
        label={t("exec.fields.serviceCode")}
        placeholder="49-KIT-001"
        value={filters.serviceCode}
        onChange={(serviceCode) => onChange({ serviceCode })}
      />
      <DatePickerInput
        type="range"
        label={t("exec.fields.plannedRange")}
        placeholder={t("exec.projects.anyDate")}
        value={range(filters.plannedFrom, filters.plannedTo)}
        onChange={([from, to]) => onChange({ plannedFrom: asDay(from), plannedTo: asDay(to) })}
        allowSingleDateInRange
        clearable
        w={260}
        data-testid="filter-planned"
      />
      <DatePickerInput
        type="range"
        label={t("exec.fields.createdRange")}
        placeholder={t("exec.projects.anyDate")}
        value={range(filters.createdFrom, filters.createdTo)}
        onChange={([from, to]) => onChange({ createdFrom: asDay(from), createdTo: asDay(to) })}
        allowSingleDateInRange
        clearable
        w={260}
        data-testid="filter-created"
      />
      <Select
        label={t("exec.fields.tag")}
        placeholder={t("common.all")}
        data={SX_TAGS.map((value) => ({ value, label: tagLabel(t, value) }))}
        value={filters.tag || null}
        onChange={(tag) => onChange({ tag })}
        clearable
        w={230}
        data-testid="filter-tag"
      />
      <Select
        label={t("exec.fields.store")}
        placeholder={stores.isPending ? t("common.loading") : t("common.all")}
        data={(stores.data ?? []).map((store) => ({ value: store.id, label: `${store.code} · ${store.name}` }))}
        value={filters.storeId || null}
        onChange={(storeId) => onChange({ storeId })}
        error={stores.error ? t("stores.loadFailed") : undefined}
        searchable
        clearable
        nothingFoundMessage={t("common.nothingFound")}
        w={220}
        data-testid="filter-store"
      />
      <Switch
        label={t("exec.projects.showCancelled")}
        checked={filters.includeCancelled === "true"}
        onChange={(event) => onChange({ includeCancelled: event.currentTarget.checked ? "true" : null })}
        mb={8}
        data-testid="filter-include-cancelled"
      />
      {narrowed ? (
        <Button variant="subtle" onClick={() => onChange(CLEARED_FILTERS)}>
          {t("common.clearFilters")}
        </Button>
      ) : null}
    </Group>
  );
}
