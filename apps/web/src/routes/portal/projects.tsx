import { Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { usePortalProjects } from "../../features/execution/api/queries";
import { PortalProjectCard } from "../../features/execution/components/portal/portal-project-card";
import { EmptyState } from "../../ui/empty-state";
import { ErrorState } from "../../ui/error-state";
import { LoadingState } from "../../ui/loading-state";
import { PageHeader } from "../../ui/page-header";

export function PortalProjectsRoute() {
  const { t } = useTranslation();
  const projects = usePortalProjects();
  const state = projects.isPending
    ? "loading"
    : projects.error
      ? "error"
      : projects.data.length === 0
        ? "empty"
        : "ready";
  return (
    <>
      <PageHeader title={t("nav.portal.projects")} description={t("exec.portal.description")} />
      <div data-testid="portal-projects" data-state={state}>
        {state === "loading" ? <LoadingState /> : null}
        {projects.error ? <ErrorState error={projects.error} onRetry={() => void projects.refetch()} /> : null}
        {state === "empty" ? (
          <EmptyState title={t("exec.portal.empty")} description={t("exec.portal.emptyHint")} />
        ) : null}
        {projects.data && projects.data.length > 0 ? (
          <Stack gap="md">
            {projects.data.map((project) => (
              <PortalProjectCard key={project.id} project={project} />
            ))}
          </Stack>
        ) : null}
      </div>
    </>
  );
}
