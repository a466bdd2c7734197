import { Badge, Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TBusinessCalendar } from "@atende/contracts";
import { useBusinessUnitOptions } from "../../features/business-units/api/queries";
import { useCalendarList } from "../../features/service-desk-admin/api/queries";
import { CalendarFormDrawer } from "../../features/service-desk-admin/components/calendars/calendar-form-drawer";
import { weeklyHours } from "../../features/service-desk-admin/lib/calendar-form";
import { formatDateTime } from "../../lib/format";
import { currentLanguage } from "../../lib/i18n";
import { useUrlFilters } from "../../lib/url-filters";
import { DataTable, type Column } from "../../ui/data-table";
import { PageHeader } from "../../ui/page-header";
import { SearchInput } from "../../ui/search-input";

type Editing = { calendar: TBusinessCalendar | null } | null;

export function CalendarsRoute() {
  const { t } = useTranslation();
  const [filters, setFilters] = useUrlFilters(["q"] as const);
  const list = useCalendarList({ q: filters.q, buId: "" });
  const units = useBusinessUnitOptions();
  const [editing, setEditing] = useState<Editing>(null);
  const language = currentLanguage();

  const columns: Column<TBusinessCalendar>[] = [
    {
      key: "name",
      header: t("sdAdmin.common.name"),
      render: (c) => (
        <Stack gap={0}>
          <Text size="sm">{c.name}</Text>
          <Text size="xs" c="dimmed">
            {c.code}
          </Text>
        </Stack>
      ),
    },
    {
      key: "bu",
      header: t("sdAdmin.common.businessUnit"),
      render: (c) =>
        c.buId ? (units.data?.find((bu) => bu.id === c.buId)?.code ?? c.buId) : t("sdAdmin.common.allBusinessUnits"),
    },
    {
      key: "kind",
      header: t("sdAdmin.calendars.timezone"),
      render: (c) =>
        c.definition === "24x7" ? (
          <Badge variant="light">{t("sdAdmin.calendars.alwaysShort")}</Badge>
        ) : (
          c.definition.timezone
        ),
    },
    {
      key: "hours",
      header: t("sdAdmin.calendars.weeklyHours"),
      render: (c) => {
        const hours = weeklyHours(c.definition);
        return hours === null ? "—" : t("sdAdmin.calendars.hoursPerWeek", { hours: String(hours) });
      },
    },
    {
      key: "holidays",
      header: t("sdAdmin.calendars.holidays"),
      render: (c) => (c.definition === "24x7" ? "—" : c.definition.holidays.length),
    },
    { key: "updatedAt", header: t("common.updatedAt"), render: (c) => formatDateTime(c.updatedAt, language) },
    {
      key: "actions",
      header: t("common.actions"),
      render: (c) => (
        <Button
          size="xs"
          variant="light"
          onClick={() => setEditing({ calendar: c })}
          aria-label={t("sdAdmin.calendars.editAria", { code: c.code })}
        >
          {t("actions.edit")}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("nav.admin.calendars")}
        description={t("sdAdmin.calendars.description")}
        actions={
          <Button onClick={() => setEditing({ calendar: null })} data-testid="create-calendar">
            {t("sdAdmin.calendars.create")}
          </Button>
        }
      />
      <Group mb="md" align="flex-end">
        <SearchInput label={t("common.search")} value={filters.q} onChange={(q) => setFilters({ q })} />
      </Group>
      <DataTable
        caption={t("nav.admin.calendars")}
        columns={columns}
        list={list}
        getRowId={(c) => c.id}
        emptyTitle={filters.q ? t("common.noMatches") : t("sdAdmin.calendars.empty")}
        emptyDescription={filters.q ? t("common.noMatchesHint") : t("sdAdmin.calendars.emptyHint")}
        testId="calendars-table"
      />
      {editing ? (
        <CalendarFormDrawer
          key={editing.calendar?.id ?? "new"}
          calendar={editing.calendar}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
