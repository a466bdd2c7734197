import { describe, expect, it } from "vitest";
import { withTenant } from "@atende/db";
import type { TJob } from "@atende/contracts";
import { runContractNotSigned } from "@atende/execution";
import { createTestApp } from "../app";
import { givenExecutionWorld } from "../factories/execution";
import {
  createOrder,
  emailsOf,
  EXE_BYTES,
  expectProblem,
  get,
  getJob,
  historyOf,
  jobWithCode,
  ok,
  PDF_BYTES,
  PNG_BYTES,
  post,
  rowCounts,
  sendContract,
  setJob,
  storedFiles,
  tempStorage,
  tokenOf,
  upload,
} from "./exec-helpers";

const storageDir = tempStorage();
const t = await createTestApp({ storageDir, publicUrl: "https://atende.example.test" });
const execDeps = { now: () => new Date(), storageDir, publicUrl: t.config.publicUrl };

const sign = (token: string, signerName = "Lucía Martín") =>
  post(t, `/api/v1/public/contracts/${token}/sign`, {}, { signerName, consent: true });

const timersOf = (tenantId: string, jobId: string) =>
  withTenant(t.db, tenantId, (tx) =>
    tx.timer.findMany({ where: { subject: jobId }, orderBy: { kind: "asc" }, select: { kind: true, status: true } }),
  );

describe("sending the contract", () => {
  it("e-mails a signing link, and each send voids the previous version and its link", async () => {
    const w = await givenExecutionWorld(t, "ctr-send");
    const order = await createOrder(t, w, "O-1");
    const job = await jobWithCode(t, w, order, "KIT");
    const seller = await w.as("seller");
    const first = await sendContract(t, seller, job.id, "email");
    expect(first.contract).toMatchObject({ version: 1, status: "sent", channel: "email", remindersSent: 0 });
    expect(first.signingUrl).toMatch(/^https:\/\/atende\.example\.test\/sign\/.+/);
    expect(first.qrSvg).toBeNull();
    const mails = await emailsOf(t, w.tenantId);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual([w.emails.customer]);
    expect(mails[0]!.subject).toContain(`SX-${job.number}`);
    expect(mails[0]!.text).toContain(first.signingUrl!);
    expect(mails[0]!.text).toContain("/sign/");
    // The automatic send is off; reminders and the not-signed task are planned.
    expect(await timersOf(w.tenantId, job.id)).toEqual([
      { kind: "contract-auto-send", status: "cancelled" },
      { kind: "contract-not-signed", status: "scheduled" },
      { kind: "contract-reminder", status: "scheduled" },
    ]);

    const second = await sendContract(t, seller, job.id, "email");
    expect(second.contract.version).toBe(2);
    expect(second.signingUrl).not.toBe(first.signingUrl);
    const view = await getJob(t, seller, job.id);
    expect(view.contracts.map((c) => [c.version, c.status])).toEqual([
      [2, "sent"],
      [1, "cancelled"],
    ]);
    const events = await historyOf(t, seller, job.id);
    expect(events.filter((e) => e.name === "CONTRACT_VERSION_CANCELLED").map((e) => e.data.version)).toEqual([1]);
    expect(events.filter((e) => e.name === "CONTRACT_SENT_EMAIL").map((e) => e.code)).toEqual([121, 121]);
    expect(events.filter((e) => e.name === "CONTRACT_GENERATED").map((e) => e.data.version)).toEqual([1, 2]);

    const old = expectProblem(await sign(tokenOf(first.signingUrl)), 409, { code: "CONFLICT" });
    expect(old.detail).toMatch(/newer/);
    const oldView = ok<{ status: string; version: number }>(
      await get(t, `/api/v1/public/contracts/${tokenOf(first.signingUrl)}`),
    );
    expect(oldView).toMatchObject({ status: "cancelled", version: 1 });
    expect((await sign(tokenOf(second.signingUrl))).statusCode).toBe(200);
    const signed = await getJob(t, seller, job.id);
    expect(signed.status).toBe("scheduled");
    expect(signed.contracts.map((c) => [c.version, c.status])).toEqual([
      [2, "signed"],
      [1, "cancelled"],
    ]);
  });

  it("shows a QR code, prints, and serves each version's PDF", async () => {
    const w = await givenExecutionWorld(t, "ctr-qr");
    const order = await createOrder(t, w, "O-1");
    const job = await jobWithCode(t, w, order, "KIT");
    const seller = await w.as("seller");
    const qr = await sendContract(t, seller, job.id, "qr");
    expect(qr.contract.channel).toBe("qr");
    expect(qr.qrSvg).toMatch(/^<svg|<\?xml/);
    expect(qr.qrSvg).toContain("<svg");
    const printed = await sendContract(t, seller, job.id, "print");
    expect(printed.contract).toMatchObject({ version: 2, channel: "print" });
    expect(printed.qrSvg).toBeNull();
    // Neither sends an e-mail.
    expect(await emailsOf(t, w.tenantId)).toHaveLength(0);
    const pdf = await get(t, `/api/v1/jobs/${job.id}/contract/pdf`, seller.headers);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.headers["content-disposition"]).toContain("contract-v2.pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const v1 = await get(t, `/api/v1/jobs/${job.id}/contract/pdf?version=1`, seller.headers);
    expect(v1.statusCode).toBe(200);
    expect(v1.headers["content-disposition"]).toContain("contract-v1.pdf");
    expect(v1.rawPayload.equals(pdf.rawPayload)).toBe(false);
    expectProblem(await get(t, `/api/v1/jobs/${job.id}/contract/pdf?version=7`, seller.headers), 404);
  });

  it("answers 404 for the PDF of a job without a contract and 422 for an e-mail to a contact without one", async () => {
    const w = await givenExecutionWorld(t, "ctr-none");
    const order = await createOrder(t, w, "O-1", {
      customer: { fiscalId: "11111111H", name: "Sin Correo" },
      contact: { name: "Sin Correo", email: null, phone: "+34 600 000 000" },
    });
    const job = await jobWithCode(t, w, order, "KIT");
    const seller = await w.as("seller");
    expectProblem(await get(t, `/api/v1/jobs/${job.id}/contract/pdf`, seller.headers), 404);
    const before = await rowCounts(t, w.tenantId);
    expectProblem(await post(t, `/api/v1/jobs/${job.id}/contract/send`, seller.headers, { channel: "email" }), 422, {
      rule: "contact_has_no_email",
    });
    expect(await rowCounts(t, w.tenantId)).toEqual(before);
    expect(storedFiles(storageDir, w.tenantId)).toEqual([]);
    expect((await sendContract(t, seller, job.id, "qr")).contract.version).toBe(1);
  });
});

describe("paper flow", () => {
  it("confirms the paper signature (127), closing the not-signed task, then files the scan (128)", async () => {
    const w = await givenExecutionWorld(t, "ctr-paper");
    const order = await createOrder(t, w, "O-1");
    const job = await jobWithCode(t, w, order, "KIT");
    const operator = await w.as("operator");
    // No contract printed yet: nothing to confirm.
    expectProblem(
      await post(t, `/api/v1/jobs/${job.id}/contract/confirm-paper`, operator.headers, { version: job.version }),
      409,
    );
    await sendContract(t, operator, job.id, "print");
    await withTenant(t.db, w.tenantId, (tx) => runContractNotSigned(tx, execDeps, w.tenantId, job.id));
    const printed = await getJob(t, operator, job.id);
    expect(printed.tasks.map((x) => [x.kind, x.status])).toEqual([["CONTRACT_NOT_SIGNED", "new"]]);
    // In pre_scheduled the scan cannot be filed yet, and nothing is kept of the attempt.
    const filesBefore = storedFiles(storageDir, w.tenantId);
    expectProblem(
      await upload(t, `/api/v1/jobs/${job.id}/contract/signed-scan`, operator, [
        { filename: "signed.pdf", content: PDF_BYTES },
      ]),
      409,
      { rule: "not_allowed_in_status" },
    );
    expect(storedFiles(storageDir, w.tenantId)).toEqual(filesBefore);
    const confirmed = ok<TJob>(
      await post(t, `/api/v1/jobs/${job.id}/contract/confirm-paper`, operator.headers, { version: printed.version }),
    );
    expect(confirmed.status).toBe("scheduled");
    expect(confirmed.signedAt).not.toBeNull();
    expect(confirmed.contracts.map((c) => [c.version, c.status, c.channel])).toEqual([[1, "paper_signed", "print"]]);
    expect(confirmed.tasks.map((x) => [x.kind, x.status])).toEqual([["CONTRACT_NOT_SIGNED", "closed"]]);
    expect(confirmed.tags).not.toContain("ACCEPTANCE_SALES_CONDITIONS");
    const codes = (await historyOf(t, operator, job.id)).map((e) => e.code);
    expect(codes).toContain(127);
    expect(codes).toContain(151);

    const scan = ok<TJob>(
      await upload(t, `/api/v1/jobs/${job.id}/contract/signed-scan`, operator, [
        { filename: "signed.pdf", content: PDF_BYTES, contentType: "application/pdf" },
      ]),
    );
    expect(scan.status).toBe("scheduled");
    const event = (await historyOf(t, operator, job.id)).find((e) => e.code === 128);
    expect(event?.name).toBe("CONTRACT_MANUALLY_UPLOADED");
    expect(event?.data.filename).toBe("signed.pdf");
    const docs = ok<{ items: Array<{ id: string; category: string; filename: string; contentType: string }> }>(
      await get(t, `/api/v1/jobs/${job.id}/documents`, operator.headers),
    ).items;
    expect(docs.map((d) => [d.category, d.filename, d.contentType])).toEqual([
      ["legal", "signed.pdf", "application/pdf"],
    ]);
    const file = await get(t, `/api/v1/jobs/${job.id}/documents/${docs[0]!.id}`, operator.headers);
    expect(file.rawPayload.equals(PDF_BYTES)).toBe(true);
    // A photographed scan is fine too.
    ok<TJob>(
      await upload(t, `/api/v1/jobs/${job.id}/contract/signed-scan`, operator, [
        { filename: "signed-photo.png", content: PNG_BYTES },
      ]),
    );
  });

  it("checks the scan's type from its content: nothing is stored for a refused file", async () => {
    const w = await givenExecutionWorld(t, "ctr-scan-type");
    const order = await createOrder(t, w, "O-1");
    const job = await jobWithCode(t, w, order, "KIT");
    const admin = await w.as("execution_admin");
    ok<TJob>(await post(t, `/api/v1/jobs/${job.id}/contract/skip`, admin.headers, { version: job.version }));
    const before = await rowCounts(t, w.tenantId);
    const files = storedFiles(storageDir, w.tenantId);
    const url = `/api/v1/jobs/${job.id}/contract/signed-scan`;
    expectProblem(await upload(t, url, admin, [{ filename: "setup.exe", content: EXE_BYTES }]), 415, {
      code: "UNSUPPORTED_MEDIA_TYPE",
    });
    expectProblem(await upload(t, url, admin, [{ filename: "scan.pdf", content: EXE_BYTES }]), 415);
    // A PNG named .pdf is refused: the content must match the extension.
    expectProblem(await upload(t, url, admin, [{ filename: "scan.pdf", content: PNG_BYTES }]), 415);
    // A spreadsheet is no signed contract.
    expectProblem(
      await upload(t, url, admin, [{ filename: "scan.csv", content: Buffer.from("name,signed\nLucía,yes\n") }]),
      415,
    );
    expectProblem(
      await upload(t, url, admin, [
        { filename: "a.pdf", content: PDF_BYTES },
        { filename: "b.pdf", content: PDF_BYTES },
      ]),
      400,
      { path: "body.file" },
    );
    expectProblem(await post(t, url, admin.headers, { file: "signed.pdf" }), 415);
    expect(await rowCounts(t, w.tenantId)).toEqual(before);
    expect(storedFiles(storageDir, w.tenantId)).toEqual(files);
  });
});

describe("skipping the contract", () => {
  it("lets an execution admin skip where the BU allows it (142), not an operator or a seller", async () => {
    const w = await givenExecutionWorld(t, "ctr-skip", { skipContractAllowed: true });
    const order = await createOrder(t, w, "O-1", {
      services: [
        { code: "KIT", quantity: 1 },
        { code: "TV", quantity: 1 },
      ],
    });
    const job = await jobWithCode(t, w, order, "KIT");
    const visit = await jobWithCode(t, w, order, "TV");
    const operator = await w.as("operator");
    const seller = await w.as("seller");
    const admin = await w.as("execution_admin");
    await sendContract(t, operator, job.id, "email");
    const { version } = await getJob(t, operator, job.id);
    const url = `/api/v1/jobs/${job.id}/contract/skip`;
    expectProblem(await post(t, url, operator.headers, { version }), 403, { rule: "role_not_allowed" });
    expectProblem(await post(t, url, seller.headers, { version }), 403);
    expect((await getJob(t, admin, job.id)).allowedActions).toContain("skip_contract");
    const skipped = ok<TJob>(
      await post(t, url, admin.headers, { version, justification: "Signed at the store counter on paper." }),
    );
    expect(skipped.status).toBe("scheduled");
    expect(skipped.contracts.map((c) => c.status)).toEqual(["cancelled"]);
    const event = (await historyOf(t, admin, job.id)).find((e) => e.code === 142);
    expect(event?.name).toBe("SKIP_CONTRACT");
    expect(event?.data.justification).toBe("Signed at the store counter on paper.");
    expect((await timersOf(w.tenantId, job.id)).filter((x) => x.status === "scheduled")).toEqual([]);
    // The quotation flow has no contract-less shortcut.
    expectProblem(
      await post(t, `/api/v1/jobs/${visit.id}/contract/skip`, admin.headers, { version: visit.version }),
      409,
      {
        rule: "not_applicable_to_type",
      },
    );
  });

  it("refuses the skip where the BU does not allow it", async () => {
    const w = await givenExecutionWorld(t, "ctr-noskip", { skipContractAllowed: false });
    const order = await createOrder(t, w, "O-1");
    const job = await jobWithCode(t, w, order, "KIT");
    const admin = await w.as("execution_admin");
    expect((await getJob(t, admin, job.id)).allowedActions).not.toContain("skip_contract");
    expectProblem(await post(t, `/api/v1/jobs/${job.id}/contract/skip`, admin.headers, { version: job.version }), 403, {
      rule: "skip_contract_not_allowed_by_bu",
    });
    expect((await getJob(t, admin, job.id)).status).toBe("pre_scheduled");
  });
});

describe("duplicate technical visits", () => {
  async function projectWithTwoVisits(slug: string, providers: [string, string], block: boolean) {
    const w = await givenExecutionWorld(t, slug, { blockSellerOnDuplicateTechnicalVisits: block });
    const first = await createOrder(t, w, "O-1", {
      services: [
        { code: "KIT", quantity: 1 },
        { code: "TV", quantity: 1 },
      ],
    });
    const second = await createOrder(t, w, "O-2", { services: [{ code: "TV", quantity: 1 }] });
    const kitchen = await jobWithCode(t, w, first, "KIT");
    const visits = [(await jobWithCode(t, w, first, "TV")).id, second.jobs[0]!.jobId];
    expect(second.jobs[0]!.projectId).toBe(kitchen.projectId);
    await setJob(t, w.tenantId, visits[0]!, { status: "done", providerId: providers[0] });
    await setJob(t, w.tenantId, visits[1]!, { status: "closed", providerId: providers[1] });
    return { w, kitchen };
  }
  const P1 = "00000000-0000-4000-8000-000000000001";
  const P2 = "00000000-0000-4000-8000-000000000002";

  it("blocks sellers (with an alert saying why) but not operators in pre_scheduled", async () => {
    const { w, kitchen } = await projectWithTwoVisits("ctr-dup", [P1, P2], true);
    const seller = await w.as("seller");
    const view = await getJob(t, seller, kitchen.id);
    expect(view.alerts.map((a) => a.code)).toEqual(["seller_blocked_duplicate_technical_visits"]);
    expect(view.alerts[0]!.message).toMatch(/operator/);
    expect(view.allowedActions).not.toContain("send_contract");
    expect(view.allowedActions).not.toContain("reschedule");
    expectProblem(
      await post(t, `/api/v1/jobs/${kitchen.id}/contract/send`, seller.headers, { channel: "email" }),
      403,
      {
        rule: "seller_blocked_duplicate_technical_visits",
      },
    );
    expectProblem(
      await post(t, `/api/v1/jobs/${kitchen.id}/modify-duration`, seller.headers, {
        version: view.version,
        durationMinutes: 500,
      }),
      403,
    );
    const operator = await w.as("operator");
    expect((await getJob(t, operator, kitchen.id)).allowedActions).toContain("send_contract");
    expect((await sendContract(t, operator, kitchen.id, "email")).contract.version).toBe(1);
  });

  it("does not block when one provider did both visits, or when the BU does not ask for it", async () => {
    const same = await projectWithTwoVisits("ctr-dup-same", [P1, P1], true);
    const seller = await same.w.as("seller");
    expect((await getJob(t, seller, same.kitchen.id)).alerts).toEqual([]);
    expect((await sendContract(t, seller, same.kitchen.id, "qr")).contract.version).toBe(1);
    const off = await projectWithTwoVisits("ctr-dup-off", [P1, P2], false);
    const offSeller = await off.w.as("seller");
    expect((await getJob(t, offSeller, off.kitchen.id)).alerts).toEqual([]);
    expect((await sendContract(t, offSeller, off.kitchen.id, "qr")).contract.version).toBe(1);
  });
});
