import { Anchor, Badge, Stack, Tabs } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { TJob } from "@atende/contracts";
import { navKey } from "../../../../lib/i18n-keys";
import { useUrlFilters } from "../../../../lib/url-filters";
import { ErrorState } from "../../../../ui/error-state";
import { LoadingState } from "../../../../ui/loading-state";
import { useJob } from "../../api/queries";
import { JOB_TABS, type DialogAction, type JobTab } from "../../lib/job-actions";
import { projectsPath, type StaffPersona } from "../../lib/paths";
import { JobActionDialog } from "../dialogs/job-action-dialog";
import { ContractTab } from "./contract-tab";
import { DocumentsTab } from "./documents-tab";
import { HistoryTab } from "./history-tab";
import { JobHeader } from "./job-header";
import { NotesTab } from "./notes-tab";
import { ProductsTab } from "./products-tab";
import { ServiceMenu } from "./service-menu";
import { TasksTab } from "./tasks-tab";

export function JobScreen({ persona }: { persona: StaffPersona }) {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const job = useJob(id);
  return (
    <Stack gap="sm">
      <Anchor component={Link} to={projectsPath(persona)} size="sm" w="fit-content" data-testid="back-to-projects">
        ← {t(navKey(`${persona}.projects`))}
      </Anchor>
      {job.isPending ? <LoadingState /> : null}
      {job.error && !job.data ? <ErrorState error={job.error} onRetry={() => void job.refetch()} /> : null}
      {job.data ? <JobWorkspace job={job.data} persona={persona} /> : null}
    </Stack>
  );
}

const isJobTab = (value: string | null): value is JobTab => (JOB_TABS as readonly (string | null)[]).includes(value);

function JobWorkspace({ job, persona }: { job: TJob; persona: StaffPersona }) {
  const { t } = useTranslation();
  // The open tab lives in the URL, so a link or Back returns to it.
  const [filters, setFilters] = useUrlFilters(["tab"] as const);
  const tab: JobTab = isJobTab(filters.tab) ? filters.tab : "notes";
  const setTab = (next: JobTab) => setFilters({ tab: next === "notes" ? null : next });
  const [dialog, setDialog] = useState<DialogAction | null>(null);
  return (
    <div data-testid="job-page" data-status={job.status} data-version={job.version}>
      <JobHeader
        job={job}
        persona={persona}
        menu={<ServiceMenu allowed={job.allowedActions} onDialog={setDialog} onTab={setTab} />}
      />
      <Tabs value={tab} onChange={(value) => isJobTab(value) && setTab(value)} keepMounted={false}>
        <Tabs.List aria-label={t("exec.job.sections")}>
          {JOB_TABS.map((value) => (
            <Tabs.Tab
              key={value}
              value={value}
              data-testid={`tab-${value}`}
              rightSection={<TabCount job={job} tab={value} />}
            >
              {t(`exec.job.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="notes" pt="md">
          <NotesTab jobId={job.id} />
        </Tabs.Panel>
        <Tabs.Panel value="documents" pt="md">
          <DocumentsTab jobId={job.id} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryTab jobId={job.id} />
        </Tabs.Panel>
        <Tabs.Panel value="products" pt="md">
          <ProductsTab job={job} />
        </Tabs.Panel>
        <Tabs.Panel value="contract" pt="md">
          <ContractTab job={job} onAction={setDialog} />
        </Tabs.Panel>
        <Tabs.Panel value="tasks" pt="md">
          <TasksTab job={job} />
        </Tabs.Panel>
      </Tabs>
      {dialog ? <JobActionDialog key={dialog} action={dialog} job={job} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}

/** Counts the page already knows without another request. */
function TabCount({ job, tab }: { job: TJob; tab: JobTab }) {
  const count = tab === "tasks" ? job.tasks.length : tab === "contract" ? job.contracts.length : null;
  if (!count) return null;
  return (
    <Badge size="xs" variant="light" circle>
      {count}
    </Badge>
  );
}
