import { MantineProvider, Modal, createTheme } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import i18next from "i18next";
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { MemoryRouter, Route, Routes } from "react-router";
import type { TJob, TMe, TPortalProject, TProjectDetail, TSigningView } from "@atende/contracts";
import en from "../../../locales/en.json";
import enDesk from "../../../locales/en/desk.json";
import enExec from "../../../locales/en/exec.json";
import es from "../../../locales/es.json";
import esDesk from "../../../locales/es/desk.json";
import esExec from "../../../locales/es/exec.json";
import { CurrentUserProvider } from "../../auth/components/current-user";
import { execKeys } from "../api/keys";
import { JobScreen } from "../components/job/job-screen";
import { JobActionDialog } from "../components/dialogs/job-action-dialog";
import { PendingContracts } from "../components/monitoring/pending-contracts";
import { TaskCounts } from "../components/monitoring/task-counts";
import { PortalProjectCard } from "../components/portal/portal-project-card";
import { ProjectListScreen } from "../components/project/project-list-screen";
import { ProjectScreen } from "../components/project/project-screen";
import { SigningPanel } from "../components/signing/signing-panel";
import { DIALOG_ACTIONS } from "../lib/job-actions";
import { toProjectParams, PROJECT_FILTER_KEYS, type ProjectFilters } from "../lib/project-params";

const ID = "11111111-1111-4111-8111-111111111111";
const PID = "22222222-2222-4222-8222-222222222222";

export const job: TJob = {
  id: ID, number: 42, projectId: PID, projectNumber: 7, orderId: "PYX-1", buId: PID, storeId: PID,
  type: "installation", status: "pre_scheduled", profession: "carpentry", specialty: "kitchen",
  services: [{ code: "49-KIT", label: "Kitchen", quantity: 1, durationMinutes: 150, customerPriceMinor: 12345, providerPriceMinor: 9000 }],
  products: [{ sku: "SKU-1", label: "Oven", quantity: 1, expectedDeliveryDate: "2027-03-10" }],
  durationMinutes: 120, originalDurationMinutes: 180, previousDurationMinutes: 180,
  plannedDate: "2027-03-15", earliestDate: "2027-03-12", latestDate: "2027-06-01",
  worksite: { line1: "Calle Mayor 1", postcode: "28013", city: "Madrid" },
  contact: { name: "Lucía", email: "l@example.com", phone: null }, customerName: "Lucía Martín",
  tags: ["ACCEPTANCE_SALES_CONDITIONS", "FUTURE_TAG"], postcodeChangePending: true,
  cancelReason: null, cancelJustification: null, cancelledAt: null, signedAt: null, version: 3,
  createdAt: "2027-03-01T10:00:00Z",
  allowedActions: ["send_contract", "show_contract_qr", "print_contract", "reschedule", "cancel", "add_note", "assign_provider", "skip_contract"],
  alerts: [{ code: "seller_blocked_duplicate_technical_visits", message: "x" }, { code: "unknown", message: "Raw message" }],
  contracts: [{ id: ID, version: 1, status: "sent", channel: "email", sentAt: "2027-03-02T10:00:00Z", signedAt: null, signerName: null, remindersSent: 2 }],
  tasks: [{ ticketId: ID, number: 12, kind: "CONTRACT_NOT_SIGNED", status: "open" }],
};

const project: TProjectDetail = {
  id: PID, number: 7, status: "new", buId: PID, storeId: PID, customerName: "Lucía Martín", customerFiscalId: "123Z",
  customerPhone: "+34 600", customerEmail: null, worksite: job.worksite, createdAt: "2027-03-01T10:00:00Z",
  jobs: [{ id: ID, number: 42, type: "installation", status: "pre_scheduled", profession: "carpentry", specialty: "kitchen", plannedDate: "2027-03-15", tags: ["REWORK"], serviceCodes: ["49-KIT"] }],
};

const portal: TPortalProject = {
  id: PID, number: 7, status: "new", worksite: job.worksite, createdAt: "2027-03-01T10:00:00Z",
  jobs: [{ id: ID, number: 42, type: "installation", status: "pre_scheduled", plannedDate: "2027-03-15", progressPercent: 10, services: ["Kitchen"], contractToSign: { version: 1, sentAt: "2027-03-02T10:00:00Z" } }],
};

const view: TSigningView = {
  tenantName: "Acme", jobNumber: 42, projectNumber: 7, customerName: "Lucía", version: 1, status: "sent",
  plannedDate: "2027-03-15", worksite: job.worksite, services: [{ label: "Kitchen", quantity: 2 }], signedAt: null, locale: "es",
};

const me: TMe = {
  id: ID, email: "op@example.com", name: "Op", locale: "en", tenant: { id: PID, slug: "acme", name: "Acme" },
  roles: [{ role: "operator", buId: null, storeId: null }],
  permissions: ["jobs.operate", "tickets.work", "bu.read", "projects.read"], csrfToken: "x",
};

const theme = createTheme({ components: { Modal: Modal.extend({ defaultProps: { withinPortal: false, transitionProps: { duration: 0 } } }) } });

export async function renderAll(language: "en" | "es"): Promise<Record<string, string>> {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({
    resources: {
      en: { translation: { ...en, desk: enDesk, exec: enExec } },
      es: { translation: { ...es, desk: esDesk, exec: esExec } },
    },
    lng: language,
    fallbackLng: "en",
    interpolation: { escapeValue: false },
  });
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  const empty = Object.fromEntries(PROJECT_FILTER_KEYS.map((k) => [k, ""])) as ProjectFilters;
  client.setQueryData(execKeys.projectList(toProjectParams(empty)), { pages: [{ items: [project], nextCursor: "c" }], pageParams: [null] });
  client.setQueryData(execKeys.project(PID), project);
  client.setQueryData(execKeys.job(ID), job);
  client.setQueryData(execKeys.notes(ID), { items: [{ id: ID, source: "provider", authorLabel: "Pro", body: "hi\nthere", forwardToProvider: true, createdAt: "2027-03-02T10:00:00Z" }] });
  client.setQueryData(execKeys.documents(ID), { items: [{ id: ID, category: "legal", filename: "c.pdf", contentType: "application/pdf", sizeBytes: 2048, sha256: "x", createdAt: "2027-03-02T10:00:00Z" }] });
  client.setQueryData(execKeys.history(ID), { items: [{ id: ID, code: 127, name: "CONTRACT_SIGNATURE_IN_PAPER", label: "x", actorLabel: "Op", data: {}, at: "2027-03-02T10:00:00Z" }, { id: PID, code: 999, name: "NEW_THING", label: "Future label", actorLabel: "Sys", data: {}, at: "2027-03-01T10:00:00Z" }] });
  client.setQueryData(execKeys.pendingContracts(), { items: [{ jobId: ID, jobNumber: 42, projectNumber: 7, customerName: "L", version: 1, sentAt: "2027-03-02T10:00:00Z", ageHours: 5, remindersSent: 0 }, { jobId: PID, jobNumber: 43, projectNumber: 7, customerName: "M", version: 2, sentAt: "2027-03-01T10:00:00Z", ageHours: 100, remindersSent: 3 }] });
  client.setQueryData(execKeys.taskCounts(), { items: [{ kind: "CONTRACT_NOT_SIGNED", open: 3 }, { kind: "NO_SHOW", open: 0 }] });
  client.setQueryData(execKeys.portalProjects(), { items: [portal] });
  client.setQueryData(execKeys.signing({ kind: "portal", jobId: ID }), view);
  client.setQueryData(execKeys.signing({ kind: "public", token: "t".repeat(30) }), { ...view, status: "cancelled" });

  const wrap = (url: string, path: string, node: ReactNode) =>
    renderToString(
      <I18nextProvider i18n={i18n}>
        <MantineProvider theme={theme}>
          <QueryClientProvider client={client}>
            <CurrentUserProvider me={me}>
              <MemoryRouter initialEntries={[url]}>
                <Routes>
                  <Route path={path} element={node} />
                </Routes>
              </MemoryRouter>
            </CurrentUserProvider>
          </QueryClientProvider>
        </MantineProvider>
      </I18nextProvider>,
    );
  const out: Record<string, string> = {
    list: wrap("/operator/projects", "/operator/projects", <ProjectListScreen persona="operator" />),
    project: wrap(`/seller/projects/${PID}`, "/seller/projects/:id", <ProjectScreen persona="seller" />),
    monitoring: wrap("/m", "/m", <><PendingContracts /><TaskCounts /></>),
    portal: wrap("/p", "/p", <PortalProjectCard project={portal} />),
    signPortal: wrap("/s", "/s", <SigningPanel source={{ kind: "portal", jobId: ID }} />),
    signPublic: wrap("/s", "/s", <SigningPanel source={{ kind: "public", token: "t".repeat(30) }} />),
  };
  for (const tab of ["notes", "documents", "history", "products", "contract", "tasks"]) {
    out[`job-${tab}`] = wrap(`/operator/jobs/${ID}?tab=${tab}`, "/operator/jobs/:id", <JobScreen persona="operator" />);
  }
  for (const action of DIALOG_ACTIONS) {
    out[`dialog-${action}`] = wrap("/d", "/d", <JobActionDialog action={action} job={job} onClose={() => undefined} />);
  }
  return out;
}
