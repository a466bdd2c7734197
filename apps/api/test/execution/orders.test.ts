import { describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { withTenant } from "@atende/db";
import type { TJob, TOrderResult } from "@atende/contracts";
import { createTestApp } from "../app";
import { anOrder, givenExecutionWorld } from "../factories/execution";
import {
  addDays,
  addStore,
  createOrder,
  expectProblem,
  FRIDAY,
  getJob,
  historyOf,
  jobWithCode,
  nextWeekday,
  ok,
  post,
  put,
  rowCounts,
  sendContract,
  setJob,
  tempStorage,
  webhooksOf,
} from "./exec-helpers";

const t = await createTestApp({ storageDir: tempStorage() });

const codesOf = (order: TOrderResult) => order.jobs.map((j) => j.outcome);

describe("order API: access", () => {
  it("needs a bearer token with the orders:write scope", async () => {
    const w = await givenExecutionWorld(t, "ord-auth");
    const body = anOrder(w, "O-AUTH");
    expectProblem(await post(t, "/api/v1/orders", {}, body), 401, { code: "UNAUTHENTICATED" });
    const operator = await w.as("operator");
    expectProblem(await post(t, "/api/v1/orders", operator.headers, body), 403, { code: "FORBIDDEN" });
    const admin = await w.as("tenant_admin");
    const readToken = ok<{ token: string }>(
      await post(t, "/api/v1/api-tokens", admin.headers, { name: "reader", scopes: ["read"] }),
      201,
    ).token;
    expectProblem(await post(t, "/api/v1/orders", { authorization: `Bearer ${readToken}` }, body), 403, {
      code: "FORBIDDEN",
    });
    expectProblem(await put(t, "/api/v1/orders/O-AUTH", operator.headers, body), 403);
    expectProblem(await post(t, "/api/v1/orders/O-AUTH/cancel", {}, {}), 401);
    expect((await rowCounts(t, w.tenantId)).orders).toBe(0);
  });
});

describe("order API: creation", () => {
  it("creates one job per profession/specialty group, all in one new project", async () => {
    const w = await givenExecutionWorld(t, "ord-create");
    const order = await createOrder(t, w, "O-1");
    expect(order.orderId).toBe("O-1");
    expect(order.status).toBe("active");
    expect(order.revision).toBe(1);
    expect(order.jobs).toHaveLength(2);
    expect(codesOf(order)).toEqual(["created", "created"]);
    expect(new Set(order.jobs.map((j) => j.projectId)).size).toBe(1);
    expect(order.jobs.every((j) => j.status === "pre_scheduled")).toBe(true);
    const kitchen = await jobWithCode(t, w, order, "KIT");
    expect(kitchen.services.map((s) => s.code)).toEqual(["KIT", "WTP"]);
    expect(kitchen.profession).toBe("carpentry");
    expect(kitchen.specialty).toBe("kitchen");
    expect(kitchen.durationMinutes).toBe(600);
    expect(kitchen.originalDurationMinutes).toBe(600);
    expect(kitchen.type).toBe("installation");
    expect(kitchen.orderId).toBe("O-1");
    const hvac = await jobWithCode(t, w, order, "AC");
    expect(hvac.services.map((s) => s.code)).toEqual(["AC"]);
    expect(hvac.durationMinutes).toBe(240);
    expect(hvac.projectId).toBe(kitchen.projectId);
    const counts = await rowCounts(t, w.tenantId);
    expect(counts).toMatchObject({ orders: 1, projects: 1, jobs: 2, customers: 1 });
    // The automatic contract send is planned for each job.
    const timers = await withTenant(t.db, w.tenantId, (tx) =>
      tx.timer.findMany({ where: { kind: "contract-auto-send" }, select: { subject: true, status: true } }),
    );
    expect(timers.map((x) => x.subject).sort()).toEqual([kitchen.id, hvac.id].sort());
    const events = await historyOf(t, await w.as("operator"), kitchen.id);
    expect(events.map((e) => [e.code, e.name])).toEqual([[100, "SX_CREATED"]]);
  });

  it("links the order's customer to a customer account with that e-mail, never to a staff account", async () => {
    const w = await givenExecutionWorld(t, "ord-link");
    await createOrder(t, w, "O-1");
    const staffOrder = anOrder(w, "O-2", {
      customer: { customerId: "C-STAFF", name: "Olga as a customer", email: w.emails.operator! },
      worksite: { line1: "Calle Sol 3", postcode: "28004", city: "Madrid" },
    });
    ok<TOrderResult>(await post(t, "/api/v1/orders", w.orders, staffOrder), 201);
    const customers = await withTenant(t.db, w.tenantId, (tx) =>
      tx.customer.findMany({ select: { email: true, userId: true }, orderBy: { email: "asc" } }),
    );
    const byEmail = new Map(customers.map((c) => [c.email, c.userId]));
    expect(byEmail.get(w.emails.customer!)).not.toBeNull();
    expect(byEmail.get(w.emails.operator!)).toBeNull();
  });

  it("answers the same order id again with 200, the same jobs, and writes nothing", async () => {
    const w = await givenExecutionWorld(t, "ord-again");
    const first = await createOrder(t, w, "O-1");
    const before = await rowCounts(t, w.tenantId);
    const again = await post(t, "/api/v1/orders", w.orders, anOrder(w, "O-1"));
    const second = ok<TOrderResult>(again, 200);
    expect(second.id).toBe(first.id);
    expect(second.jobs.map((j) => j.jobId)).toEqual(first.jobs.map((j) => j.jobId));
    expect(codesOf(second)).toEqual(["unchanged", "unchanged"]);
    // Even when the payload differs: updates go through PUT.
    const changed = ok<TOrderResult>(
      await post(t, "/api/v1/orders", w.orders, anOrder(w, "O-1", { services: [{ code: "TV", quantity: 1 }] })),
      200,
    );
    expect(changed.jobs.map((j) => j.jobId)).toEqual(first.jobs.map((j) => j.jobId));
    expect(await rowCounts(t, w.tenantId)).toEqual(before);
  });

  it("creates the order once when the order system sends it several times at once", async () => {
    const w = await givenExecutionWorld(t, "ord-race");
    const answers = await Promise.all([1, 2, 3].map(() => post(t, "/api/v1/orders", w.orders, anOrder(w, "O-1"))));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
    const jobIds = answers.map((r) => (r.json() as TOrderResult).jobs.map((j) => j.jobId).join());
    expect(new Set(jobIds).size).toBe(1);
    expect(await rowCounts(t, w.tenantId)).toMatchObject({ orders: 1, projects: 1, jobs: 2, customers: 1 });
    // Two orders of one customer at once still share one project.
    const [a, b] = await Promise.all(
      ["O-2", "O-3"].map((id) =>
        post(t, "/api/v1/orders", w.orders, anOrder(w, id, { services: [{ code: "TV", quantity: 1 }] })),
      ),
    );
    const projectOf = (r: typeof a) => (r!.json() as TOrderResult).jobs[0]!.projectId;
    expect(projectOf(a)).toBe(projectOf(b));
    expect((await rowCounts(t, w.tenantId)).projects).toBe(1);
  });

  it("replays the first answer for a repeated Idempotency-Key and refuses the key with another body", async () => {
    const w = await givenExecutionWorld(t, "ord-idem");
    const headers = { ...w.orders, "idempotency-key": "order-key-1" };
    const first = await post(t, "/api/v1/orders", headers, anOrder(w, "O-IDEM"));
    expect(first.statusCode, first.body).toBe(201);
    const before = await rowCounts(t, w.tenantId);
    const replay = await post(t, "/api/v1/orders", headers, anOrder(w, "O-IDEM"));
    expect(replay.statusCode).toBe(201);
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    expect(replay.json()).toEqual(first.json());
    expectProblem(await post(t, "/api/v1/orders", headers, anOrder(w, "O-OTHER")), 422, {
      code: "IDEMPOTENCY_KEY_REUSED",
    });
    expect(await rowCounts(t, w.tenantId)).toEqual(before);
  });
});

describe("order API: project grouping", () => {
  it("puts a second order of the same customer (fiscal id typed differently) at the same address in the same project", async () => {
    const w = await givenExecutionWorld(t, "ord-group");
    const first = await createOrder(t, w, "O-1");
    const projectId = first.jobs[0]!.projectId;
    const second = await createOrder(t, w, "O-2", {
      customer: { fiscalId: " 12345678-z ", name: "Lucía Martín", email: w.emails.customer! },
      worksite: { line1: "calle mayor, 5", postcode: "28 013", city: "MADRID" },
      services: [{ code: "TV", quantity: 1 }],
    });
    expect(second.jobs).toHaveLength(1);
    expect(second.jobs[0]!.projectId).toBe(projectId);
    expect(second.jobs[0]!.projectNumber).toBe(first.jobs[0]!.projectNumber);
    const third = await createOrder(t, w, "O-3", {
      customer: { fiscalId: "12345678 Z", name: "Lucía Martín" },
      services: [{ code: "AC", quantity: 2 }],
    });
    expect(third.jobs[0]!.projectId).toBe(projectId);
    const counts = await rowCounts(t, w.tenantId);
    expect(counts.projects).toBe(1);
    // One customer: the fiscal id identifies them however it is typed.
    expect(counts.customers).toBe(1);
  });

  it("opens a new project for another street or another postcode", async () => {
    const w = await givenExecutionWorld(t, "ord-newproj");
    const first = await createOrder(t, w, "O-1");
    const otherStreet = await createOrder(t, w, "O-2", {
      worksite: { line1: "Calle Mayor 7", postcode: "28013", city: "Madrid" },
    });
    const otherPostcode = await createOrder(t, w, "O-3", {
      worksite: { line1: "Calle Mayor 5", postcode: "28014", city: "Madrid" },
    });
    const projects = new Set([first, otherStreet, otherPostcode].map((o) => o.jobs[0]!.projectId));
    expect(projects.size).toBe(3);
    // Another customer at the very same address gets a project of their own too.
    const neighbour = await createOrder(t, w, "O-4", { customer: { fiscalId: "87654321X", name: "Ana Gil" } });
    expect(projects.has(neighbour.jobs[0]!.projectId)).toBe(false);
  });

  it("opens a new project when the customer's project at that address is cancelled", async () => {
    const w = await givenExecutionWorld(t, "ord-cancproj");
    const first = await createOrder(t, w, "O-1");
    const cancelled = ok<TOrderResult>(await post(t, "/api/v1/orders/O-1/cancel", w.orders, { reason: "changed" }));
    expect(codesOf(cancelled)).toEqual(["cancelled", "cancelled"]);
    const project = await withTenant(t.db, w.tenantId, (tx) =>
      tx.project.findFirstOrThrow({ where: { id: first.jobs[0]!.projectId }, select: { status: true } }),
    );
    expect(project.status).toBe("cancelled");
    const second = await createOrder(t, w, "O-2");
    expect(second.jobs[0]!.projectId).not.toBe(first.jobs[0]!.projectId);
  });
});

describe("order API: refusals", () => {
  it("names the unknown store, service code and unlabelled product, and writes nothing", async () => {
    const w = await givenExecutionWorld(t, "ord-bad");
    await createOrder(t, w, "O-1");
    const before = await rowCounts(t, w.tenantId);
    expectProblem(await post(t, "/api/v1/orders", w.orders, anOrder(w, "O-2", { storeCode: "NOPE" })), 400, {
      code: "VALIDATION_FAILED",
      path: "body.storeCode",
    });
    const badCode = expectProblem(
      await post(
        t,
        "/api/v1/orders",
        w.orders,
        anOrder(w, "O-3", {
          services: [
            { code: "KIT", quantity: 1 },
            { code: "XYZ", quantity: 1 },
          ],
        }),
      ),
      400,
      { path: "body.services.1.code" },
    );
    expect(badCode.errors?.map((e) => e.path)).toEqual(["body.services.1.code"]);
    expectProblem(
      await post(
        t,
        "/api/v1/orders",
        w.orders,
        anOrder(w, "O-4", { products: [{ sku: "FRIDGE", quantity: 1, expectedDeliveryDate: null }] }),
      ),
      400,
      { path: "body.products.0.sku" },
    );
    // Every problem at once.
    const all = expectProblem(
      await post(
        t,
        "/api/v1/orders",
        w.orders,
        anOrder(w, "O-5", {
          services: [{ code: "XYZ", quantity: 1 }],
          products: [
            { sku: "OVEN", quantity: 1, expectedDeliveryDate: null },
            { sku: "FRIDGE", quantity: 1, expectedDeliveryDate: null },
          ],
        }),
      ),
      400,
    );
    expect(all.errors?.map((e) => e.path)).toEqual(["body.services.0.code", "body.products.1.sku"]);
    // An unknown product with a label is fine.
    const labelled = await createOrder(t, w, "O-6", {
      products: [{ sku: "FRIDGE", label: "Fridge", quantity: 1, expectedDeliveryDate: null }],
    });
    expect(labelled.jobs).toHaveLength(2);
    const after = await rowCounts(t, w.tenantId);
    expect(after.orders).toBe(before.orders! + 1);
  });

  it("refuses a customer with neither fiscal id nor customer id", async () => {
    const w = await givenExecutionWorld(t, "ord-nocust");
    const before = await rowCounts(t, w.tenantId);
    expectProblem(await post(t, "/api/v1/orders", w.orders, anOrder(w, "O-1", { customer: { name: "Nobody" } })), 400, {
      path: "body.customer.fiscalId",
    });
    expectProblem(
      await post(
        t,
        "/api/v1/orders",
        w.orders,
        anOrder(w, "O-2", { customer: { fiscalId: "- -", customerId: null, name: "Nobody" } }),
      ),
      400,
      { path: "body.customer.fiscalId" },
    );
    expect(await rowCounts(t, w.tenantId)).toEqual(before);
    // A customer id alone is enough (some countries have no tax number).
    const byId = await createOrder(t, w, "O-3", { customer: { customerId: "C-77", name: "Rui Costa" } });
    expect(byId.jobs).toHaveLength(2);
  });

  it("answers 404 to an update or a cancellation of an unknown order", async () => {
    const w = await givenExecutionWorld(t, "ord-404");
    const { orderId: _orderId, ...body } = anOrder(w, "O-1");
    expectProblem(await put(t, "/api/v1/orders/NOPE-1", w.orders, body), 404, { code: "NOT_FOUND" });
    expectProblem(await post(t, "/api/v1/orders/NOPE-1/cancel", w.orders, {}), 404, { code: "NOT_FOUND" });
    expect((await rowCounts(t, w.tenantId)).orders).toBe(0);
  });
});

describe("order API: updates", () => {
  it("creates jobs for new groups, cancels removed ones, updates changed ones and voids their sent contract", async () => {
    const w = await givenExecutionWorld(t, "ord-update");
    const order = await createOrder(t, w, "O-1");
    const kitchen = await jobWithCode(t, w, order, "KIT");
    const hvac = await jobWithCode(t, w, order, "AC");
    const seller = await w.as("seller");
    const sent = await sendContract(t, seller, kitchen.id, "email");
    expect(sent.contract.version).toBe(1);
    const autoSend = () =>
      withTenant(t.db, w.tenantId, (tx) =>
        tx.timer.findFirstOrThrow({
          where: { kind: "contract-auto-send", subject: kitchen.id },
          select: { status: true, generation: true },
        }),
      );
    expect((await autoSend()).status).toBe("cancelled");
    const { orderId: _orderId, ...body } = anOrder(w, "O-1", {
      services: [
        { code: "KIT", quantity: 1 },
        { code: "WTP", quantity: 2 },
        { code: "TV", quantity: 1 },
      ],
    });
    const updated = ok<TOrderResult>(await put(t, "/api/v1/orders/O-1", w.orders, body));
    expect(updated.revision).toBe(2);
    const byJob = new Map(updated.jobs.map((j) => [j.jobId, j]));
    expect(byJob.get(kitchen.id)?.outcome).toBe("updated");
    expect(byJob.get(hvac.id)?.outcome).toBe("cancelled");
    expect(byJob.get(hvac.id)?.status).toBe("cancelled");
    const added = updated.jobs.filter((j) => j.jobId !== kitchen.id && j.jobId !== hvac.id);
    expect(added).toHaveLength(1);
    expect(added[0]!.outcome).toBe("created");
    expect(added[0]!.projectId).toBe(kitchen.projectId);
    const operator = await w.as("operator");
    const visit = await getJob(t, operator, added[0]!.jobId);
    expect(visit.type).toBe("technical_visit");
    const after = await getJob(t, operator, kitchen.id);
    expect(after.services.map((s) => [s.code, s.quantity])).toEqual([
      ["KIT", 1],
      ["WTP", 2],
    ]);
    expect(after.durationMinutes).toBe(480 + 2 * 120);
    expect(after.contracts.map((c) => [c.version, c.status])).toEqual([[1, "cancelled"]]);
    const names = (await historyOf(t, operator, kitchen.id)).map((e) => e.name);
    expect(names).toContain("ORDER_UPDATED");
    expect(names).toContain("CONTRACT_VERSION_CANCELLED");
    const timer = await autoSend();
    expect(timer.status).toBe("scheduled");
    const hvacEvents = await historyOf(t, operator, hvac.id);
    expect(hvacEvents.at(-1)?.name).toBe("ORDER_CANCELLED");
  });

  it("does not bring back a job an execution admin cancelled when the order is updated again", async () => {
    const w = await givenExecutionWorld(t, "ord-keep-cancel");
    const order = await createOrder(t, w, "O-1");
    const hvac = await jobWithCode(t, w, order, "AC");
    const admin = await w.as("execution_admin");
    ok<TJob>(
      await post(t, `/api/v1/jobs/${hvac.id}/cancel`, admin.headers, {
        version: hvac.version,
        reason: "customer_request",
        justification: "The customer no longer wants air conditioning.",
      }),
    );
    const { orderId: _orderId, ...body } = anOrder(w, "O-1", {
      services: [
        { code: "KIT", quantity: 1 },
        { code: "WTP", quantity: 2 },
        { code: "AC", quantity: 1 },
      ],
    });
    const updated = ok<TOrderResult>(await put(t, "/api/v1/orders/O-1", w.orders, body));
    expect(updated.jobs.filter((j) => j.outcome === "created")).toHaveLength(0);
    expect(updated.jobs.find((j) => j.jobId === hvac.id)?.status).toBe("cancelled");
  });

  it("leaves the jobs of an unchanged order untouched", async () => {
    const w = await givenExecutionWorld(t, "ord-same");
    const order = await createOrder(t, w, "O-1");
    const kitchen = await jobWithCode(t, w, order, "KIT");
    const seller = await w.as("seller");
    await sendContract(t, seller, kitchen.id, "email");
    const { orderId: _orderId, ...body } = anOrder(w, "O-1");
    const same = ok<TOrderResult>(await put(t, "/api/v1/orders/O-1", w.orders, body));
    expect(codesOf(same)).toEqual(["unchanged", "unchanged"]);
    const operator = await w.as("operator");
    const after = await getJob(t, operator, kitchen.id);
    expect(after.contracts.map((c) => c.status)).toEqual(["sent"]);
    expect((await historyOf(t, operator, kitchen.id)).map((e) => e.name)).not.toContain("ORDER_UPDATED");
    // Only the AC lines change: the kitchen job and its contract stay as they are.
    const { orderId: _id, ...acOnly } = anOrder(w, "O-1", {
      services: [
        { code: "KIT", quantity: 1 },
        { code: "WTP", quantity: 1 },
        { code: "AC", quantity: 3 },
      ],
    });
    const changed = ok<TOrderResult>(await put(t, "/api/v1/orders/O-1", w.orders, acOnly));
    const outcomes = new Map(changed.jobs.map((j) => [j.jobId, j.outcome]));
    expect(outcomes.get(kitchen.id)).toBe("unchanged");
    expect([...outcomes.values()].sort()).toEqual(["unchanged", "updated"]);
    expect((await getJob(t, operator, kitchen.id)).contracts.map((c) => c.status)).toEqual(["sent"]);
  });

  it("moves the planned date when a later delivery makes it too early, and refuses moving the order to another BU", async () => {
    const w = await givenExecutionWorld(t, "ord-delivery");
    const delivery = nextWeekday(FRIDAY, 14);
    const order = await createOrder(t, w, "O-1", {
      products: [{ sku: "OVEN", quantity: 1, expectedDeliveryDate: delivery }],
    });
    const kitchen = await jobWithCode(t, w, order, "KIT");
    expect(kitchen.plannedDate).toBe(addDays(delivery, 4));
    const later = addDays(delivery, 14);
    const { orderId: _orderId, ...body } = anOrder(w, "O-1", {
      products: [{ sku: "OVEN", quantity: 1, expectedDeliveryDate: later }],
    });
    const res = ok<TOrderResult>(await put(t, "/api/v1/orders/O-1", w.orders, body));
    expect(codesOf(res)).toEqual(["updated", "updated"]);
    const moved = await getJob(t, await w.as("operator"), kitchen.id);
    expect(moved.plannedDate).toBe(addDays(later, 4));
    expect(moved.earliestDate).toBe(addDays(later, 4));
    expect(moved.products[0]!.expectedDeliveryDate).toBe(later);
    const event = (await historyOf(t, await w.as("operator"), kitchen.id)).find((e) => e.name === "ORDER_UPDATED");
    expect(event?.data).toMatchObject({ linesChanged: true, worksiteChanged: false, plannedDate: addDays(later, 4) });
    const other = await addStore(t, w, "ORD-DELIVERY-2", { newBu: true });
    const before = await rowCounts(t, w.tenantId);
    expectProblem(await put(t, "/api/v1/orders/O-1", w.orders, { ...body, storeCode: other.storeCode }), 400, {
      path: "body.storeCode",
    });
    expect(await rowCounts(t, w.tenantId)).toEqual(before);
  });

  it("keeps a job in progress when the BU refuses service-line updates in progress", async () => {
    const w = await givenExecutionWorld(t, "ord-inprog", { serviceLineUpdatesAllowedInProgress: false });
    const order = await createOrder(t, w, "O-1");
    const kitchen = await jobWithCode(t, w, order, "KIT");
    await setJob(t, w.tenantId, kitchen.id, { status: "in_progress" });
    const { orderId: _orderId, ...body } = anOrder(w, "O-1", {
      services: [
        { code: "KIT", quantity: 2 },
        { code: "AC", quantity: 1 },
      ],
    });
    const res = ok<TOrderResult>(await put(t, "/api/v1/orders/O-1", w.orders, body));
    const outcome = res.jobs.find((j) => j.jobId === kitchen.id)!;
    expect(outcome.outcome).toBe("kept_not_allowed");
    expect(outcome.status).toBe("in_progress");
    expect(outcome.message).toMatch(/in progress/);
    const after = await getJob(t, await w.as("operator"), kitchen.id);
    expect(after.services.map((s) => [s.code, s.quantity])).toEqual([
      ["KIT", 1],
      ["WTP", 1],
    ]);
  });

  it("updates a job in progress where the BU allows it", async () => {
    const w = await givenExecutionWorld(t, "ord-inprog-ok", { serviceLineUpdatesAllowedInProgress: true });
    const order = await createOrder(t, w, "O-1");
    const kitchen = await jobWithCode(t, w, order, "KIT");
    await setJob(t, w.tenantId, kitchen.id, { status: "in_progress" });
    const { orderId: _orderId, ...body } = anOrder(w, "O-1", {
      services: [
        { code: "KIT", quantity: 2 },
        { code: "AC", quantity: 1 },
      ],
    });
    const res = ok<TOrderResult>(await put(t, "/api/v1/orders/O-1", w.orders, body));
    expect(res.jobs.find((j) => j.jobId === kitchen.id)?.outcome).toBe("updated");
  });

  it("refuses to update a cancelled order rather than bringing its jobs back", async () => {
    const w = await givenExecutionWorld(t, "ord-upd-canc");
    await createOrder(t, w, "O-1");
    ok<TOrderResult>(await post(t, "/api/v1/orders/O-1/cancel", w.orders, {}));
    const before = await rowCounts(t, w.tenantId);
    const { orderId: _orderId, ...body } = anOrder(w, "O-1");
    expectProblem(await put(t, "/api/v1/orders/O-1", w.orders, body), 409, { code: "CONFLICT" });
    expect(await rowCounts(t, w.tenantId)).toEqual(before);
  });
});

describe("order API: cancellation", () => {
  it("cancels pre-scheduled jobs and keeps a job already in progress, saying why", async () => {
    const w = await givenExecutionWorld(t, "ord-cancel");
    const order = await createOrder(t, w, "O-1");
    const kitchen = await jobWithCode(t, w, order, "KIT");
    const hvac = await jobWithCode(t, w, order, "AC");
    await setJob(t, w.tenantId, kitchen.id, { status: "in_progress" });
    const res = ok<TOrderResult>(await post(t, "/api/v1/orders/O-1/cancel", w.orders, { reason: "customer withdrew" }));
    expect(res.status).toBe("cancelled");
    const byJob = new Map(res.jobs.map((j) => [j.jobId, j]));
    expect(byJob.get(hvac.id)).toMatchObject({ outcome: "cancelled", status: "cancelled", message: null });
    expect(byJob.get(kitchen.id)).toMatchObject({ outcome: "kept_in_progress", status: "in_progress" });
    expect(byJob.get(kitchen.id)?.message).toMatch(/in progress/);
    const operator = await w.as("operator");
    const cancelledJob = await getJob(t, operator, hvac.id);
    expect(cancelledJob.cancelReason).toBe("order_cancelled");
    expect(cancelledJob.cancelJustification).toBe("customer withdrew");
    expect((await getJob(t, operator, kitchen.id)).status).toBe("in_progress");
    const kept = await historyOf(t, operator, kitchen.id);
    expect(kept.map((e) => [e.code, e.name])).toContainEqual([103, "ORDER_CANCEL_IGNORED_IN_PROGRESS"]);
    // The auto-send timer of the cancelled job is gone.
    const timer = await withTenant(t.db, w.tenantId, (tx) =>
      tx.timer.findFirstOrThrow({ where: { kind: "contract-auto-send", subject: hvac.id }, select: { status: true } }),
    );
    expect(timer.status).toBe("cancelled");
    // Cancelling again changes nothing.
    const before = await rowCounts(t, w.tenantId);
    const again = ok<TOrderResult>(await post(t, "/api/v1/orders/O-1/cancel", w.orders, {}));
    expect(again.revision).toBe(res.revision);
    expect(await rowCounts(t, w.tenantId)).toEqual(before);
  });
});

describe("order API: webhooks", () => {
  it("writes job.created and job.cancelled outbox rows for a subscribed endpoint", async () => {
    const w = await givenExecutionWorld(t, "ord-hooks");
    const endpoint = await withTenant(t.db, w.tenantId, (tx) =>
      tx.webhookEndpoint.create({
        data: {
          tenantId: w.tenantId,
          url: "https://orders.example.test/hooks",
          secret: randomBytes(16).toString("hex"),
          events: ["job.created", "job.cancelled"],
        },
      }),
    );
    const order = await createOrder(t, w, "O-1");
    const created = (await webhooksOf(t, w.tenantId)).filter((h) => h.event === "job.created");
    expect(created).toHaveLength(2);
    expect(created.every((h) => h.endpointId === endpoint.id)).toBe(true);
    expect(created.map((h) => h.body.data.jobId).sort()).toEqual(order.jobs.map((j) => j.jobId).sort());
    expect(created[0]!.body.data.orderId).toBe("O-1");
    ok<TOrderResult>(await post(t, "/api/v1/orders/O-1/cancel", w.orders, {}));
    const hooks = await webhooksOf(t, w.tenantId);
    const cancelled = hooks.filter((h) => h.event === "job.cancelled");
    expect(cancelled.map((h) => h.body.data.jobId).sort()).toEqual(order.jobs.map((j) => j.jobId).sort());
    // Not subscribed: no job.status_changed nor project.status_changed rows.
    expect(hooks.every((h) => h.event === "job.created" || h.event === "job.cancelled")).toBe(true);
  });
});
