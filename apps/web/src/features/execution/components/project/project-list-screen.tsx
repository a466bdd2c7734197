import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useUrlFilters } from "../../../../lib/url-filters";
import { navKey } from "../../../../lib/i18n-keys";
import { PageHeader } from "../../../../ui/page-header";
import { useProjectList } from "../../api/queries";
import type { StaffPersona } from "../../lib/paths";
import { hasNarrowingFilters, PROJECT_FILTER_KEYS, toProjectParams } from "../../lib/project-params";
import { ProjectFilters } from "./project-filters";
import { ProjectTable } from "./project-table";

/** The project list of operators and sellers: the same screen, each under its own URL and permission. */
export function ProjectListScreen({ persona }: { persona: StaffPersona }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useUrlFilters(PROJECT_FILTER_KEYS);
  const params = useMemo(() => toProjectParams(filters), [filters]);
  const list = useProjectList(params);
  const narrowed = hasNarrowingFilters(params);
  return (
    <>
      <PageHeader title={t(navKey(`${persona}.projects`))} description={t("exec.projects.description")} />
      <ProjectFilters filters={filters} onChange={setFilters} narrowed={narrowed} />
      <ProjectTable
        persona={persona}
        list={list}
        emptyTitle={narrowed ? t("common.noMatches") : t("exec.projects.empty")}
        emptyDescription={narrowed ? t("common.noMatchesHint") : t("exec.projects.emptyHint")}
      />
    </>
  );
}
