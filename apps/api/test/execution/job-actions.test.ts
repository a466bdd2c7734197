import { describe, expect, it } from "vitest";
import { withTenant } from "@atende/db";
import type { Page, TJob, TProjectDetail, TProjectSummary } from "@atende/contracts";
import { openSystemTask, SYSTEM_EXEC_ACTOR } from "@atende/execution";
import { createTestApp, tenantWide } from "../app";
import { givenExecutionWorld } from "../factories/execution";
import {
  addDays,
  addStore,
  createOrder,
  emailsOf,
  expectProblem,
  get,
  getJob,
  historyOf,
  jobWithCode,
  madridToday,
  ok,
  post,
  sendContract,
  setJob,
  tempStorage,
  userWith,
  webhooksOf,
} from "./exec-helpers";

const t = await createTestApp({ storageDir: tempStorage() });

const act = (jobId: string, action: string) => `/api/v1/jobs/${jobId}/${action}`;

describe("job actions by role (status table)", () => {
  it("lets a seller send the contract of a pre-scheduled job but not cancel it", async () => {
    const w = await givenExecutionWorld(t, "act-seller");
    const order = await createOrder(t, w, "O-1");
    const kitchen = await jobWithCode(t, w, order, "KIT");
    const seller = await w.as("seller");
    const view = await getJob(t, seller, kitchen.id);
    expect(view.allowedActions).toEqual(expect.arrayContaining(["send_contract", "reschedule", "modify_duration"]));
    expect(view.allowedActions).not.toContain("cancel");
    expect(view.allowedActions).not.toContain("skip_contract");
    const sent = await sendContract(t, seller, kitchen.id, "email");
    expect(sent.contract).toMatchObject({ version: 1, status: "sent", channel: "email" });
    const afterSend = await getJob(t, seller, kitchen.id);
    expect(afterSend.tags).toContain("ACCEPTANCE_SALES_CONDITIONS");
    const refused = expectProblem(
      await post(t, act(kitchen.id, "cancel"), seller.headers, {
        version: afterSend.version,
        reason: "customer_request",
        justification: "The customer does not want it any more.",
      }),
      403,
      { code: "FORBIDDEN", rule: "role_not_allowed" },
    );
    expect(refused.detail).toMatch(/cancel/);
    expect((await getJob(t, seller, kitchen.id)).status).toBe("pre_scheduled");
  });

  it("lets an execution admin cancel with a reason and a 10-500 character justification, for good", async () => {
    const w = await givenExecutionWorld(t, "act-cancel");
    const order = await createOrder(t, w, "O-1");
    const kitchen = await jobWithCode(t, w, order, "KIT");
    const admin = await w.as("execution_admin");
    await sendContract(t, admin, kitchen.id, "email");
    await withTenant(t.db, w.tenantId, async (tx) => {
      const job = await tx.job.findFirstOrThrow({ where: { id: kitchen.id } });
      await openSystemTask(tx, {
        tenantId: w.tenantId,
        job,
        kind: "CUSTOMER_RESCHEDULE_REQUEST",
        actor: SYSTEM_EXEC_ACTOR,
        now: new Date(),
      });
    });
    const current = await getJob(t, admin, kitchen.id);
    expect(current.tasks.map((x) => [x.kind, x.status])).toEqual([["CUSTOMER_RESCHEDULE_REQUEST", "new"]]);
    expectProblem(
      await post(t, act(kitchen.id, "cancel"), admin.headers, {
        version: current.version,
        reason: "customer_request",
        justification: "123456789",
      }),
      400,
      { code: "VALIDATION_FAILED", path: "body.justification" },
    );
    expectProblem(
      await post(t, act(kitchen.id, "cancel"), admin.headers, {
        version: current.version,
        reason: "customer_request",
        justification: "x".repeat(501),
      }),
      400,
      { path: "body.justification" },
    );
    expectProblem(
      await post(t, act(kitchen.id, "cancel"), admin.headers, {
        version: current.version,
        reason: "bored",
        justification: "The customer does not want it any more.",
      }),
      400,
      { path: "body.reason" },
    );
    const emailsBefore = (await emailsOf(t, w.tenantId)).length;
    const cancelled = ok<TJob>(
      await post(t, act(kitchen.id, "cancel"), admin.headers, {
        version: current.version,
        reason: "customer_request",
        justification: "  The customer moved house.  ",
      }),
    );
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.cancelReason).toBe("customer_request");
    expect(cancelled.cancelJustification).toBe("The customer moved house.");
    expect(cancelled.cancelledAt).not.toBeNull();
    expect(cancelled.version).toBe(current.version + 1);
    expect(cancelled.allowedActions).toEqual(["add_note", "upload_document"]);
    expect(cancelled.contracts.map((c) => c.status)).toEqual(["cancelled"]);
    expect(cancelled.tasks.map((x) => x.status)).toEqual(["closed"]);
    expect(cancelled.tags).not.toContain("ACCEPTANCE_SALES_CONDITIONS");
    const emails = (await emailsOf(t, w.tenantId)).slice(emailsBefore);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.to).toEqual([w.emails.customer]);
    expect(emails[0]!.subject).toContain(`SX-${kitchen.number}`);
    const names = (await historyOf(t, admin, kitchen.id)).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(["CANCELLED", "TASK_CLOSED", "CONTRACT_VERSION_CANCELLED"]));
    // Definitive: nothing moves it any more.
    const v = cancelled.version;
    expectProblem(
      await post(t, act(kitchen.id, "cancel"), admin.headers, {
        version: v,
        reason: "other",
        justification: "Once more, just in case.",
      }),
      409,
      { code: "CONFLICT", rule: "not_allowed_in_status" },
    );
    expectProblem(await post(t, act(kitchen.id, "contract/send"), admin.headers, { channel: "email" }), 409);
    // The state refuses first, whatever the value: a cancelled job is not "in the past".
    expectProblem(
      await post(t, act(kitchen.id, "reschedule"), admin.headers, {
        version: v,
        plannedDate: addDays(madridToday(), -3),
      }),
      409,
      { rule: "not_allowed_in_status" },
    );
    expectProblem(
      await post(t, act(kitchen.id, "modify-duration"), admin.headers, { version: v, durationMinutes: 300 }),
      409,
    );
    expectProblem(
      await post(t, act(kitchen.id, "change-contact"), admin.headers, {
        version: v,
        contact: { name: "Someone", email: null, phone: null },
      }),
      409,
    );
    expect((await getJob(t, admin, kitchen.id)).version).toBe(v);
    // The project of a single cancelled job... still has the AC job: it is not cancelled.
    const project = await withTenant(t.db, w.tenantId, (tx) =>
      tx.project.findFirstOrThrow({ where: { id: kitchen.projectId }, select: { status: true } }),
    );
    expect(project.status).toBe("new");
  });

  it("lets operators change the duration freely and sellers only between 2/3 of the original and the original", async () => {
    const w = await givenExecutionWorld(t, "act-duration");
    const order = await createOrder(t, w, "O-1");
    const kitchen = await jobWithCode(t, w, order, "KIT"); // 600 minutes: a seller may go down to 400
    const hvac = await jobWithCode(t, w, order, "AC"); // 240 minutes
    const seller = await w.as("seller");
    const operator = await w.as("operator");
    const tooShort = expectProblem(
      await post(t, act(kitchen.id, "modify-duration"), seller.headers, {
        version: kitchen.version,
        durationMinutes: 399,
      }),
      422,
      { code: "RULE_VIOLATION", path: "body.durationMinutes", rule: "below_seller_minimum" },
    );
    expect(tooShort.detail).toContain("400");
    expectProblem(
      await post(t, act(kitchen.id, "modify-duration"), seller.headers, {
        version: kitchen.version,
        durationMinutes: 601,
      }),
      422,
      { path: "body.durationMinutes", rule: "above_original" },
    );
    const shortened = ok<TJob>(
      await post(t, act(kitchen.id, "modify-duration"), seller.headers, {
        version: kitchen.version,
        durationMinutes: 400,
      }),
    );
    expect(shortened).toMatchObject({
      durationMinutes: 400,
      originalDurationMinutes: 600,
      previousDurationMinutes: 600,
    });
    const back = ok<TJob>(
      await post(t, act(kitchen.id, "modify-duration"), seller.headers, {
        version: shortened.version,
        durationMinutes: 600,
      }),
    );
    expect(back).toMatchObject({ durationMinutes: 600, previousDurationMinutes: 400 });
    // The operator: below 2/3 and above the original alike.
    const longer = ok<TJob>(
      await post(t, act(hvac.id, "modify-duration"), operator.headers, { version: hvac.version, durationMinutes: 900 }),
    );
    expect(longer).toMatchObject({ durationMinutes: 900, previousDurationMinutes: 240, originalDurationMinutes: 240 });
    const shorter = ok<TJob>(
      await post(t, act(hvac.id, "modify-duration"), operator.headers, {
        version: longer.version,
        durationMinutes: 30,
      }),
    );
    expect(shorter).toMatchObject({ durationMinutes: 30, previousDurationMinutes: 900 });
    expectProblem(
      await post(t, act(hvac.id, "modify-duration"), operator.headers, {
        version: shorter.version,
        durationMinutes: 10,
      }),
      422,
      { path: "body.durationMinutes", rule: "out_of_range" },
    );
    const events = (await historyOf(t, operator, hvac.id)).filter((e) => e.name === "DURATION_MODIFIED");
    expect(events.map((e) => [e.code, e.data.from, e.data.to])).toEqual([
      [114, 240, 900],
      [114, 900, 30],
    ]);
  });

  it("changes the worksite address locally and flags a postcode change for a provider check", async () => {
    const w = await givenExecutionWorld(t, "act-address");
    const order = await createOrder(t, w, "O-1");
    const kitchen = await jobWithCode(t, w, order, "KIT");
    const hvac = await jobWithCode(t, w, order, "AC");
    const seller = await w.as("seller");
    const sameStreet = ok<TJob>(
      await post(t, act(kitchen.id, "change-address"), seller.headers, {
        version: kitchen.version,
        worksite: { line1: "Calle Mayor 5, 2º A", postcode: "28013", city: "Madrid" },
      }),
    );
    expect(sameStreet.worksite.line1).toBe("Calle Mayor 5, 2º A");
    expect(sameStreet.postcodeChangePending).toBe(false);
    const moved = ok<TJob>(
      await post(t, act(kitchen.id, "change-address"), seller.headers, {
        version: sameStreet.version,
        worksite: { line1: "Calle Alcalá 100", postcode: "28009", city: "Madrid" },
      }),
    );
    expect(moved.postcodeChangePending).toBe(true);
    expect(moved.worksite).toEqual({ line1: "Calle Alcalá 100", postcode: "28009", city: "Madrid" });
    expect(moved.alerts.map((a) => a.code)).toContain("postcode_changed");
    const events = await historyOf(t, seller, kitchen.id);
    expect(events.filter((e) => e.name === "ADDRESS_CHANGED")).toHaveLength(2);
    const check = events.filter((e) => e.name === "POSTCODE_CHANGED_PROVIDER_CHECK");
    expect(check.map((e) => [e.code, e.data.from, e.data.to])).toEqual([[112, "28013", "28009"]]);
    // Local to the job: the other job of the order keeps the order's address.
    expect((await getJob(t, seller, hvac.id)).worksite.postcode).toBe("28013");
  });

  it("opens a ZONE_CHANGE task when the postcode changes after a provider is allocated", async () => {
    const w = await givenExecutionWorld(t, "act-zone");
    const order = await createOrder(t, w, "O-1");
    const kitchen = await jobWithCode(t, w, order, "KIT");
    await setJob(t, w.tenantId, kitchen.id, {
      status: "confirmed",
      providerId: "00000000-0000-4000-8000-0000000000aa",
    });
    const operator = await w.as("operator");
    const before = await getJob(t, operator, kitchen.id);
    const moved = ok<TJob>(
      await post(t, act(kitchen.id, "change-address"), operator.headers, {
        version: before.version,
        worksite: { line1: "Rua Augusta 1", postcode: "08001", city: "Barcelona" },
      }),
    );
    expect(moved.status).toBe("confirmed");
    expect(moved.postcodeChangePending).toBe(true);
    expect(moved.tasks.map((x) => [x.kind, x.status])).toEqual([["ZONE_CHANGE", "new"]]);
  });

  it("changes the customer contact of the job", async () => {
    const w = await givenExecutionWorld(t, "act-contact");
    const order = await createOrder(t, w, "O-1");
    const kitchen = await jobWithCode(t, w, order, "KIT");
    const seller = await w.as("seller");
    const contact = { name: "Pedro Martín", email: "pedro@example.test", phone: "+34 611 222 333" };
    const changed = ok<TJob>(
      await post(t, act(kitchen.id, "change-contact"), seller.headers, { version: kitchen.version, contact }),
    );
    expect(changed.contact).toEqual(contact);
    const event = (await historyOf(t, seller, kitchen.id)).find((e) => e.name === "CONTACT_CHANGED");
    expect(event?.code).toBe(113);
    expect(event?.data.after).toEqual(contact);
    // The new contact receives the contract.
    await sendContract(t, seller, kitchen.id, "email");
    expect((await emailsOf(t, w.tenantId)).at(-1)?.to).toEqual(["pedro@example.test"]);
  });

  it("refuses a write based on a stale version with 409", async () => {
    const w = await givenExecutionWorld(t, "act-stale");
    const order = await createOrder(t, w, "O-1");
    const kitchen = await jobWithCode(t, w, order, "KIT");
    const operator = await w.as("operator");
    ok<TJob>(
      await post(t, act(kitchen.id, "modify-duration"), operator.headers, {
        version: kitchen.version,
        durationMinutes: 500,
      }),
    );
    expectProblem(
      await post(t, act(kitchen.id, "modify-duration"), operator.headers, {
        version: kitchen.version,
        durationMinutes: 450,
      }),
      409,
      { code: "STALE_VERSION" },
    );
    expect((await getJob(t, operator, kitchen.id)).durationMinutes).toBe(500);
  });
});

describe("job webhooks", () => {
  it("announces changes that keep the status as job.updated and a cancellation as job.cancelled", async () => {
    const w = await givenExecutionWorld(t, "act-hooks");
    await withTenant(t.db, w.tenantId, (tx) =>
      tx.webhookEndpoint.create({
        data: {
          tenantId: w.tenantId,
          url: "https://hooks.example.test/jobs",
          secret: "s".repeat(32),
          events: ["job.updated", "job.cancelled", "job.status_changed"],
        },
      }),
    );
    const order = await createOrder(t, w, "O-1");
    const kitchen = await jobWithCode(t, w, order, "KIT");
    const admin = await w.as("execution_admin");
    const shorter = ok<TJob>(
      await post(t, act(kitchen.id, "modify-duration"), admin.headers, {
        version: kitchen.version,
        durationMinutes: 500,
      }),
    );
    const contact = { name: "Pedro", email: null, phone: "+34 600 000 001" };
    const changed = ok<TJob>(
      await post(t, act(kitchen.id, "change-contact"), admin.headers, { version: shorter.version, contact }),
    );
    ok<TJob>(
      await post(t, act(kitchen.id, "cancel"), admin.headers, {
        version: changed.version,
        reason: "other",
        justification: "Testing the webhooks of a job.",
      }),
    );
    const hooks = (await webhooksOf(t, w.tenantId)).filter((h) => h.body.data.jobId === kitchen.id);
    expect(hooks.map((h) => [h.event, h.body.data.action ?? null])).toEqual([
      ["job.updated", "modify_duration"],
      ["job.updated", "change_contact"],
      ["job.cancelled", "cancel"],
    ]);
  });
});

describe("job visibility", () => {
  it("answers 404 to a seller for another BU's job and to another tenant's user", async () => {
    const w = await givenExecutionWorld(t, "vis-bu");
    const other = await addStore(t, w, "VIS-BU2", { newBu: true });
    const theirs = await createOrder(t, w, "O-BU2", { storeCode: other.storeCode });
    const mine = await createOrder(t, w, "O-BU1");
    const buSeller = await userWith(t, w.tenantId, "bu-seller@vis-bu.test", [
      { role: "seller", buId: w.buId, storeId: null },
    ]);
    const jobId = theirs.jobs[0]!.jobId;
    ok<TJob>(await get(t, `/api/v1/jobs/${mine.jobs[0]!.jobId}`, buSeller.headers));
    expectProblem(await get(t, `/api/v1/jobs/${jobId}`, buSeller.headers), 404, { code: "NOT_FOUND" });
    expectProblem(await post(t, act(jobId, "contract/send"), buSeller.headers, { channel: "qr" }), 404);
    expectProblem(
      await post(t, act(jobId, "modify-duration"), buSeller.headers, { version: 1, durationMinutes: 100 }),
      404,
    );
    expectProblem(await get(t, `/api/v1/projects/${theirs.jobs[0]!.projectId}`, buSeller.headers), 404);
    expectProblem(await get(t, `/api/v1/jobs/${jobId}/history`, buSeller.headers), 404);

    const stranger = await givenExecutionWorld(t, "vis-other");
    const outsider = await stranger.as("execution_admin");
    const mineJob = mine.jobs[0]!.jobId;
    expectProblem(await get(t, `/api/v1/jobs/${mineJob}`, outsider.headers), 404);
    expectProblem(await get(t, `/api/v1/projects/${mine.jobs[0]!.projectId}`, outsider.headers), 404);
    expectProblem(
      await post(t, act(mineJob, "cancel"), outsider.headers, {
        version: 1,
        reason: "other",
        justification: "Not my tenant at all.",
      }),
      404,
    );
    expectProblem(await post(t, act(mineJob, "contract/send"), outsider.headers, { channel: "email" }), 404);
    expect((await getJob(t, await w.as("operator"), mineJob)).status).toBe("pre_scheduled");
  });

  it("keeps a store-scoped seller to the jobs of their store", async () => {
    const w = await givenExecutionWorld(t, "vis-store");
    const other = await addStore(t, w, "VIS-STORE2");
    const theirs = await createOrder(t, w, "O-S2", { storeCode: other.storeCode });
    const mine = await createOrder(t, w, "O-S1");
    const seller = await w.as("seller");
    ok<TJob>(await get(t, `/api/v1/jobs/${mine.jobs[0]!.jobId}`, seller.headers));
    expectProblem(await get(t, `/api/v1/jobs/${theirs.jobs[0]!.jobId}`, seller.headers), 404);
    // Same customer, same address: one project across the two stores; the seller sees it with their store's jobs only.
    expect(theirs.jobs[0]!.projectId).toBe(mine.jobs[0]!.projectId);
    const project = ok<TProjectDetail>(await get(t, `/api/v1/projects/${mine.jobs[0]!.projectId}`, seller.headers));
    expect(project.jobs.map((j) => j.id).sort()).toEqual(mine.jobs.map((j) => j.jobId).sort());
    const listed = ok<Page<TProjectSummary>>(await get(t, "/api/v1/projects", seller.headers));
    expect(listed.items.flatMap((p) => p.jobs.map((j) => j.id)).sort()).toEqual(mine.jobs.map((j) => j.jobId).sort());
    expectProblem(await post(t, act(theirs.jobs[0]!.jobId, "contract/send"), seller.headers, { channel: "qr" }), 404);
    // A BU-wide operator sees both stores.
    const operator = await userWith(t, w.tenantId, "bu-operator@vis-store.test", [
      { role: "operator", buId: w.buId, storeId: null },
    ]);
    ok<TJob>(await get(t, `/api/v1/jobs/${theirs.jobs[0]!.jobId}`, operator.headers));
  });

  it("acts with the roles that cover the job's business unit only", async () => {
    const w = await givenExecutionWorld(t, "vis-roles");
    const other = await addStore(t, w, "VIS-ROLES2", { newBu: true });
    const order = await createOrder(t, w, "O-1");
    const kitchen = await jobWithCode(t, w, order, "KIT");
    // A seller here and an execution admin of another BU: here they act as a seller.
    const mixed = await userWith(t, w.tenantId, "mixed@vis-roles.test", [
      { role: "seller", buId: w.buId, storeId: null },
      { role: "execution_admin", buId: other.buId, storeId: null },
    ]);
    const view = await getJob(t, mixed, kitchen.id);
    expect(view.allowedActions).not.toContain("cancel");
    expectProblem(
      await post(t, act(kitchen.id, "cancel"), mixed.headers, {
        version: view.version,
        reason: "other",
        justification: "Cancelled by an admin of another BU.",
      }),
      403,
    );
    const wide = await userWith(t, w.tenantId, "wide@vis-roles.test", [tenantWide("execution_admin")]);
    expect((await getJob(t, wide, kitchen.id)).allowedActions).toContain("cancel");
  });
});
