import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { signIn, startJourney, type Journey } from "./harness";
import {
  expectTranslated,
  expectUnclipped,
  historyCodes,
  orderSystem,
  postOrder,
  tinyPdf,
  watcher,
  type OrderJob,
  type Worksite,
} from "./journey-kit";

let j: Journey;

beforeAll(async () => {
  j = await startJourney();
}, 120_000);

// Addresses and order ids of this journey only (the demo seed's project is at Calle Mayor 1).
const HOME: Worksite = { line1: "Calle de Serrano 45", postcode: "28001", city: "Madrid" };
const FLAT: Worksite = { line1: "Paseo de la Castellana 101", postcode: "28046", city: "Madrid" };

/** A button by its whole visible text (Mantine's modal close button has none, so names alone are ambiguous). */
const button = (scope: Locator, text: string) => scope.getByRole("button").filter({ hasText: new RegExp(`^${text}$`) });
const jobWith = (page: Page, code: string) => page.getByTestId("job-card").filter({ hasText: code });

async function serviceAction(page: Page, action: string) {
  await page.getByTestId("service-menu").click();
  await page.getByTestId(`action-${action}`).click();
}

async function jobStatus(page: Page) {
  return page.getByTestId("job-page").getAttribute("data-status");
}

describe("contract channels journey", () => {
  it("QR code and public link, e-mail then paper with its scan, and a skipped contract", async () => {
    const watch = watcher(j);
    const bearer = await orderSystem(j, "e2e contract channels");
    const stamp = Date.now();
    const jobs = await postOrder(j, bearer, {
      orderId: `E2E-CHAN-${stamp}`,
      worksite: HOME,
      services: ["49-AC-INS", "49-BAT-INS"],
      products: ["AC-EQUATION-3K", "SCR-SENSEA-90"],
    });
    expect(jobs).toHaveLength(2);
    const projectId = jobs[0]?.projectId ?? "";
    const [skipJob] = await postOrder(j, bearer, {
      orderId: `E2E-CHAN-SKIP-${stamp}`,
      worksite: FLAT,
      services: ["49-FLO-LAM"],
      products: ["LAM-ARTENS-8MM"],
    });
    expect(skipJob?.status).toBe("pre_scheduled");

    // 1. The seller shows job A's contract as a QR code; the modal has the code and the signing link.
    const seller = await watch.page();
    await signIn(seller, j.baseUrl, "seller@demo.test");
    await seller.goto(`${j.baseUrl}/seller/projects/${projectId}`);
    await seller.getByTestId("project-page").waitFor();
    const idOf = async (code: string) => (await jobWith(seller, code).getAttribute("data-job-id")) ?? "";
    await jobWith(seller, "49-AC-INS").waitFor();
    const jobA = await idOf("49-AC-INS");
    const jobB = await idOf("49-BAT-INS");
    expect(new Set([jobA, jobB])).toEqual(new Set(jobs.map((job: OrderJob) => job.jobId)));
    await jobWith(seller, "49-AC-INS").click();
    await seller.getByTestId("job-page").waitFor();
    expect(await jobStatus(seller)).toBe("pre_scheduled");
    await serviceAction(seller, "show_contract_qr");
    await seller.getByTestId("send-contract-dialog").waitFor();
    await seller.getByTestId("send-contract-dialog-confirm").click();
    const qr = seller.getByTestId("contract-qr");
    await qr.waitFor();
    const image = qr.getByTestId("contract-qr-image");
    await image.waitFor();
    expect(await image.getAttribute("src")).toMatch(/^data:image\/svg\+xml/);
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    const link = qr.getByTestId("contract-signing-url");
    const signingUrl = (await link.getAttribute("href")) ?? "";
    expect(await link.textContent()).toBe(signingUrl);
    const signPath = new URL(signingUrl).pathname;
    expect(signPath).toMatch(/^\/sign\/[^/]{20,}$/);
    await expectUnclipped(qr.getByRole("button"));
    await seller.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: j.baseUrl });
    await button(qr, "Copy link").click();
    await button(qr, "Copied").waitFor();
    expect(await seller.evaluate(() => navigator.clipboard.readText())).toBe(signingUrl);
    await expectTranslated(seller);
    await button(qr, "Close").click();
    await qr.waitFor({ state: "detached" });
    await seller.getByTestId("tab-contract").click();
    const qrVersion = seller.getByTestId("contract-version").first();
    await qrVersion.waitFor();
    expect(await qrVersion.getAttribute("data-status")).toBe("sent");
    expect(await qrVersion.textContent()).toMatch(/^v1.*QR code/i);
    await seller.getByTestId("job-tags").locator("[data-tag='ACCEPTANCE_SALES_CONDITIONS']").waitFor();

    // While the customer has not signed, Monitoring lists the contract, with its age.
    const operator = await watch.page();
    await signIn(operator, j.baseUrl, "operator@demo.test");
    await operator.getByTestId("nav-operator.monitoring").click();
    const pendingA = operator.locator(`[data-testid='pending-contract'][data-job-id='${jobA}']`);
    await pendingA.waitFor();
    expect(await pendingA.textContent()).toMatch(/Carla Customer.*v1/);
    expect(await pendingA.getByTestId("pending-age").textContent()).toMatch(/^\d+ hours?$/);

    // The customer scans it: a signed-out browser opens the link, reads the contract, types the name and consents.
    const phone = await watch.page();
    await phone.goto(`${j.baseUrl}${signPath}`);
    const view = phone.getByTestId("signing-view");
    await view.waitFor();
    expect(await view.getAttribute("data-status")).toBe("sent");
    expect(await view.textContent()).toContain("Carla Customer");
    expect(await view.textContent()).toContain(HOME.line1);
    expect(await phone.getByTestId("sign-out").count()).toBe(0);
    const pdf = (await phone.getByTestId("signing-pdf").getAttribute("src")) ?? "";
    const served = await phone.evaluate(async (url) => {
      const res = await fetch(url);
      return { status: res.status, type: res.headers.get("content-type"), head: (await res.text()).slice(0, 5) };
    }, pdf);
    expect(served).toEqual({ status: 200, type: expect.stringContaining("application/pdf"), head: "%PDF-" });
    const submit = phone.getByTestId("signing-submit");
    expect(await submit.isDisabled()).toBe(true);
    await phone.getByTestId("signing-name").fill("Carla Customer");
    await phone.getByTestId("signing-consent").check();
    await submit.click();
    await phone.getByTestId("signing-success").waitFor();
    await expectTranslated(phone);
    await phone.reload();
    const already = phone.getByTestId("signing-already");
    await already.waitFor();
    // The link opens in the contract's language (LMES: Spanish) for a visitor who has not chosen one.
    expect(await already.textContent()).toMatch(/ya está firmado|se firmó el/i);
    expect(await phone.evaluate(() => document.documentElement.lang)).toBe("es");
    expect(await phone.getByTestId("signing-submit").count()).toBe(0);

    // 2. The operator finds job A scheduled, and no longer among the contracts waiting in Monitoring.
    await operator.goto(`${j.baseUrl}/operator/jobs/${jobA}`);
    await operator.getByTestId("job-page").waitFor();
    expect(await jobStatus(operator)).toBe("scheduled");
    expect((await historyCodes(operator)).slice(0, 3)).toEqual(["126", "122", "120"]);
    expect(await operator.getByTestId("job-tags").locator("[data-tag='ACCEPTANCE_SALES_CONDITIONS']").count()).toBe(0);
    await operator.getByTestId("nav-operator.monitoring").click();
    const monitoring = operator.getByTestId("pending-contracts").or(operator.getByText("No contracts waiting"));
    await monitoring.first().waitFor();
    expect(await operator.locator(`[data-testid='pending-contract'][data-job-id='${jobA}']`).count()).toBe(0);

    // 3. The seller sends job B's contract by e-mail; Monitoring lists it, with its age.
    await seller.goto(`${j.baseUrl}/seller/jobs/${jobB}`);
    await seller.getByTestId("job-page").waitFor();
    await serviceAction(seller, "send_contract");
    const sendDialog = seller.getByTestId("send-contract-dialog");
    expect(await sendDialog.textContent()).toContain("customer@demo.test");
    await seller.getByTestId("send-contract-dialog-confirm").click();
    await sendDialog.waitFor({ state: "detached" });
    await seller.getByTestId("tab-contract").click();
    await seller.locator("[data-testid='contract-version'][data-status='sent']").waitFor();

    await operator.reload();
    const pendingB = operator.locator(`[data-testid='pending-contract'][data-job-id='${jobB}']`);
    await pendingB.waitFor();
    expect(await pendingB.textContent()).toContain("Carla Customer");
    expect(await pendingB.getByTestId("pending-age").textContent()).toMatch(/^\d+ hours?$/);
    await expectTranslated(operator);

    // 4. The operator prints B's contract (a new version, opened as a PDF in a new tab) and confirms the paper.
    await pendingB.getByRole("link").click();
    await operator.getByTestId("job-page").waitFor();
    expect(new URL(operator.url()).pathname).toBe(`/operator/jobs/${jobB}`);
    await serviceAction(operator, "print_contract");
    const printDialog = operator.getByTestId("send-contract-dialog");
    await printDialog.waitFor();
    expect(await printDialog.textContent()).toMatch(/Version 1, not signed yet, will be cancelled/);
    const pdfPath = `/api/v1/jobs/${jobB}/contract/pdf`;
    const pdfResponse = operator
      .context()
      .waitForEvent("response", { predicate: (res) => new URL(res.url()).pathname === pdfPath, timeout: 15_000 });
    const popup = operator.context().waitForEvent("page", { timeout: 15_000 });
    await operator.getByTestId("send-contract-dialog-confirm").click();
    const printed = await Promise.race([
      pdfResponse.then((res) => ({
        via: res.frame().page() === operator ? "same page" : "new tab",
        status: res.status(),
        type: res.headers()["content-type"] ?? "",
      })),
      // The browser refused the tab: the dialog offers the link instead, and the link serves the PDF.
      operator
        .getByTestId("contract-pdf-link")
        .waitFor({ timeout: 15_000 })
        .then(() =>
          operator.evaluate(async (url) => {
            const res = await fetch(url);
            return { via: "fallback link", status: res.status, type: res.headers.get("content-type") ?? "" };
          }, pdfPath),
        ),
    ]);
    expect(printed.via).not.toBe("same page");
    expect(printed.status).toBe(200);
    expect(printed.type).toContain("application/pdf");
    if (printed.via === "fallback link") await operator.keyboard.press("Escape");
    const tab = await popup.catch(() => null);
    if (tab) await tab.close();
    await printDialog.waitFor({ state: "detached" });
    await operator.getByTestId("tab-contract").click();
    const printedVersion = operator.getByTestId("contract-version").first();
    await expect.poll(() => printedVersion.textContent(), { timeout: 10_000 }).toMatch(/^v2/);
    expect(await printedVersion.getAttribute("data-status")).toBe("sent");

    await serviceAction(operator, "confirm_paper_signature");
    const paper = operator.getByTestId("confirm-paper-dialog");
    await paper.waitFor();
    expect(await paper.textContent()).toMatch(/printed contract, version 2/);
    await operator.getByTestId("confirm-paper-dialog-confirm").click();
    await paper.waitFor({ state: "detached" });
    await expect.poll(() => jobStatus(operator), { timeout: 10_000 }).toBe("scheduled");
    const afterPaper = await historyCodes(operator);
    expect(afterPaper[0]).toBe("127");
    expect(afterPaper).toContain("123");
    expect(afterPaper).toContain("121");
    await operator.getByTestId("nav-operator.monitoring").click();
    await operator.getByText("No contracts waiting").waitFor();
    await operator.goBack();
    await operator.getByTestId("job-page").waitFor();

    // 5. The scan of the signed paper: a real PDF is filed under legal (128); a text file named .pdf is refused.
    await serviceAction(operator, "upload_signed_contract");
    let upload = operator.getByTestId("upload-signed-dialog");
    await upload.waitFor();
    const confirmUpload = operator.getByTestId("upload-signed-dialog-confirm");
    expect(await confirmUpload.isDisabled()).toBe(true);
    await upload.locator("input[type='file']").setInputFiles({
      name: "signed-contract.pdf",
      mimeType: "application/pdf",
      buffer: tinyPdf("Signed by Carla Customer"),
    });
    await confirmUpload.click();
    await upload.waitFor({ state: "detached" });
    await expect.poll(async () => (await historyCodes(operator))[0], { timeout: 10_000 }).toBe("128");
    await operator.getByTestId("tab-documents").click();
    const legal = operator.locator("[data-testid='job-document'][data-category='legal']");
    await legal.first().waitFor();
    expect(await legal.count()).toBe(1);
    expect(await legal.first().textContent()).toContain("signed-contract.pdf");
    const scanUrl = (await legal.first().getByRole("link").getAttribute("href")) ?? "";
    const scan = await operator.evaluate(async (url) => {
      const res = await fetch(url);
      return { status: res.status, type: res.headers.get("content-type"), head: (await res.text()).slice(0, 5) };
    }, scanUrl);
    expect(scan).toEqual({ status: 200, type: expect.stringContaining("application/pdf"), head: "%PDF-" });

    watch.expectFailure(`415 POST /api/v1/jobs/${jobB}/contract/signed-scan`);
    await serviceAction(operator, "upload_signed_contract");
    upload = operator.getByTestId("upload-signed-dialog");
    await upload.waitFor();
    await upload.locator("input[type='file']").setInputFiles({
      name: "not-really.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("Just some text pretending to be a PDF.\n"),
    });
    await confirmUpload.click();
    const refusal = upload.getByTestId("form-error");
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/not-really\.pdf/);
    expect(await refusal.textContent()).toMatch(/not a valid PDF/i);
    await expectTranslated(operator);
    await button(upload, "Cancel").click();
    await upload.waitFor({ state: "detached" });
    await operator.reload();
    await operator.getByTestId("job-documents").waitFor();
    expect(await operator.getByTestId("job-document").count()).toBe(1);
    // The documents tab checks content the same way.
    watch.expectFailure(`415 POST /api/v1/jobs/${jobB}/documents`);
    await operator.getByTestId("document-input").setInputFiles({
      name: "notes.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("Plain text notes.\n"),
    });
    const refused = operator.getByTestId("document-upload").first();
    await expect.poll(() => refused.getAttribute("data-state"), { timeout: 10_000 }).toBe("failed");
    expect(await refused.textContent()).toMatch(/notes\.pdf.*Refused: .*not a valid PDF/);
    expect(await operator.getByTestId("job-document").count()).toBe(1);
    expect((await historyCodes(operator)).filter((code) => code === "128")).toHaveLength(1);
    await operator.getByTestId("tab-contract").click();
    const versions = operator.getByTestId("contract-version");
    await versions.first().waitFor();
    expect(await versions.evaluateAll((rows) => rows.map((row) => row.getAttribute("data-status")))).toEqual([
      "paper_signed",
      "cancelled",
    ]);

    // 6. The execution admin skips the contract of the other order's job, with a justification (142).
    const admin = await watch.page();
    await signIn(admin, j.baseUrl, "exec-admin@demo.test");
    await admin.goto(`${j.baseUrl}/operator/jobs/${skipJob?.jobId ?? ""}`);
    await admin.getByTestId("job-page").waitFor();
    expect(await jobStatus(admin)).toBe("pre_scheduled");
    await serviceAction(admin, "skip_contract");
    await admin.getByTestId("skip-contract-dialog").waitFor();
    const skipConfirm = admin.getByTestId("skip-contract-dialog-confirm");
    await admin.getByTestId("skip-justification").fill("Short");
    expect(await skipConfirm.isDisabled()).toBe(true);
    await admin.getByTestId("skip-justification").fill("Signed at the store counter on the framework agreement.");
    expect(await skipConfirm.isDisabled()).toBe(false);
    await skipConfirm.click();
    await admin.getByTestId("skip-contract-dialog").waitFor({ state: "detached" });
    await expect.poll(() => jobStatus(admin), { timeout: 10_000 }).toBe("scheduled");
    expect((await historyCodes(admin))[0]).toBe("142");
    await expectTranslated(admin);

    expect(watch.problems).toEqual([]);
  }, 120_000);
});
