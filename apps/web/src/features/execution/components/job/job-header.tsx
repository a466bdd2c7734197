import { Alert, Anchor, Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { TJob } from "@atende/contracts";
import { formatDateTime } from "../../../../lib/format";
import { currentLanguage } from "../../../../lib/i18n";
import { formatDay } from "../../lib/exec-format";
import { useCan } from "../../../auth/components/current-user";
import { alertText, cancelReasonKey, durationLabel, sxTypeKey } from "../../lib/labels";
import { jobLabel, projectLabel, projectPath, type StaffPersona } from "../../lib/paths";
import { SxStatusBadge, TagBadges } from "../badges";

type Props = { job: TJob; persona: StaffPersona; menu: ReactNode };

export function JobHeader({ job, persona, menu }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const operator = useCan("jobs.operate");
  const edited = job.previousDurationMinutes !== null;
  return (
    <Paper withBorder p="md" mb="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Group gap="sm">
              <Title order={1} size="h2" data-testid="job-number">
                {jobLabel(job.number)}
              </Title>
              <SxStatusBadge status={job.status} />
              <Badge variant="default">{t(sxTypeKey(job.type))}</Badge>
            </Group>
            <Text size="sm">
              <Anchor component={Link} to={projectPath(persona, job.projectId)} data-testid="job-project-link">
                {projectLabel(job.projectNumber)}
              </Anchor>{" "}
              · {job.customerName} · {job.profession} / {job.specialty}
            </Text>
          </Stack>
          {menu}
        </Group>
        <Group gap="xl" wrap="wrap">
          <Fact label={t("exec.fields.plannedDate")} testId="job-planned-date">
            {formatDay(job.plannedDate, language)}
          </Fact>
          <Fact label={t("exec.fields.duration")} testId="job-duration">
            {durationLabel(t, job.durationMinutes)}
            {edited ? (
              <Text span size="xs" c="orange" ml={6} data-testid="duration-edited">
                {t("exec.job.durationEdited", { previous: durationLabel(t, job.previousDurationMinutes ?? 0) })}
              </Text>
            ) : null}
          </Fact>
          <Fact label={t("exec.fields.worksite")} testId="job-worksite">
            {job.worksite.line1}, {job.worksite.postcode} {job.worksite.city}
          </Fact>
          <Fact label={t("exec.fields.contact")} testId="job-contact">
            {[job.contact.name, job.contact.phone, job.contact.email].filter(Boolean).join(" · ")}
          </Fact>
          <Fact label={t("exec.fields.order")}>{job.orderId}</Fact>
        </Group>
        <TagBadges tags={job.tags} />
        {job.cancelledAt ? (
          <Alert color="red" variant="light" title={t("exec.job.cancelledTitle")} data-testid="job-cancelled">
            {t("exec.job.cancelledOn", { at: formatDateTime(job.cancelledAt, language) })}
            {job.cancelReason ? ` · ${t(cancelReasonKey(job.cancelReason), { defaultValue: job.cancelReason })}` : ""}
            {job.cancelJustification ? ` — ${job.cancelJustification}` : ""}
          </Alert>
        ) : null}
        {job.alerts.map((alert) => (
          <Alert key={alert.code} color="orange" variant="light" data-testid="job-alert" data-code={alert.code}>
            {alertText(t, alert, operator)}
          </Alert>
        ))}
      </Stack>
    </Paper>
  );
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {children}
      </Text>
    </Stack>
  );
}
