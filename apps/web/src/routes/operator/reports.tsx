import { Button, Group, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { slaReportExportUrl, useSlaReport } from "../../features/tickets/api/report-queries";
import { SlaReportCharts } from "../../features/tickets/components/sla-report-charts";
import { clockKindKey } from "../../features/tickets/lib/labels";
import { REPORT_CLOCKS, REPORT_FILTER_KEYS, toReportParams } from "../../features/tickets/lib/report-params";
import { useUrlFilters } from "../../lib/url-filters";
import { ErrorState } from "../../ui/error-state";
import { LoadingState } from "../../ui/loading-state";
import { PageHeader } from "../../ui/page-header";

export function ReportsRoute() {
  const { t } = useTranslation();
  const [filters, setFilters] = useUrlFilters(REPORT_FILTER_KEYS);
  const params = useMemo(() => toReportParams(filters), [filters]);
  const report = useSlaReport(params);
  return (
    <>
      <PageHeader
        title={t("nav.operator.reports")}
        description={t("desk.reports.description")}
        actions={
          <Button
            component="a"
            href={slaReportExportUrl(params)}
            download
            variant="default"
            data-testid="report-export"
          >
            {t("desk.reports.export")}
          </Button>
        }
      />
      <Group align="flex-end" mb="md" wrap="wrap">
        <TextInput
          type="date"
          label={t("desk.reports.from")}
          value={filters.from}
          onChange={(event) => setFilters({ from: event.currentTarget.value })}
          w={180}
          data-testid="report-from"
        />
        <TextInput
          type="date"
          label={t("desk.reports.to")}
          value={filters.to}
          onChange={(event) => setFilters({ to: event.currentTarget.value })}
          w={180}
          data-testid="report-to"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="report-clock-label">
            {t("desk.reports.clock")}
          </Text>
          <SegmentedControl
            aria-labelledby="report-clock-label"
            data={REPORT_CLOCKS.map((clock) => ({ value: clock, label: t(clockKindKey(clock)) }))}
            value={params.clock}
            onChange={(clock) => setFilters({ clock: clock === "resolution" ? null : clock })}
            data-testid="report-clock"
          />
        </Stack>
        {filters.from || filters.to ? (
          <Button variant="subtle" onClick={() => setFilters({ from: null, to: null })}>
            {t("common.clearFilters")}
          </Button>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {filters.from || filters.to ? t("desk.reports.windowCustom") : t("desk.reports.windowDefault")}
      </Text>
      <div data-testid="sla-report" data-state={report.isPending ? "loading" : report.error ? "error" : "ready"}>
        {report.isPending ? <LoadingState /> : null}
        {report.error ? <ErrorState error={report.error} onRetry={() => void report.refetch()} /> : null}
        {report.data ? <SlaReportCharts report={report.data} /> : null}
      </div>
    </>
  );
}
