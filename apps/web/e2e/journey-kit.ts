import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { DEMO_PASSWORD, type Journey } from "./harness";

/** A signed-in API session: its cookie and the CSRF token every state-changing call needs. */
export async function apiSession(j: Journey, email: string): Promise<Record<string, string>> {
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

export async function postJson(j: Journey, path: string, headers: Record<string, string>, body: unknown) {
  const res = await fetch(`${j.baseUrl}${path}`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

/** The order system's credentials: an orders:write API token made by the tenant admin. */
export async function orderSystem(j: Journey, name: string): Promise<Record<string, string>> {
  const admin = await apiSession(j, "admin@demo.test");
  const token = await postJson(j, "/api/v1/api-tokens", admin, { name, scopes: ["orders:write"] });
  expect(token.status).toBe(201);
  return { authorization: `Bearer ${(token.body as { token: string }).token}` };
}

export type OrderJob = { jobId: string; number: number; projectId: string; status: string; outcome: string };
export type Worksite = { line1: string; postcode: string; city: string };

/** Carla's order from store ES-MAD-01 (BU LMES) with the given services at the given worksite. */
export async function postOrder(
  j: Journey,
  bearer: Record<string, string>,
  order: { orderId: string; worksite: Worksite; services: string[]; products: string[] },
): Promise<OrderJob[]> {
  const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const res = await postJson(j, "/api/v1/orders", bearer, {
    orderId: order.orderId,
    storeCode: "ES-MAD-01",
    seller: { id: "S-001", name: "Sergio Seller", email: "seller@demo.test" },
    customer: { fiscalId: "12345678Z", name: "Carla Customer", email: "customer@demo.test", phone: "+34 600 000 001" },
    worksite: order.worksite,
    products: order.products.map((sku) => ({ sku, quantity: 1, expectedDeliveryDate: inDays(5) })),
    services: order.services.map((code) => ({ code, quantity: 1 })),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return (res.body as { jobs: OrderJob[] }).jobs;
}

/**
 * Pages that record uncaught errors, console errors and 4xx-5xx answers; a journey ends with none but the failures it
 * provokes on purpose (`expectFailure`).
 */
export function watcher(j: Journey) {
  const problems: string[] = [];
  const expected = new Set<string>();
  const page = async (): Promise<Page> => {
    const p = await j.newPage();
    p.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
    // Failed loads are logged by the response listener.
    p.on("console", (message) => {
      if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
        problems.push(`console: ${message.text()}`);
    });
    p.on("response", (response) => {
      const url = new URL(response.url());
      const line = `${response.status()} ${response.request().method()} ${url.pathname}`;
      // "Who am I" answers 401 before signing in.
      if (response.status() === 401 && url.pathname === "/api/v1/me") return;
      if (response.status() >= 400 && !expected.has(line)) problems.push(line);
    });
    return p;
  };
  return {
    problems,
    page,
    /** A refusal the journey provokes: "415 POST /api/v1/jobs/<id>/contract/signed-scan". */
    expectFailure: (line: string) => expected.add(line),
  };
}

/** The visible text shows no untranslated i18n key ("exec.tag.X", "execAdmin.import.done"). */
export async function expectTranslated(page: Page) {
  const text = await page.locator("body").innerText();
  expect(text.match(/\b(exec|execAdmin|nav|common|desk|businessUnits|actions)\.[A-Za-z_.]+/g) ?? []).toEqual([]);
}

/** The codes of a job's history tab, newest first. */
export async function historyCodes(page: Page): Promise<string[]> {
  await page.getByTestId("tab-history").click();
  await page.getByTestId("job-history").waitFor();
  return page
    .getByTestId("job-event")
    .evaluateAll((items) => items.map((item) => item.getAttribute("data-code") ?? ""));
}

/** A small but well-formed one-page PDF (header, objects, cross-reference table with exact offsets, trailer). */
export function tinyPdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 72 720 Td (${text.replace(/[()\\]/g, "")}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** Texts cut by their box (a squeezed badge or button showing "AC…" or "Cop"): none of the locator's elements. */
export async function expectUnclipped(locator: Locator) {
  const clipped = await locator.evaluateAll((roots) =>
    roots
      .flatMap((root) => [root, ...root.querySelectorAll("*")])
      .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible")
      .map((el) => el.textContent ?? ""),
  );
  expect(clipped).toEqual([]);
}
