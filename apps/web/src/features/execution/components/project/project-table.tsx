import { Anchor, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { TProjectSummary } from "@atende/contracts";
import { formatDateTime } from "../../../../lib/format";
import { currentLanguage } from "../../../../lib/i18n";
import type { PagedList } from "../../../../lib/paged-list";
import { DataTable, type Column } from "../../../../ui/data-table";
import { projectLabel, projectPath, type StaffPersona } from "../../lib/paths";
import { PxStatusBadge, SxStatusBadge } from "../badges";

type Props = {
  persona: StaffPersona;
  list: PagedList<TProjectSummary>;
  emptyTitle: string;
  emptyDescription: string;
};

export function ProjectTable({ persona, list, emptyTitle, emptyDescription }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const columns: Column<TProjectSummary>[] = [
    {
      key: "number",
      header: t("exec.fields.project"),
      width: 100,
      render: (project) => (
        <Anchor component={Link} to={projectPath(persona, project.id)} fw={600} data-testid="project-link">
          {projectLabel(project.number)}
        </Anchor>
      ),
    },
    {
      key: "customer",
      header: t("exec.fields.customer"),
      render: (project) => (
        <Stack gap={0}>
          <Anchor component={Link} to={projectPath(persona, project.id)} size="sm" c="inherit">
            {project.customerName}
          </Anchor>
          <Text size="xs" c="dimmed">
            {[project.customerFiscalId, project.customerPhone].filter(Boolean).join(" · ")}
          </Text>
        </Stack>
      ),
    },
    {
      key: "address",
      header: t("exec.fields.worksite"),
      render: (project) => (
        <Stack gap={0}>
          <Text size="sm">{project.worksite.line1}</Text>
          <Text size="xs" c="dimmed">
            {project.worksite.postcode} {project.worksite.city}
          </Text>
        </Stack>
      ),
    },
    {
      key: "status",
      header: t("exec.fields.status"),
      render: (project) => <PxStatusBadge status={project.status} />,
    },
    {
      key: "jobs",
      header: t("exec.fields.jobs"),
      render: (project) => (
        <Stack gap={4}>
          <Text size="xs" c="dimmed" data-testid="job-count">
            {t("exec.projects.jobCount", { count: project.jobs.length })}
          </Text>
          <Group gap={4}>
            {project.jobs.map((job) => (
              <SxStatusBadge key={job.id} status={job.status} size="xs" />
            ))}
          </Group>
        </Stack>
      ),
    },
    {
      key: "created",
      header: t("common.createdAt"),
      render: (project) => <Text size="sm">{formatDateTime(project.createdAt, language)}</Text>,
    },
  ];
  return (
    <DataTable
      caption={t("exec.projects.caption")}
      columns={columns}
      list={list}
      getRowId={(project) => project.id}
      emptyTitle={emptyTitle}
      emptyDescription={emptyDescription}
      testId="project-table"
    />
  );
}
