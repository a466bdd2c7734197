import { Badge, Button, Card, Group, Progress, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { TPortalJob, TPortalProject } from "@atende/contracts";
import { currentLanguage } from "../../../../lib/i18n";
import { customerPhase, PHASE_COLORS, progressValue } from "../../lib/customer-phase";
import { formatDay } from "../../lib/exec-format";
import { customerPhaseKey, sxTypeKey } from "../../lib/labels";
import { jobLabel, portalSignPath, projectLabel } from "../../lib/paths";

/** One project of the customer, at its address, with each job's step, date and progress. */
export function PortalProjectCard({ project }: { project: TPortalProject }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" data-testid="portal-project" data-project-id={project.id}>
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={2} size="h4">
            {project.worksite.line1}, {project.worksite.postcode} {project.worksite.city}
          </Title>
          <Text size="xs" c="dimmed">
            {t("exec.portal.projectRef", { number: projectLabel(project.number) })}
          </Text>
        </Stack>
        {project.jobs.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("exec.portal.noJobs")}
          </Text>
        ) : (
          project.jobs.map((job) => <PortalJobRow key={job.id} job={job} />)
        )}
      </Stack>
    </Card>
  );
}

function PortalJobRow({ job }: { job: TPortalJob }) {
  const { t } = useTranslation();
  const phase = customerPhase(job.status);
  const progress = progressValue(job.status, job.progressPercent);
  return (
    <Card withBorder padding="sm" radius="sm" data-testid="portal-job" data-job-id={job.id} data-status={job.status}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Text fw={600}>{t(sxTypeKey(job.type))}</Text>
            <Text size="xs" c="dimmed">
              {jobLabel(job.number)}
            </Text>
          </Group>
          <Badge color={PHASE_COLORS[phase]} variant="light" data-testid="portal-job-phase" data-phase={phase}>
            {t(customerPhaseKey(phase))}
          </Badge>
        </Group>
        {job.services.length > 0 ? (
          <Text size="sm" c="dimmed">
            {job.services.join(", ")}
          </Text>
        ) : null}
        <Text size="sm">{t("exec.portal.plannedFor", { date: formatDay(job.plannedDate, currentLanguage()) })}</Text>
        <Progress
          value={progress}
          color={PHASE_COLORS[phase]}
          aria-label={t("exec.portal.progress", { percent: progress })}
          data-testid="portal-job-progress"
        />
        <Text size="xs" c="dimmed">
          {t("exec.portal.progress", { percent: progress })}
        </Text>
        {job.contractToSign ? (
          <Group justify="space-between" wrap="wrap">
            <Text size="sm">{t("exec.portal.contractWaiting")}</Text>
            <Button component={Link} to={portalSignPath(job.id)} data-testid="portal-sign-contract">
              {t("exec.portal.signContract")}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
