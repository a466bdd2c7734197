import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { TProjectDetail } from "@atende/contracts";
import { formatDateTime } from "../../../../lib/format";
import { currentLanguage } from "../../../../lib/i18n";
import { navKey } from "../../../../lib/i18n-keys";
import { EmptyState } from "../../../../ui/empty-state";
import { ErrorState } from "../../../../ui/error-state";
import { LoadingState } from "../../../../ui/loading-state";
import { useProject } from "../../api/queries";
import { projectLabel, projectsPath, type StaffPersona } from "../../lib/paths";
import { PxStatusBadge } from "../badges";
import { JobCard } from "./job-card";

export function ProjectScreen({ persona }: { persona: StaffPersona }) {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const project = useProject(id);
  return (
    <Stack gap="sm">
      <Anchor component={Link} to={projectsPath(persona)} size="sm" w="fit-content" data-testid="back-to-projects">
        ← {t(navKey(`${persona}.projects`))}
      </Anchor>
      {project.isPending ? <LoadingState /> : null}
      {project.error ? <ErrorState error={project.error} onRetry={() => void project.refetch()} /> : null}
      {project.data ? <ProjectView project={project.data} persona={persona} /> : null}
    </Stack>
  );
}

function ProjectView({ project, persona }: { project: TProjectDetail; persona: StaffPersona }) {
  const { t } = useTranslation();
  const contact = [project.customerFiscalId, project.customerPhone, project.customerEmail].filter(Boolean).join(" · ");
  return (
    <Stack gap="md" data-testid="project-page" data-status={project.status}>
      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Group gap="sm">
              <Title order={1} size="h2">
                {projectLabel(project.number)} · {project.customerName}
              </Title>
              <PxStatusBadge status={project.status} />
            </Group>
            {contact ? (
              <Text size="sm" c="dimmed">
                {contact}
              </Text>
            ) : null}
            <Text size="sm" data-testid="project-worksite">
              {project.worksite.line1}, {project.worksite.postcode} {project.worksite.city}
            </Text>
          </Stack>
          <Text size="xs" c="dimmed">
            {t("exec.project.createdAt", { at: formatDateTime(project.createdAt, currentLanguage()) })}
          </Text>
        </Group>
      </Paper>
      <Title order={2} size="h4">
        {t("exec.project.jobs", { count: project.jobs.length })}
      </Title>
      {project.jobs.length === 0 ? (
        <EmptyState title={t("exec.project.noJobs")} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} data-testid="project-jobs">
          {project.jobs.map((job) => (
            <JobCard key={job.id} job={job} persona={persona} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
