import { Card, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { TJobCard } from "@atende/contracts";
import { currentLanguage } from "../../../../lib/i18n";
import { formatDay } from "../../lib/exec-format";
import { sxTypeKey } from "../../lib/labels";
import { jobLabel, jobPath, type StaffPersona } from "../../lib/paths";
import { SxStatusBadge, TagBadges } from "../badges";

export function JobCard({ job, persona }: { job: TJobCard; persona: StaffPersona }) {
  const { t } = useTranslation();
  return (
    <Card
      withBorder
      padding="md"
      component={Link}
      to={jobPath(persona, job.id)}
      aria-label={t("exec.project.openJob", { number: jobLabel(job.number) })}
      data-testid="job-card"
      data-job-id={job.id}
      data-status={job.status}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Text fw={700}>{jobLabel(job.number)}</Text>
          <SxStatusBadge status={job.status} />
        </Group>
        <Text size="sm">
          {t(sxTypeKey(job.type))} · {job.profession} / {job.specialty}
        </Text>
        <Text size="sm" c="dimmed">
          {t("exec.fields.plannedDate")}: {formatDay(job.plannedDate, currentLanguage())}
        </Text>
        {job.serviceCodes.length > 0 ? (
          <Text size="xs" c="dimmed" data-testid="job-service-codes">
            {job.serviceCodes.join(", ")}
          </Text>
        ) : null}
        <TagBadges tags={job.tags} />
      </Stack>
    </Card>
  );
}
