import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@atende/db";
import type { Page, TJob, TProjectDetail, TProjectSummary } from "@atende/contracts";
import type { Session } from "../app";
import { createTestApp } from "../app";
import { givenExecutionWorld, type ExecutionWorld } from "../factories/execution";
import {
  addDays,
  addStore,
  createOrder,
  expectProblem,
  FRIDAY,
  get,
  getJob,
  madridToday,
  nextWeekday,
  ok,
  post,
  sendContract,
  tempStorage,
  tokenOf,
} from "./exec-helpers";

const t = await createTestApp({ storageDir: tempStorage() });

let w: ExecutionWorld;
let operator: Session;
/** Project ids by name, created in this order (so the newest is the last). */
const projects: Record<string, string> = {};
let otherStoreId: string;
const delivery = nextWeekday(FRIDAY, 14);
const lateDelivery = addDays(delivery, 21);

async function list(query: string, session: Session = operator): Promise<Page<TProjectSummary>> {
  return ok<Page<TProjectSummary>>(await get(t, `/api/v1/projects${query ? `?${query}` : ""}`, session.headers));
}
const ids = (page: Page<TProjectSummary>) => page.items.map((p) => p.id);
const named = (...names: string[]) => names.map((n) => projects[n]!);

beforeAll(async () => {
  w = await givenExecutionWorld(t, "plist");
  operator = await w.as("operator");
  const other = await addStore(t, w, "PLIST-2");
  otherStoreId = other.storeId;
  const lucia = await createOrder(t, w, "O-LUCIA", {
    products: [{ sku: "OVEN", quantity: 1, expectedDeliveryDate: delivery }],
  });
  projects.lucia = lucia.jobs[0]!.projectId;
  const joao = await createOrder(t, w, "O-JOAO", {
    customer: { fiscalId: "X1234567L", name: "João Ñúñez", phone: "+351 912 345 678" },
    worksite: { line1: "Rua Nova 3", postcode: "28020", city: "Madrid" },
    products: [{ sku: "OVEN", quantity: 1, expectedDeliveryDate: lateDelivery }],
    services: [{ code: "TV", quantity: 1 }],
  });
  projects.joao = joao.jobs[0]!.projectId;
  const marta = await createOrder(t, w, "O-MARTA", {
    storeCode: other.storeCode,
    customer: { fiscalId: "22222222J", name: "Marta Ruiz", phone: "600 999 888" },
    worksite: { line1: "Calle Sol 9", postcode: "28030", city: "Madrid" },
    products: [{ sku: "OVEN", quantity: 1, expectedDeliveryDate: delivery }],
    services: [{ code: "AC", quantity: 1 }],
  });
  projects.marta = marta.jobs[0]!.projectId;
  const pablo = await createOrder(t, w, "O-PABLO", {
    customer: { customerId: "C-555", name: "Pablo Martínez" },
    worksite: { line1: "Calle Luna 2", postcode: "28040", city: "Madrid" },
    products: [],
    services: [{ code: "KIT", quantity: 1 }],
  });
  projects.pablo = pablo.jobs[0]!.projectId;
  const gone = await createOrder(t, w, "O-GONE", {
    customer: { fiscalId: "33333333P", name: "Gonzalo Cancelado" },
    worksite: { line1: "Calle Fin 1", postcode: "28050", city: "Madrid" },
  });
  projects.gone = gone.jobs[0]!.projectId;
  ok(await post(t, "/api/v1/orders/O-GONE/cancel", w.orders, {}));
  // Lucía's kitchen contract is sent and signed; Pablo's is sent and waits.
  const seller = await w.as("seller");
  const luciaJob = lucia.jobs[0]!.jobId;
  const sent = await sendContract(t, seller, luciaJob, "email");
  ok(
    await post(t, `/api/v1/public/contracts/${tokenOf(sent.signingUrl)}/sign`, {}, { signerName: "L", consent: true }),
  );
  await sendContract(t, seller, pablo.jobs[0]!.jobId, "qr");
  // João's project was opened ten days ago.
  await withTenant(t.db, w.tenantId, (tx) =>
    tx.project.update({
      where: { id: projects.joao },
      data: { createdAt: new Date(`${addDays(madridToday(), -10)}T10:00:00Z`) },
    }),
  );
});

describe("project list", () => {
  it("lists newest first and hides cancelled projects unless asked", async () => {
    const all = await list("");
    expect(ids(all)).toEqual(named("pablo", "marta", "lucia", "joao"));
    expect(all.nextCursor).toBeNull();
    const withCancelled = await list("includeCancelled=true");
    expect(ids(withCancelled)).toEqual(named("gone", "pablo", "marta", "lucia", "joao"));
    expect(withCancelled.items[0]!.status).toBe("cancelled");
    expect(ids(await list("status=cancelled"))).toEqual(named("gone"));
    const lucia = all.items.find((p) => p.id === projects.lucia)!;
    expect(lucia).toMatchObject({ customerName: "Lucía Martín", customerFiscalId: "12345678Z", status: "ongoing" });
    expect(lucia.jobs.map((j) => [j.serviceCodes, j.status])).toEqual([
      [["KIT", "WTP"], "scheduled"],
      [["AC"], "pre_scheduled"],
    ]);
  });

  it("pages with a cursor without repeating or losing a project", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(`limit=2&includeCancelled=true${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(page));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(named("gone", "pablo", "marta", "lucia", "joao"));
    expectProblem(await get(t, "/api/v1/projects?cursor=nonsense", operator.headers), 400, {
      path: "querystring.cursor",
    });
  });

  it("searches by word prefixes of the name (any case and accents), fiscal id and phone digits", async () => {
    expect(ids(await list("q=MART"))).toEqual(named("pablo", "marta", "lucia"));
    expect(ids(await list(`q=${encodeURIComponent("martín")}`))).toEqual(named("pablo", "lucia"));
    expect(ids(await list(`q=${encodeURIComponent("MARTÍN")}`))).toEqual(named("pablo", "lucia"));
    expect(ids(await list(`q=${encodeURIComponent("ñúñez")}`))).toEqual(named("joao"));
    expect(ids(await list("q=12345678z"))).toEqual(named("lucia"));
    expect(ids(await list("q=X1234567L"))).toEqual(named("joao"));
    expect(ids(await list(`q=${encodeURIComponent("600 111 222")}`))).toEqual(named("lucia"));
    expect(ids(await list(`q=${encodeURIComponent("+34600111222")}`))).toEqual(named("lucia"));
    expect(ids(await list("q=912345678"))).toEqual(named("joao"));
    expect(ids(await list(`q=${encodeURIComponent("600-999-888")}`))).toEqual(named("marta"));
    // Paging through a search gives the same order as the first page, whichever way each page was found.
    const paged: string[] = [];
    let next: string | null = null;
    do {
      const page = await list(`q=MART&limit=1${next ? `&cursor=${encodeURIComponent(next)}` : ""}`);
      paged.push(...ids(page));
      next = page.nextCursor;
    } while (next && paged.length < 10);
    expect(paged).toEqual(named("pablo", "marta", "lucia"));
    expect(ids(await list("q=nobody"))).toEqual([]);
    // Whole words in any order, the last one possibly unfinished; separators inside a fiscal id do not matter.
    expect(ids(await list(`q=${encodeURIComponent("martín luc")}`))).toEqual(named("lucia"));
    expect(ids(await list(`q=${encodeURIComponent("mart luc")}`))).toEqual([]);
    expect(ids(await list(`q=${encodeURIComponent("12345678-Z")}`))).toEqual(named("lucia"));
    expect(ids(await list(`q=${encodeURIComponent("artín")}`))).toEqual([]);
    // LIKE wildcards are searched for literally.
    expect(ids(await list(`q=${encodeURIComponent("%")}`))).toEqual([]);
    expect(ids(await list("q=_"))).toEqual([]);
  });

  it("filters by project status, job status, type, service code and tag", async () => {
    expect(ids(await list("status=ongoing"))).toEqual(named("lucia"));
    expect(ids(await list("status=new"))).toEqual(named("pablo", "marta", "joao"));
    expect(ids(await list("jobStatus=scheduled"))).toEqual(named("lucia"));
    expect(ids(await list("jobStatus=pre_scheduled"))).toEqual(named("pablo", "marta", "lucia", "joao"));
    expect(ids(await list("type=technical_visit"))).toEqual(named("joao"));
    expect(ids(await list("serviceCode=AC"))).toEqual(named("marta", "lucia"));
    expect(ids(await list("serviceCode=WTP"))).toEqual(named("lucia"));
    expect(ids(await list("tag=ACCEPTANCE_SALES_CONDITIONS"))).toEqual(named("pablo"));
    expect(ids(await list("tag=REWORK"))).toEqual([]);
    expect(ids(await list("jobStatus=cancelled&includeCancelled=true"))).toEqual(named("gone"));
    expectProblem(await get(t, "/api/v1/projects?status=lost", operator.headers), 400, { path: "querystring.status" });
  });

  it("filters by planned date, creation date and store", async () => {
    const lucia = await getJob(t, operator, (await list("q=lucía")).items[0]!.jobs[0]!.id);
    const joaoFirst = (await list("type=technical_visit")).items[0]!.jobs[0]!;
    expect(joaoFirst.plannedDate > lucia.plannedDate).toBe(true);
    expect(ids(await list(`plannedFrom=${joaoFirst.plannedDate}`))).toEqual(named("joao"));
    expect(ids(await list(`plannedTo=${lucia.plannedDate}&plannedFrom=${lucia.plannedDate}`))).toEqual(
      named("marta", "lucia"),
    );
    expect(ids(await list(`plannedTo=${addDays(lucia.plannedDate, -1)}`))).toEqual(named("pablo"));
    const today = madridToday();
    expect(ids(await list(`createdTo=${addDays(today, -5)}`))).toEqual(named("joao"));
    expect(ids(await list(`createdFrom=${addDays(today, -5)}`))).toEqual(named("pablo", "marta", "lucia"));
    expect(ids(await list(`createdFrom=${addDays(today, -10)}&createdTo=${addDays(today, -10)}`))).toEqual(
      named("joao"),
    );
    expect(ids(await list(`storeId=${otherStoreId}`))).toEqual(named("marta"));
    expect(ids(await list(`storeId=${w.storeId}`))).toEqual(named("pablo", "lucia", "joao"));
  });

  it("reads creation dates as days of the project's BU (Madrid), not of UTC", async () => {
    const day = addDays(madridToday(), -10);
    const setCreated = (at: string) =>
      withTenant(t.db, w.tenantId, (tx) =>
        tx.project.update({ where: { id: projects.joao }, data: { createdAt: new Date(at) } }),
      );
    // 23:30 UTC is already 00:30 of the next day in Madrid.
    await setCreated(`${day}T23:30:00Z`);
    try {
      expect(ids(await list(`createdFrom=${addDays(day, 1)}&createdTo=${addDays(day, 1)}`))).toEqual(named("joao"));
      expect(ids(await list(`createdFrom=${day}&createdTo=${day}`))).toEqual([]);
    } finally {
      await setCreated(`${day}T10:00:00Z`);
    }
  });

  it("shows a store-scoped seller their store's projects only", async () => {
    const seller = await w.as("seller");
    expect(ids(await list("", seller))).toEqual(named("pablo", "lucia", "joao"));
    expect(ids(await list(`storeId=${otherStoreId}`, seller))).toEqual([]);
    expect(ids(await list("q=marta", seller))).toEqual([]);
    expectProblem(await get(t, `/api/v1/projects/${projects.marta}`, seller.headers), 404);
    const detail = ok<TProjectDetail>(await get(t, `/api/v1/projects/${projects.lucia}`, seller.headers));
    expect(detail.customerEmail).toBe(w.emails.customer);
    expect(detail.jobs).toHaveLength(2);
    const customer = await w.as("customer");
    expectProblem(await get(t, "/api/v1/projects", customer.headers), 403);
    // Read-only on other stores' jobs too.
    const martaJob = ok<TProjectDetail>(await get(t, `/api/v1/projects/${projects.marta}`, operator.headers)).jobs[0]!;
    expectProblem(await get(t, `/api/v1/jobs/${martaJob.id}`, seller.headers), 404);
    ok<TJob>(await get(t, `/api/v1/jobs/${martaJob.id}`, operator.headers));
  });
});
