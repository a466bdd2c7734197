import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withTenant } from "@atende/db";
import type { TJob, TPortalProject, TSigningView } from "@atende/contracts";
import { tenantWide } from "../app";
import { createTestApp } from "../app";
import { givenExecutionWorld } from "../factories/execution";
import { pageTexts } from "../../../../packages/execution/src/contract-document/pdf-text.test-helper";
import {
  createOrder,
  documentsOf,
  emailsOf,
  expectProblem,
  get,
  getJob,
  historyOf,
  jobWithCode,
  ok,
  post,
  rowCounts,
  sendContract,
  tempStorage,
  tokenOf,
  userWith,
} from "./exec-helpers";

const t = await createTestApp({ storageDir: tempStorage() });

const publicUrl = (token: string, rest = "") => `/api/v1/public/contracts/${token}${rest}`;

describe("public signing link", () => {
  it("shows the contract and its PDF, and signs it: the job is scheduled and the signed copy filed", async () => {
    const w = await givenExecutionWorld(t, "sign-link");
    const order = await createOrder(t, w, "O-1");
    const job = await jobWithCode(t, w, order, "KIT");
    const seller = await w.as("seller");
    const sent = await sendContract(t, seller, job.id, "email");
    const token = tokenOf(sent.signingUrl);

    const view = ok<TSigningView>(await get(t, publicUrl(token)));
    expect(view).toMatchObject({
      tenantName: "Tenant sign-link",
      jobNumber: job.number,
      projectNumber: job.projectNumber,
      customerName: "Lucía Martín",
      version: 1,
      status: "sent",
      plannedDate: job.plannedDate,
      worksite: job.worksite,
      signedAt: null,
      locale: "es",
    });
    expect(view.services).toEqual([
      { label: "Kitchen installation", quantity: 1 },
      { label: "Worktop", quantity: 1 },
    ]);
    const pdf = await get(t, publicUrl(token, "/pdf"));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const unsignedPages = await pageTexts(new Uint8Array(pdf.rawPayload));

    const emailsBefore = (await emailsOf(t, w.tenantId)).length;
    const signed = await post(
      t,
      publicUrl(token, "/sign"),
      { "user-agent": "test-browser/1.0" },
      {
        signerName: "Lucía Martín",
        consent: true,
      },
    );
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toEqual({ ok: true });

    const after = await getJob(t, seller, job.id);
    expect(after.status).toBe("scheduled");
    expect(after.signedAt).not.toBeNull();
    expect(after.tags).not.toContain("ACCEPTANCE_SALES_CONDITIONS");
    expect(after.contracts[0]).toMatchObject({ version: 1, status: "signed", signerName: "Lucía Martín" });
    const row = await withTenant(t.db, w.tenantId, (tx) =>
      tx.contract.findFirstOrThrow({ where: { jobId: job.id, version: 1 } }),
    );
    expect(row).toMatchObject({ signerName: "Lucía Martín", signerIp: "127.0.0.1", signatureMethod: "link" });
    const docs = await documentsOf(t, seller, job.id);
    expect(docs.map((d) => [d.category, d.contentType])).toEqual([["legal", "application/pdf"]]);
    expect(row.signedDocumentId).toBe(docs[0]!.id);
    const file = await get(t, `/api/v1/jobs/${job.id}/documents/${docs[0]!.id}`, seller.headers);
    const signedPages = await pageTexts(new Uint8Array(file.rawPayload));
    expect(signedPages.length).toBe(unsignedPages.length + 1);
    expect(signedPages.at(-1)!.join(" ")).toContain("Lucía Martín");
    // Once signed, the link only says so: no PDF, no address, plans or services any more.
    expectProblem(await get(t, publicUrl(token, "/pdf")), 404);
    const signedView = ok<TSigningView>(await get(t, publicUrl(token)));
    expect(signedView.status).toBe("signed");
    expect(signedView.signedAt).not.toBeNull();
    expect(signedView).toMatchObject({ worksite: null, services: [], customerName: "", plannedDate: "" });
    const event = (await historyOf(t, seller, job.id)).find((e) => e.name === "CONTRACT_SIGNED");
    expect(event).toMatchObject({ code: 126, actorLabel: "Lucía Martín (signing link)" });
    const mails = (await emailsOf(t, w.tenantId)).slice(emailsBefore);
    expect(mails.map((m) => m.to)).toEqual([[w.emails.customer]]);
    expect(mails[0]!.subject).toContain(`SX-${job.number}`);
    // Timers of the contract are over.
    const timers = await withTenant(t.db, w.tenantId, (tx) =>
      tx.timer.findMany({ where: { subject: job.id, status: "scheduled" }, select: { kind: true } }),
    );
    expect(timers.filter((x) => x.kind.startsWith("contract-"))).toEqual([]);
  });

  it("needs consent and a name, and signs only once", async () => {
    const w = await givenExecutionWorld(t, "sign-once");
    const order = await createOrder(t, w, "O-1");
    const job = await jobWithCode(t, w, order, "KIT");
    const sent = await sendContract(t, await w.as("seller"), job.id, "email");
    const token = tokenOf(sent.signingUrl);
    const before = await rowCounts(t, w.tenantId);
    expectProblem(await post(t, publicUrl(token, "/sign"), {}, { signerName: "Lucía", consent: false }), 400, {
      path: "body.consent",
    });
    expectProblem(await post(t, publicUrl(token, "/sign"), {}, { consent: true }), 400, { path: "body.signerName" });
    expectProblem(await post(t, publicUrl(token, "/sign"), {}, { signerName: "   ", consent: true }), 400, {
      path: "body.signerName",
    });
    expect(await rowCounts(t, w.tenantId)).toEqual(before);
    expect((await post(t, publicUrl(token, "/sign"), {}, { signerName: "Lucía", consent: true })).statusCode).toBe(200);
    const afterFirst = await rowCounts(t, w.tenantId);
    expectProblem(await post(t, publicUrl(token, "/sign"), {}, { signerName: "Lucía", consent: true }), 409, {
      code: "CONFLICT",
      rule: "contract_already_signed",
    });
    expect(await rowCounts(t, w.tenantId)).toEqual(afterFirst);
  });

  it("answers 404, never 500, to a garbage or forged token", async () => {
    const w = await givenExecutionWorld(t, "sign-garbage");
    const order = await createOrder(t, w, "O-1");
    const job = await jobWithCode(t, w, order, "KIT");
    const sent = await sendContract(t, await w.as("seller"), job.id, "email");
    const real = tokenOf(sent.signingUrl);
    const secret = real.slice(real.indexOf(".") + 1);
    const forged = [
      "x".repeat(40),
      `${randomUUID()}.${"a".repeat(43)}`,
      `${w.tenantId}.${"a".repeat(43)}`,
      `${randomUUID()}.${secret}`,
      `${w.tenantId}.${secret.slice(0, -2)}`,
      `${w.tenantId}..${secret}`,
      `${"z".repeat(8)}-0000-4000-8000-000000000000.${secret}`,
      encodeURIComponent(`${w.tenantId}.'; DROP TABLE contracts;--`),
    ];
    for (const token of forged) {
      expectProblem(await get(t, publicUrl(token)), 404, { code: "NOT_FOUND" });
      expectProblem(await get(t, publicUrl(token, "/pdf")), 404);
      expectProblem(await post(t, publicUrl(token, "/sign"), {}, { signerName: "Mallory", consent: true }), 404);
    }
    expectProblem(await get(t, publicUrl("short")), 400, { path: "params.token" });
    // Another tenant's id with this tenant's secret: the tenant part is checked.
    const other = await givenExecutionWorld(t, "sign-garbage-2");
    expectProblem(await get(t, publicUrl(`${other.tenantId}.${secret}`)), 404);
    expect((await getJob(t, await w.as("operator"), job.id)).status).toBe("pre_scheduled");
    ok<TSigningView>(await get(t, publicUrl(real)));
  });

  it("refuses to sign the link of a cancelled job", async () => {
    const w = await givenExecutionWorld(t, "sign-cancelled");
    const order = await createOrder(t, w, "O-1");
    const job = await jobWithCode(t, w, order, "KIT");
    const admin = await w.as("execution_admin");
    const sent = await sendContract(t, admin, job.id, "email");
    const { version } = await getJob(t, admin, job.id);
    ok<TJob>(
      await post(t, `/api/v1/jobs/${job.id}/cancel`, admin.headers, {
        version,
        reason: "customer_request",
        justification: "The customer changed their mind.",
      }),
    );
    expectProblem(
      await post(t, publicUrl(tokenOf(sent.signingUrl), "/sign"), {}, { signerName: "L", consent: true }),
      409,
    );
    expect((await getJob(t, admin, job.id)).status).toBe("cancelled");
  });
});

describe("customer portal", () => {
  it("shows customers their own projects only, and lets them sign their contract", async () => {
    const w = await givenExecutionWorld(t, "portal");
    const mine = await createOrder(t, w, "O-1");
    const otherCustomer = await userWith(t, w.tenantId, "ana@portal.test", [tenantWide("customer")]);
    const theirs = await createOrder(t, w, "O-2", {
      customer: { fiscalId: "99999999R", name: "Ana Gil", email: "ana@portal.test" },
      worksite: { line1: "Gran Vía 1", postcode: "28013", city: "Madrid" },
    });
    const job = await jobWithCode(t, w, mine, "KIT");
    const theirJob = theirs.jobs[0]!.jobId;
    const seller = await w.as("seller");
    const customer = await w.as("customer");
    const before = ok<{ items: TPortalProject[] }>(await get(t, "/api/v1/portal/projects", customer.headers)).items;
    expect(before.map((p) => p.id)).toEqual([job.projectId]);
    expect(before[0]!.jobs.map((j) => j.id).sort()).toEqual(mine.jobs.map((j) => j.jobId).sort());
    expect(before[0]!.jobs.every((j) => j.contractToSign === null && j.progressPercent === 10)).toBe(true);
    // No contract yet.
    expectProblem(await get(t, `/api/v1/portal/jobs/${job.id}/contract`, customer.headers), 404);
    await sendContract(t, seller, job.id, "qr");
    await sendContract(t, seller, theirJob, "qr");
    const projects = ok<{ items: TPortalProject[] }>(await get(t, "/api/v1/portal/projects", customer.headers)).items;
    const card = projects[0]!.jobs.find((j) => j.id === job.id)!;
    expect(card.contractToSign).toMatchObject({ version: 1 });
    expect(card.services).toEqual(["Kitchen installation", "Worktop"]);
    const theirView = ok<{ items: TPortalProject[] }>(await get(t, "/api/v1/portal/projects", otherCustomer.headers));
    expect(theirView.items.map((p) => p.id)).toEqual([theirs.jobs[0]!.projectId]);

    // Another customer's job is a 404 for every portal route.
    expectProblem(await get(t, `/api/v1/portal/jobs/${theirJob}/contract`, customer.headers), 404);
    expectProblem(await get(t, `/api/v1/portal/jobs/${theirJob}/contract/pdf`, customer.headers), 404);
    expectProblem(
      await post(t, `/api/v1/portal/jobs/${theirJob}/contract/sign`, customer.headers, {
        signerName: "Lucía Martín",
        consent: true,
      }),
      404,
    );
    expect((await getJob(t, seller, theirJob)).status).toBe("pre_scheduled");

    const view = ok<TSigningView>(await get(t, `/api/v1/portal/jobs/${job.id}/contract`, customer.headers));
    expect(view).toMatchObject({ jobNumber: job.number, version: 1, status: "sent" });
    const pdf = await get(t, `/api/v1/portal/jobs/${job.id}/contract/pdf`, customer.headers);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expectProblem(
      await post(t, `/api/v1/portal/jobs/${job.id}/contract/sign`, customer.headers, {
        signerName: "Lucía Martín",
        consent: false,
      }),
      400,
      { path: "body.consent" },
    );
    ok<{ ok: true }>(
      await post(t, `/api/v1/portal/jobs/${job.id}/contract/sign`, customer.headers, {
        signerName: "Lucía Martín",
        consent: true,
      }),
    );
    const signed = await getJob(t, seller, job.id);
    expect(signed.status).toBe("scheduled");
    const row = await withTenant(t.db, w.tenantId, (tx) =>
      tx.contract.findFirstOrThrow({ where: { jobId: job.id, version: 1 } }),
    );
    expect(row).toMatchObject({ signatureMethod: "portal", signerName: "Lucía Martín" });
    const after = ok<{ items: TPortalProject[] }>(await get(t, "/api/v1/portal/projects", customer.headers)).items;
    const signedCard = after[0]!.jobs.find((j) => j.id === job.id)!;
    expect(signedCard).toMatchObject({ status: "scheduled", contractToSign: null, progressPercent: 25 });
    expect(after[0]!.status).toBe("ongoing");
  });

  it("signs once when the customer signs twice at the same time, in the portal or by the link", async () => {
    const w = await givenExecutionWorld(t, "portal-race");
    const order = await createOrder(t, w, "O-1");
    const kitchen = await jobWithCode(t, w, order, "KIT");
    const hvac = await jobWithCode(t, w, order, "AC");
    const seller = await w.as("seller");
    const customer = await w.as("customer");
    await sendContract(t, seller, kitchen.id, "qr");
    const body = { signerName: "Lucía Martín", consent: true };
    const inPortal = await Promise.all(
      [1, 2, 3].map(() => post(t, `/api/v1/portal/jobs/${kitchen.id}/contract/sign`, customer.headers, body)),
    );
    expect(inPortal.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    expect(await documentsOf(t, seller, kitchen.id)).toHaveLength(1);
    expect((await historyOf(t, seller, kitchen.id)).filter((e) => e.name === "CONTRACT_SIGNED")).toHaveLength(1);
    const token = tokenOf((await sendContract(t, seller, hvac.id, "email")).signingUrl);
    const byLink = await Promise.all([1, 2, 3].map(() => post(t, publicUrl(token, "/sign"), {}, body)));
    expect(byLink.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    expect(await documentsOf(t, seller, hvac.id)).toHaveLength(1);
  });

  it("is for customers: staff get 403", async () => {
    const w = await givenExecutionWorld(t, "portal-staff");
    const order = await createOrder(t, w, "O-1");
    const operator = await w.as("operator");
    expectProblem(await get(t, "/api/v1/portal/projects", operator.headers), 403);
    expectProblem(await get(t, `/api/v1/portal/jobs/${order.jobs[0]!.jobId}/contract`, operator.headers), 403);
    expectProblem(await get(t, "/api/v1/portal/projects"), 401);
  });
});
