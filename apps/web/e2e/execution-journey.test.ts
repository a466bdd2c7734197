import type { Page } from "playwright-core";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, signIn, startJourney, type Journey } from "./harness";

let j: Journey;

beforeAll(async () => {
  j = await startJourney();
}, 120_000);

const WORKSITE = { line1: "Calle de Alcalá 200", postcode: "28028", city: "Madrid" };

type OrderJob = { jobId: string; number: number; projectId: string; status: string; outcome: string };

/** A signed-in API session: its cookie and the CSRF token every state-changing call needs. */
async function apiSession(email: string): Promise<Record<string, string>> {
  const res = await fetch(`${j.baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const session = res.headers.getSetCookie().find((cookie) => cookie.startsWith("atende_session="));
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: (session ?? "").split(";")[0] ?? "", "x-csrf-token": csrfToken };
}

async function postJson(path: string, headers: Record<string, string>, body: unknown) {
  const res = await fetch(`${j.baseUrl}${path}`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

/** The order system's order: a bathroom screen and a laminate floor (two specialties, so two jobs) and a product. */
async function orderArrives(): Promise<OrderJob[]> {
  const admin = await apiSession("admin@demo.test");
  const token = await postJson("/api/v1/api-tokens", admin, { name: "e2e order system", scopes: ["orders:write"] });
  expect(token.status).toBe(201);
  const bearer = { authorization: `Bearer ${(token.body as { token: string }).token}` };
  const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const order = await postJson("/api/v1/orders", bearer, {
    orderId: `E2E-EXEC-${Date.now()}`,
    storeCode: "ES-MAD-01",
    seller: { id: "S-001", name: "Sergio Seller", email: "seller@demo.test" },
    customer: { fiscalId: "12345678Z", name: "Carla Customer", email: "customer@demo.test", phone: "+34 600 000 001" },
    worksite: WORKSITE,
    products: [{ sku: "SCR-SENSEA-90", quantity: 1, expectedDeliveryDate: inDays(5) }],
    services: [
      { code: "49-BAT-INS", quantity: 1 },
      { code: "49-FLO-LAM", quantity: 1 },
    ],
  });
  expect(order.status).toBe(201);
  const jobs = (order.body as { jobs: OrderJob[] }).jobs;
  expect(jobs).toHaveLength(2);
  expect(new Set(jobs.map((job) => job.projectId)).size).toBe(1);
  return jobs;
}

/** The project row of the journey's worksite in a project list. */
const projectRow = (page: Page) =>
  page.getByTestId("project-table").locator("tbody tr").filter({ hasText: WORKSITE.line1 });

/** Uncaught page errors and server failures of every page the journey opens; the journey ends with none. */
const problems: string[] = [];
async function watchedPage(): Promise<Page> {
  const page = await j.newPage();
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  // Failed loads are logged by the response listener; the one expected failure is "who am I" before signing in.
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
      problems.push(`console: ${message.text()}`);
  });
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (response.status() >= 400 && !(response.status() === 401 && url.pathname === "/api/v1/me"))
      problems.push(`${response.status()} ${response.request().method()} ${url.pathname}`);
  });
  return page;
}

/** The visible text shows no untranslated i18n key ("exec.tag.X", "nav.seller.projects"). */
async function expectTranslated(page: Page) {
  const text = await page.locator("body").innerText();
  expect(text.match(/\b(exec|execAdmin|nav|common|desk)\.[A-Za-z_.]+/g) ?? []).toEqual([]);
}

const jobCard = (page: Page, specialty: string) => page.getByTestId("job-card").filter({ hasText: specialty });

describe("execution journey", () => {
  beforeEach(() => {
    problems.length = 0;
  });

  it("an order becomes jobs; the seller sends the contract, the customer signs, an admin cancels the other job", async () => {
    // 1. The order system sends the order.
    const jobs = await orderArrives();

    // 2. The seller finds the project, sends the bathroom job's contract by e-mail.
    const seller = await watchedPage();
    await signIn(seller, j.baseUrl, "seller@demo.test");
    await seller.getByTestId("nav-seller.projects").click();
    await seller.getByTestId("project-table").waitFor();
    await seller.getByRole("searchbox", { name: /search/i }).fill("Carla");
    await seller.waitForURL(/q=Carla/);
    await projectRow(seller).getByTestId("project-link").click();
    await seller.getByTestId("project-page").waitFor();
    expect(await seller.getByTestId("project-worksite").textContent()).toContain(WORKSITE.line1);
    expect(await seller.getByTestId("job-card").count()).toBe(2);

    await jobCard(seller, "bathroom").click();
    const sellerJob = seller.getByTestId("job-page");
    await sellerJob.waitFor();
    const bathroomId = new URL(seller.url()).pathname.split("/").pop() ?? "";
    expect(jobs.map((job) => job.jobId)).toContain(bathroomId);
    const floorId = jobs.find((job) => job.jobId !== bathroomId)?.jobId ?? "";
    expect(await sellerJob.getAttribute("data-status")).toBe("pre_scheduled");
    await seller.getByTestId("tab-products").click();
    expect(await seller.getByTestId("job-service-line").textContent()).toContain("49-BAT-INS");
    const product = seller.getByTestId("job-product-line");
    expect(await product.textContent()).toContain("SCR-SENSEA-90");
    expect(await product.textContent()).not.toMatch(/not known/i);

    await seller.getByTestId("service-menu").click();
    await seller.getByTestId("action-send_contract").click();
    const sendDialog = seller.getByTestId("send-contract-dialog");
    await sendDialog.waitFor();
    expect(await sendDialog.textContent()).toContain("customer@demo.test");
    await seller.getByTestId("send-contract-dialog-confirm").click();
    await sendDialog.waitFor({ state: "detached" });
    await seller.getByTestId("tab-contract").click();
    const version = seller.getByTestId("contract-version").first();
    await version.waitFor();
    expect(await version.getAttribute("data-status")).toBe("sent");
    expect(await version.textContent()).toMatch(/v1.*sent/i);
    const tag = seller.getByTestId("job-tags").locator("[data-tag='ACCEPTANCE_SALES_CONDITIONS']");
    await tag.waitFor();
    expect(await tag.textContent()).toMatch(/waiting for contract signature/i);
    await expectTranslated(seller);

    // 3. The customer signs in the portal.
    const customer = await watchedPage();
    await signIn(customer, j.baseUrl, "customer@demo.test");
    await customer.getByTestId("nav-portal.projects").click();
    const portalJob = customer.locator(`[data-testid='portal-job'][data-job-id='${bathroomId}']`);
    await portalJob.waitFor();
    expect(await portalJob.getByTestId("portal-job-phase").getAttribute("data-phase")).toBe("awaiting_signature");
    const signButton = portalJob.getByTestId("portal-sign-contract");
    expect(await signButton.textContent()).toMatch(/sign the contract/i);
    await signButton.click();
    const signing = customer.getByTestId("signing-view");
    await signing.waitFor();
    expect(await signing.getAttribute("data-status")).toBe("sent");
    expect(await signing.textContent()).toContain("Carla Customer");
    const pdf = (await customer.getByTestId("signing-pdf").getAttribute("src")) ?? "";
    const served = await customer.evaluate(async (url) => {
      const res = await fetch(url);
      return { status: res.status, type: res.headers.get("content-type"), head: (await res.text()).slice(0, 5) };
    }, pdf);
    expect(served).toEqual({ status: 200, type: expect.stringContaining("application/pdf"), head: "%PDF-" });
    const submit = customer.getByTestId("signing-submit");
    await customer.getByTestId("signing-name").fill("Carla Customer");
    expect(await submit.isDisabled()).toBe(true);
    await customer.getByTestId("signing-consent").check();
    expect(await submit.isDisabled()).toBe(false);
    await submit.click();
    const success = customer.getByTestId("signing-success");
    await success.waitFor();
    expect(await success.textContent()).toMatch(/scheduled/i);
    // Back in the portal the job has moved on and asks for nothing more.
    await customer.getByTestId("back-to-portal-projects").click();
    await expect
      .poll(() => portalJob.getByTestId("portal-job-phase").getAttribute("data-phase"), { timeout: 10_000 })
      .toBe("finding_professional");
    expect(await portalJob.getByTestId("portal-sign-contract").count()).toBe(0);
    await expectTranslated(customer);

    // 4. The operator sees it scheduled, the numbered history and the signed contract among the documents.
    const operator = await watchedPage();
    await signIn(operator, j.baseUrl, "operator@demo.test");
    await operator.goto(`${j.baseUrl}/operator/jobs/${bathroomId}`);
    const operatorJob = operator.getByTestId("job-page");
    await operatorJob.waitFor();
    expect(await operatorJob.getAttribute("data-status")).toBe("scheduled");
    expect(await operator.getByTestId("job-status").first().getAttribute("data-status")).toBe("scheduled");
    await operator.getByTestId("tab-history").click();
    await operator.getByTestId("job-history").waitFor();
    const codes = await operator
      .getByTestId("job-event")
      .evaluateAll((items) => items.map((item) => item.getAttribute("data-code")));
    // Newest first: the signature, then the sending (generated and sent in one go, sent last), then the creation.
    expect(codes).toEqual(["126", "121", "120", "100"]);
    const event = (code: number) => operator.locator(`[data-testid='job-event'][data-code='${code}']`);
    expect(await event(120).textContent()).toMatch(/120 · Contract generated/);
    expect(await event(121).textContent()).toMatch(/121 · Contract sent by email/);
    expect(await event(126).textContent()).toMatch(/126 · Contract signed/);
    await expectTranslated(operator);
    await operator.getByTestId("tab-contract").click();
    const signedVersion = operator.getByTestId("contract-version").first();
    await signedVersion.waitFor();
    expect(await signedVersion.getAttribute("data-status")).toBe("signed");
    expect(await signedVersion.textContent()).toContain("Carla Customer");
    expect(await operator.getByTestId("job-tags").locator("[data-tag='ACCEPTANCE_SALES_CONDITIONS']").count()).toBe(0);
    await operator.getByTestId("tab-documents").click();
    const legal = operator.locator("[data-testid='job-document'][data-category='legal']");
    await legal.first().waitFor();
    expect(await legal.first().textContent()).toMatch(/legal/i);
    const download = (await legal.first().getByRole("link").getAttribute("href")) ?? "";
    expect(await operator.evaluate(async (url) => (await fetch(url)).status, download)).toBe(200);

    // 5. The execution admin cancels the flooring job; the confirm waits for a reason and a long enough justification.
    const admin = await watchedPage();
    await signIn(admin, j.baseUrl, "exec-admin@demo.test");
    await admin.goto(`${j.baseUrl}/operator/jobs/${floorId}`);
    const floorJob = admin.getByTestId("job-page");
    await floorJob.waitFor();
    await admin.getByTestId("service-menu").click();
    await admin.getByTestId("action-cancel").click();
    await admin.getByTestId("cancel-dialog").waitFor();
    const confirm = admin.getByTestId("cancel-dialog-confirm");
    expect(await confirm.isDisabled()).toBe(true);
    await admin.getByTestId("cancel-reason").click();
    await admin.getByRole("option", { name: "Customer request" }).click();
    expect(await confirm.isDisabled()).toBe(true);
    const justification = admin.getByTestId("cancel-justification");
    await justification.fill("Too short");
    expect(await confirm.isDisabled()).toBe(true);
    await justification.fill("The customer will lay the floor themselves.");
    expect(await confirm.isDisabled()).toBe(false);
    await confirm.click();
    await expect.poll(() => floorJob.getAttribute("data-status"), { timeout: 10_000 }).toBe("cancelled");
    await admin.getByTestId("job-cancelled").waitFor();
    expect(await admin.getByTestId("job-cancelled").textContent()).toMatch(
      /Customer request.*lay the floor themselves/,
    );
    // Cancelling is definitive: the menu no longer offers it (nor anything, if the button is off).
    const menu = admin.getByTestId("service-menu");
    if (await menu.isEnabled()) {
      await menu.click();
      await admin.getByRole("menu").waitFor();
    }
    expect(await admin.getByTestId("action-cancel").count()).toBe(0);

    // The project stays listed (its bathroom job goes on), the cancelled job shows as such in its row.
    await admin.goto(`${j.baseUrl}/operator/projects?q=Carla`);
    const row = projectRow(admin);
    await row.waitFor();
    const statuses = await row
      .getByTestId("job-status")
      .evaluateAll((items) => items.map((item) => item.getAttribute("data-status")));
    expect(statuses.sort()).toEqual(["cancelled", "scheduled"]);
    expect(await row.getByTestId("project-status").getAttribute("data-status")).not.toBe("cancelled");
    expect(problems).toEqual([]);
  }, 180_000);

  it("the seller's project list renders in Spanish", async () => {
    const seller = await watchedPage();
    await signIn(seller, j.baseUrl, "seller@demo.test");
    await seller.getByTestId("nav-seller.projects").click();
    await seller.getByTestId("project-table").waitFor();
    await seller.getByTestId("language-switcher").selectOption("es");
    await expect.poll(() => seller.evaluate(() => document.documentElement.lang)).toBe("es");
    await seller.getByRole("columnheader", { name: "Cliente" }).waitFor();
    await seller.getByRole("switch", { name: "Mostrar cancelados" }).waitFor({ state: "attached" });
    expect(await seller.getByRole("heading", { level: 1 }).textContent()).toBe("Proyectos");
    expect(await seller.getByTestId("job-count").first().textContent()).toMatch(/^\d+ trabajos?$/);
    await expectTranslated(seller);
    expect(problems).toEqual([]);
  }, 60_000);
});
