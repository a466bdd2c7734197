import { Paper, SimpleGrid, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TSlaReport } from "@atende/contracts";
import { currentLanguage } from "../../../lib/i18n";
import { BarChart, type ChartBar } from "../../../ui/bar-chart";
import { priorityLabel } from "../lib/labels";
import { complianceColor } from "../lib/report-params";

type Compliance = TSlaReport["byPriority"][number];
type Bucket = TSlaReport["backlogAging"][number];

function monthLabel(key: string, language: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  if (!match) return key;
  return new Intl.DateTimeFormat(language, { month: "short", year: "numeric" }).format(
    new Date(Number(match[1]), Number(match[2]) - 1, 1),
  );
}

function ComplianceChart({
  title,
  rows,
  labelOf,
  testId,
}: {
  title: string;
  rows: Compliance[];
  labelOf: (row: Compliance) => string;
  testId: string;
}) {
  const { t } = useTranslation();
  const bars: ChartBar[] = rows.map((row) => ({
    key: row.key,
    label: labelOf(row),
    value: row.percent ?? 0,
    valueLabel:
      row.percent === null
        ? t("desk.reports.noData")
        : t("desk.reports.percent", { percent: row.percent, met: row.met, total: row.met + row.breached }),
    color: complianceColor(row.percent),
  }));
  return (
    <BarChart
      title={title}
      bars={bars}
      max={100}
      labelHeader={t("desk.reports.dimension")}
      valueHeader={t("desk.reports.compliance")}
      emptyLabel={t("desk.reports.noData")}
      testId={testId}
    />
  );
}

function BucketChart({ title, buckets, testId }: { title: string; buckets: Bucket[]; testId: string }) {
  const { t } = useTranslation();
  const max = Math.max(0, ...buckets.map((bucket) => bucket.count));
  const bars: ChartBar[] = buckets.map((bucket) => ({
    key: bucket.bucket,
    label: bucket.bucket,
    value: bucket.count,
    valueLabel: t("desk.reports.tickets", { count: bucket.count }),
    color: "var(--mantine-color-blue-6)",
  }));
  return (
    <BarChart
      title={title}
      bars={max > 0 ? bars : []}
      max={max}
      labelHeader={t("desk.reports.bucket")}
      valueHeader={t("desk.reports.count")}
      emptyLabel={t("desk.reports.noData")}
      testId={testId}
    />
  );
}

export function SlaReportCharts({ report }: { report: TSlaReport }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-labelledby="compliance-title">
        <Title order={2} size="h4" id="compliance-title" mb="sm">
          {t("desk.reports.complianceTitle", { clock: t(`desk.clockKind.${report.clock}`) })}
        </Title>
        <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg">
          <ComplianceChart
            title={t("desk.reports.byPriority")}
            rows={report.byPriority}
            labelOf={(row) => priorityLabel(t, row.key)}
            testId="report-by-priority"
          />
          <ComplianceChart
            title={t("desk.reports.byGroup")}
            rows={report.byGroup}
            labelOf={(row) => (row.key === "none" ? t("desk.people.noGroup") : row.label)}
            testId="report-by-group"
          />
          <ComplianceChart
            title={t("desk.reports.byMonth")}
            rows={report.byMonth}
            labelOf={(row) => monthLabel(row.key, language)}
            testId="report-by-month"
          />
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="times-title">
        <Title order={2} size="h4" id="times-title" mb="sm">
          {t("desk.reports.timesTitle")}
        </Title>
        <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg">
          <BucketChart title={t("desk.reports.backlogAging")} buckets={report.backlogAging} testId="report-aging" />
          <BucketChart
            title={t("desk.reports.firstResponse")}
            buckets={report.firstResponseMinutes}
            testId="report-first-response"
          />
          <BucketChart
            title={t("desk.reports.resolution")}
            buckets={report.resolutionHours}
            testId="report-resolution"
          />
        </SimpleGrid>
      </Paper>
    </Stack>
  );
}
