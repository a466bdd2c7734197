import { describe, expect, it } from "vitest";
import { withTenant } from "@atende/db";
import type { TJob, TPendingContract, TTaskCount } from "@atende/contracts";
import { runContractNotSigned } from "@atende/execution";
import { createTestApp } from "../app";
import { givenExecutionWorld, type ExecutionWorld } from "../factories/execution";
import {
  addStore,
  createOrder,
  expectProblem,
  get,
  getJob,
  historyOf,
  jobWithCode,
  ok,
  post,
  sendContract,
  setJob,
  tempStorage,
  tokenOf,
  userWith,
} from "./exec-helpers";

const storageDir = tempStorage();
const t = await createTestApp({ storageDir });
const execDeps = { now: () => new Date(), storageDir, publicUrl: t.config.publicUrl };

const notSigned = (w: ExecutionWorld, jobId: string) =>
  withTenant(t.db, w.tenantId, (tx) => runContractNotSigned(tx, execDeps, w.tenantId, jobId));

const tasksOf = (w: ExecutionWorld, jobId: string) =>
  withTenant(t.db, w.tenantId, (tx) =>
    tx.ticket.findMany({
      where: { jobId },
      select: {
        id: true,
        number: true,
        type: true,
        channel: true,
        taskKind: true,
        groupId: true,
        buId: true,
        subject: true,
        status: true,
        isOpen: true,
      },
    }),
  );

describe("monitoring", () => {
  it("lists contracts waiting for a signature, oldest first, with their age", async () => {
    const w = await givenExecutionWorld(t, "mon-pending");
    const order = await createOrder(t, w, "O-1");
    const kitchen = await jobWithCode(t, w, order, "KIT");
    const hvac = await jobWithCode(t, w, order, "AC");
    const seller = await w.as("seller");
    const operator = await w.as("operator");
    expect(
      ok<{ items: TPendingContract[] }>(await get(t, "/api/v1/monitoring/contracts-pending", operator.headers)).items,
    ).toEqual([]);
    const kitchenSent = await sendContract(t, seller, kitchen.id, "email");
    await sendContract(t, seller, hvac.id, "qr");
    await withTenant(t.db, w.tenantId, (tx) =>
      tx.contract.update({
        where: { id: kitchenSent.contract.id },
        data: { sentAt: new Date(Date.now() - 5 * 3_600_000) },
      }),
    );
    const pending = ok<{ items: TPendingContract[] }>(
      await get(t, "/api/v1/monitoring/contracts-pending", operator.headers),
    ).items;
    expect(pending.map((p) => [p.jobId, p.version, p.customerName, p.remindersSent])).toEqual([
      [kitchen.id, 1, "Lucía Martín", 0],
      [hvac.id, 1, "Lucía Martín", 0],
    ]);
    expect(pending[0]!.jobNumber).toBe(kitchen.number);
    expect(pending[0]!.projectNumber).toBe(kitchen.projectNumber);
    expect(pending[0]!.ageHours).toBeGreaterThanOrEqual(5);
    expect(pending[0]!.ageHours).toBeLessThan(5.2);
    expect(pending[1]!.ageHours).toBeLessThan(0.2);
    // Signed: no longer pending.
    ok(
      await post(
        t,
        `/api/v1/public/contracts/${tokenOf(kitchenSent.signingUrl)}/sign`,
        {},
        { signerName: "L", consent: true },
      ),
    );
    const after = ok<{ items: TPendingContract[] }>(
      await get(t, "/api/v1/monitoring/contracts-pending", operator.headers),
    ).items;
    expect(after.map((p) => p.jobId)).toEqual([hvac.id]);
    // For the back office, not for sellers nor customers.
    expectProblem(await get(t, "/api/v1/monitoring/contracts-pending", seller.headers), 403);
    expectProblem(await get(t, "/api/v1/monitoring/tasks", (await w.as("customer")).headers), 403);
  });

  it("counts open system tasks per kind", async () => {
    const w = await givenExecutionWorld(t, "mon-tasks");
    const order = await createOrder(t, w, "O-1");
    const kitchen = await jobWithCode(t, w, order, "KIT");
    const hvac = await jobWithCode(t, w, order, "AC");
    const operator = await w.as("operator");
    await sendContract(t, operator, kitchen.id, "print");
    await sendContract(t, operator, hvac.id, "print");
    await notSigned(w, kitchen.id);
    await notSigned(w, hvac.id);
    await setJob(t, w.tenantId, hvac.id, { providerId: "00000000-0000-4000-8000-0000000000bb", status: "confirmed" });
    const hvacJob = await getJob(t, operator, hvac.id);
    ok<TJob>(
      await post(t, `/api/v1/jobs/${hvac.id}/change-address`, operator.headers, {
        version: hvacJob.version,
        worksite: { line1: "Calle Nueva 1", postcode: "28099", city: "Madrid" },
      }),
    );
    const counts = ok<{ items: TTaskCount[] }>(await get(t, "/api/v1/monitoring/tasks", operator.headers)).items;
    expect([...counts].sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: "CONTRACT_NOT_SIGNED", open: 2 },
      { kind: "ZONE_CHANGE", open: 1 },
    ]);
    ok<TJob>(
      await post(t, `/api/v1/jobs/${kitchen.id}/contract/confirm-paper`, operator.headers, {
        version: (await getJob(t, operator, kitchen.id)).version,
      }),
    );
    const later = ok<{ items: TTaskCount[] }>(await get(t, "/api/v1/monitoring/tasks", operator.headers)).items;
    expect([...later].sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: "CONTRACT_NOT_SIGNED", open: 1 },
      { kind: "ZONE_CHANGE", open: 1 },
    ]);
  });
});

describe("monitoring scope", () => {
  it("shows a BU-scoped operator the contracts and tasks of their BU only", async () => {
    const w = await givenExecutionWorld(t, "mon-scope");
    const other = await addStore(t, w, "MON-SCOPE2", { newBu: true });
    const here = await createOrder(t, w, "O-1", { services: [{ code: "AC", quantity: 1 }] });
    const there = await createOrder(t, w, "O-2", {
      storeCode: other.storeCode,
      services: [{ code: "AC", quantity: 1 }],
    });
    const everywhere = await w.as("operator");
    await sendContract(t, everywhere, here.jobs[0]!.jobId, "print");
    await sendContract(t, everywhere, there.jobs[0]!.jobId, "print");
    await notSigned(w, here.jobs[0]!.jobId);
    await notSigned(w, there.jobs[0]!.jobId);
    const scoped = await userWith(t, w.tenantId, "bu2-operator@mon-scope.test", [
      { role: "operator", buId: other.buId, storeId: null },
    ]);
    const pendingOf = async (session: typeof scoped) =>
      ok<{ items: TPendingContract[] }>(
        await get(t, "/api/v1/monitoring/contracts-pending", session.headers),
      ).items.map((p) => p.jobId);
    const tasksFor = async (session: typeof scoped) =>
      ok<{ items: TTaskCount[] }>(await get(t, "/api/v1/monitoring/tasks", session.headers)).items;
    expect((await pendingOf(everywhere)).sort()).toEqual([here.jobs[0]!.jobId, there.jobs[0]!.jobId].sort());
    expect(await pendingOf(scoped)).toEqual([there.jobs[0]!.jobId]);
    expect(await tasksFor(everywhere)).toEqual([{ kind: "CONTRACT_NOT_SIGNED", open: 2 }]);
    expect(await tasksFor(scoped)).toEqual([{ kind: "CONTRACT_NOT_SIGNED", open: 1 }]);
  });
});

describe("system tasks", () => {
  it("opens a CONTRACT_NOT_SIGNED task ticket in the back-office queue and closes it on signature", async () => {
    const w = await givenExecutionWorld(t, "task-flow");
    const group = await withTenant(t.db, w.tenantId, (tx) =>
      tx.group.create({ data: { tenantId: w.tenantId, code: "BACK-OFFICE", name: "Back-office" } }),
    );
    const order = await createOrder(t, w, "O-1");
    const job = await jobWithCode(t, w, order, "KIT");
    const seller = await w.as("seller");
    // Nothing sent yet: the timer has nothing to say.
    await notSigned(w, job.id);
    expect(await tasksOf(w, job.id)).toEqual([]);
    const sent = await sendContract(t, seller, job.id, "email");
    await notSigned(w, job.id);
    await notSigned(w, job.id);
    const tasks = await tasksOf(w, job.id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      type: "task",
      channel: "system",
      taskKind: "CONTRACT_NOT_SIGNED",
      groupId: group.id,
      buId: w.buId,
      status: "new",
      isOpen: true,
    });
    expect(tasks[0]!.number).toBeGreaterThan(0);
    expect(tasks[0]!.subject).toContain(String(job.number));
    const operator = await w.as("operator");
    const withTask = await getJob(t, operator, job.id);
    expect(withTask.tasks).toEqual([
      { ticketId: tasks[0]!.id, number: tasks[0]!.number, kind: "CONTRACT_NOT_SIGNED", status: "new" },
    ]);

    ok(
      await post(
        t,
        `/api/v1/public/contracts/${tokenOf(sent.signingUrl)}/sign`,
        {},
        { signerName: "L", consent: true },
      ),
    );
    const closed = await tasksOf(w, job.id);
    expect(closed[0]).toMatchObject({ status: "closed", isOpen: false });
    const history = await historyOf(t, operator, job.id);
    const opened = history.find((e) => e.name === "TASK_OPENED");
    const done = history.find((e) => e.name === "TASK_CLOSED");
    expect(opened).toMatchObject({ code: 150, data: { kind: "CONTRACT_NOT_SIGNED", ticketId: tasks[0]!.id } });
    expect(done).toMatchObject({ code: 151, data: { kind: "CONTRACT_NOT_SIGNED", cause: "CONTRACT_SIGNED" } });
    expect(history.indexOf(opened!)).toBeLessThan(history.indexOf(done!));
    // Signed: the timer no longer opens anything.
    await notSigned(w, job.id);
    expect(await tasksOf(w, job.id)).toHaveLength(1);
  });

  it("opens the task without a group when the tenant has no such queue", async () => {
    const w = await givenExecutionWorld(t, "task-nogroup");
    const order = await createOrder(t, w, "O-1");
    const job = await jobWithCode(t, w, order, "KIT");
    await sendContract(t, await w.as("seller"), job.id, "qr");
    await notSigned(w, job.id);
    const tasks = await tasksOf(w, job.id);
    expect(tasks.map((x) => [x.taskKind, x.groupId, x.isOpen])).toEqual([["CONTRACT_NOT_SIGNED", null, true]]);
  });
});
