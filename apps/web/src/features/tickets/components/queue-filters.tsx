import { Button, Group, Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { TICKET_STATUSES, TICKET_TYPES } from "@atende/domain";
import { useCan } from "../../auth/components/current-user";
import { usePriorityOptions } from "../api/queries";
import { priorityLabel, sortKey, statusKey, typeKey } from "../lib/labels";
import { QUEUE_SORTS, type QueueFilters as Filters } from "../lib/queue-params";
import type { Option } from "../lib/use-people";
import { QueueSearch } from "./queue-search";

type Props = {
  filters: Filters;
  onChange: (patch: Partial<Record<keyof Filters, string | null>>) => void;
  groupOptions: Option[];
};

export function QueueFilters({ filters, onChange, groupOptions }: Props) {
  const { t } = useTranslation();
  const priorities = usePriorityOptions(useCan("bu.read"));
  const narrowed = Boolean(filters.groupId || filters.priority || filters.type || filters.status || filters.q);
  return (
    <Group align="flex-end" mb="md" wrap="wrap" gap="sm">
      <QueueSearch
        label={t("common.search")}
        placeholder={t("desk.queue.searchPlaceholder")}
        value={filters.q}
        onChange={(q) => onChange({ q })}
      />
      <Select
        label={t("desk.fields.group")}
        placeholder={t("common.all")}
        data={groupOptions}
        value={filters.groupId || null}
        onChange={(groupId) => onChange({ groupId })}
        clearable
        searchable
        nothingFoundMessage={t("common.nothingFound")}
        w={190}
        data-testid="filter-group"
      />
      <Select
        label={t("desk.fields.priority")}
        placeholder={t("common.all")}
        data={priorities.items.map((level) => ({ value: level.code, label: priorityLabel(t, level.code) }))}
        value={filters.priority || null}
        onChange={(priority) => onChange({ priority })}
        clearable
        w={150}
        data-testid="filter-priority"
      />
      <Select
        label={t("desk.fields.type")}
        placeholder={t("common.all")}
        data={TICKET_TYPES.map((type) => ({ value: type, label: t(typeKey(type)) }))}
        value={filters.type || null}
        onChange={(type) => onChange({ type })}
        clearable
        w={170}
        data-testid="filter-type"
      />
      <Select
        label={t("desk.fields.status")}
        placeholder={t("common.all")}
        data={TICKET_STATUSES.map((status) => ({ value: status, label: t(statusKey(status)) }))}
        value={filters.status || null}
        onChange={(status) => onChange({ status })}
        clearable
        w={150}
        data-testid="filter-status"
      />
      <Select
        label={t("common.sort")}
        data={QUEUE_SORTS.map((sort) => ({ value: sort, label: t(sortKey(sort)) }))}
        value={filters.sort || "nextDueAt"}
        // The default sort stays out of the URL so the plain queue keeps a clean address.
        onChange={(sort) => onChange({ sort: sort === "nextDueAt" ? null : sort })}
        allowDeselect={false}
        w={190}
        data-testid="queue-sort"
      />
      {narrowed ? (
        <Button
          variant="subtle"
          onClick={() => onChange({ groupId: null, priority: null, type: null, status: null, q: null })}
        >
          {t("common.clearFilters")}
        </Button>
      ) : null}
    </Group>
  );
}
