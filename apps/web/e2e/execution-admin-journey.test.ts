import { inflateSync } from "node:zlib";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { signIn, startJourney, type Journey } from "./harness";
import {
  apiSession,
  expectTranslated,
  expectUnclipped,
  orderSystem,
  postJson,
  postOrder,
  watcher,
} from "./journey-kit";

let j: Journey;

beforeAll(async () => {
  j = await startJourney();
}, 120_000);

const CSV_HEADER = "code,label,profession,specialty,durationMinutes,customerPrice,providerPrice,sxType";
const DOOR = '49-E2E-DOOR,"Montaje de puerta, hasta 90 cm",carpentry,doors,120,89.90,60.00,installation';
const TILE = "49-E2E-TILE,Alicatado de baño (10 m²),tiling,bathroom_tiles,480,349,250,installation";
const csvFile = (name: string, lines: string[]) => ({
  name,
  mimeType: "text/csv",
  buffer: Buffer.from(`${[CSV_HEADER, ...lines].join("\r\n")}\r\n`, "utf8"),
});

/** Picks an option of a Mantine select by its visible label. */
async function choose(page: Page, testId: string, option: RegExp) {
  await page.getByTestId(testId).click();
  await page.getByRole("option", { name: option }).click();
}

/** The text drawn on a pdf-lib page: its content streams inflated, and their hex strings decoded as WinAnsi. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const chunks: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    try {
      chunks.push(inflateSync(Buffer.from(match[1] ?? "", "latin1")).toString("latin1"));
    } catch {
      chunks.push(match[1] ?? "");
    }
  }
  const content = chunks.join("\n");
  const hex = [...content.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)].map((m) =>
    Buffer.from(m[1] ?? "", "hex").toString("latin1"),
  );
  const literal = [...content.matchAll(/\(((?:[^()\\]|\\.)*)\)\s*Tj/g)].map((m) => m[1] ?? "");
  return [...hex, ...literal].join(" ");
}

describe("execution admin journey", () => {
  it("a BU admin maintains the LMES catalogue: a service code, a CSV import and a product", async () => {
    const watch = watcher(j);
    watch.expectFailure("422 POST /api/v1/service-codes/import");
    const page = await watch.page();
    await signIn(page, j.baseUrl, "bu-admin@demo.test");
    await page.getByTestId("nav-admin.service-codes").click();
    const table = page.getByTestId("service-codes-table");
    await table.and(page.locator("[data-state='ready']")).waitFor();
    // Importing needs one BU: the button waits for the filter.
    expect(await page.getByTestId("service-codes-import").isDisabled()).toBe(true);
    await choose(page, "catalogue-bu", /^LMES/);
    await page.waitForURL(/bu=/);
    await table.getByText("49-AC-INS").waitFor();
    expect(await page.getByTestId("service-codes-import").isDisabled()).toBe(false);

    // A new code through the modal: the BU comes from the filter, a malformed code is refused on the field first.
    await page.getByTestId("service-codes-create").click();
    const form = page.getByTestId("service-code-form");
    await form.waitFor();
    expect(await page.getByTestId("service-code-bu").inputValue()).toMatch(/^LMES/);
    await page.getByTestId("service-code-code").fill("49 WIN INS!");
    await page.getByTestId("service-code-label").fill("Instalación de ventana");
    await page.getByTestId("service-code-profession").fill("carpentry");
    await page.getByTestId("service-code-specialty").fill("windows");
    await choose(page, "service-code-sxType", /^Installation$/);
    await page.getByTestId("service-code-durationMinutes").fill("150");
    await page.getByTestId("service-code-customerPriceMinor").fill("129.90");
    await page.getByTestId("service-code-providerPriceMinor").fill("85");
    await page.getByTestId("service-code-submit").click();
    const codeError = form.getByText("letters, digits, '-' and '_' only");
    await codeError.waitFor();
    expect(await page.getByTestId("service-code-code").getAttribute("aria-invalid")).toBe("true");
    await page.getByTestId("service-code-code").fill("49-E2E-WIN");
    await page.getByTestId("service-code-submit").click();
    await form.waitFor({ state: "detached" });
    const windowRow = table.locator("tbody tr").filter({ hasText: "49-E2E-WIN" });
    await windowRow.waitFor();
    expect(await windowRow.textContent()).toMatch(/Instalación de ventana.*LMES.*carpentry \/ windows.*150 min/);
    expect(await windowRow.textContent()).toMatch(/129[.,]90/);

    // A CSV with one bad line: each problem is listed by line, and nothing is imported.
    await page.getByTestId("service-codes-import").click();
    const importForm = page.getByTestId("csv-import-form");
    await importForm.waitFor();
    expect(await page.getByRole("dialog").textContent()).toContain("Import service codes into LMES");
    const fileInput = importForm.locator("input[type='file']");
    await fileInput.setInputFiles(
      csvFile("codes.csv", [DOOR, "49-E2E-TILE,Alicatado,tiling,bathroom_tiles,a lot,349,250,instalation"]),
    );
    await page.getByTestId("csv-import-submit").click();
    const errors = page.getByTestId("csv-import-errors");
    await errors.waitFor();
    const listed = await errors.locator("li").allTextContents();
    expect(listed.length).toBeGreaterThanOrEqual(2);
    expect(listed.every((text) => text.startsWith("line 3: "))).toBe(true);
    expect(listed.join("\n")).toMatch(/durationMinutes/);
    expect(listed.join("\n")).toMatch(/sxType/);
    expect(await errors.textContent()).toMatch(/nothing was imported/);
    await expectTranslated(page);
    const apiList = async () => {
      const items = await page.evaluate(async () => {
        const res = await fetch("/api/v1/service-codes?q=49-E2E&limit=50");
        return ((await res.json()) as { items: Array<{ code: string }> }).items.map((item) => item.code);
      });
      return items.sort();
    };
    expect(await apiList()).toEqual(["49-E2E-WIN"]);

    // The fixed file goes in whole.
    await fileInput.setInputFiles(csvFile("codes-fixed.csv", [DOOR, TILE]));
    expect(await errors.count()).toBe(0);
    await page.getByTestId("csv-import-submit").click();
    const done = page.getByTestId("csv-import-done");
    await done.waitFor();
    expect(await done.textContent()).toContain("2 created, 0 updated, 0 unchanged.");
    expect(await page.getByTestId("csv-import-submit").isDisabled()).toBe(true);
    await importForm
      .getByRole("button")
      .filter({ hasText: /^Close$/ })
      .click();
    await importForm.waitFor({ state: "detached" });
    await table.locator("tbody tr").filter({ hasText: "49-E2E-DOOR" }).waitFor();
    const tileRow = table.locator("tbody tr").filter({ hasText: "49-E2E-TILE" });
    await tileRow.waitFor();
    expect(await tileRow.textContent()).toMatch(/Alicatado de baño \(10 m²\).*tiling \/ bathroom_tiles.*480 min/);
    expect(await apiList()).toEqual(["49-E2E-DOOR", "49-E2E-TILE", "49-E2E-WIN"]);
    // Nine codes in ten columns on a laptop screen: the status still reads "Active", not "AC…".
    await expectUnclipped(table.locator(".mantine-Badge-root"));

    // Products of the same BU: create one.
    await page.getByTestId("tab-products").click();
    await page.waitForURL(/tab=products/);
    const products = page.getByTestId("products-table");
    await products.getByText("SCR-SENSEA-90").waitFor();
    await page.getByTestId("products-create").click();
    const productForm = page.getByTestId("product-form");
    await productForm.waitFor();
    expect(await page.getByTestId("product-bu").inputValue()).toMatch(/^LMES/);
    await page.getByTestId("product-sku").fill("DOOR-OAK-80");
    await page.getByTestId("product-label").fill("Puerta de roble 80 cm");
    await page.getByTestId("product-submit").click();
    await productForm.waitFor({ state: "detached" });
    const productRow = products.locator("tbody tr").filter({ hasText: "DOOR-OAK-80" });
    await productRow.waitFor();
    expect(await productRow.textContent()).toMatch(/Puerta de roble 80 cm.*LMES.*Active/);
    await expectTranslated(page);
    expect(watch.problems).toEqual([]);
  }, 60_000);

  it("an admin registers a webhook, sees its secret once, and deletes it", async () => {
    const watch = watcher(j);
    const page = await watch.page();
    await signIn(page, j.baseUrl, "admin@demo.test");
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: j.baseUrl });
    await page.getByTestId("nav-admin.webhooks").click();
    const table = page.getByTestId("webhooks-table");
    await table.and(page.locator("[data-state='empty']")).waitFor();

    const url = "https://erp.example.com/hooks/atende-e2e";
    await page.getByTestId("create-webhook").click();
    const form = page.getByTestId("webhook-form");
    await form.waitFor();
    await page.getByTestId("webhook-url").fill(url);
    // Every event is checked to start with; this endpoint wants two.
    for (const name of ["job.updated", "job.cancelled", "project.status_changed"])
      await form.getByRole("checkbox", { name: new RegExp(`\\(${name.replace(".", "\\.")}\\)`) }).uncheck();
    await page.getByTestId("webhook-submit").click();
    const secret = page.getByTestId("webhook-secret");
    await secret.waitFor();
    const shown = ((await secret.textContent()) ?? "").trim();
    expect(shown).toMatch(/^whsec_[A-Za-z0-9_-]{20,}$/);
    await page.getByTestId("webhook-copy").click();
    await expect.poll(() => page.getByTestId("webhook-copy").textContent()).toBe("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
    await expectTranslated(page);
    await page.getByTestId("webhook-secret-done").click();
    await secret.waitFor({ state: "detached" });

    const row = table.locator("tbody tr").filter({ hasText: url });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Job created.*Job status changed.*Active/);
    expect(await row.textContent()).not.toMatch(/Job cancelled/);
    await expectUnclipped(row.locator(".mantine-Badge-root"));
    expect(await page.locator("body").innerText()).not.toContain(shown);
    const listed = await page.evaluate(async () => (await fetch("/api/v1/webhooks")).text());
    expect(listed).toContain(url);
    expect(listed).not.toContain(shown);
    await page.reload();
    await row.waitFor();
    expect(await page.locator("body").innerText()).not.toContain(shown);

    await row.getByRole("button", { name: `Delete the webhook to ${url}` }).click();
    const confirm = page.getByTestId("webhook-delete-confirm");
    await confirm.waitFor();
    expect(await page.getByRole("dialog").textContent()).toContain(url);
    await confirm.click();
    await confirm.waitFor({ state: "detached" });
    await table.and(page.locator("[data-state='empty']")).waitFor();
    expect(watch.problems).toEqual([]);
  }, 60_000);

  it("an admin edits the LMES contract terms, and the next contract prints them", async () => {
    const watch = watcher(j);
    const page = await watch.page();
    await signIn(page, j.baseUrl, "admin@demo.test");
    await page.getByTestId("nav-admin.business-units").click();
    const table = page.getByTestId("business-units-table");
    await table.getByText("LMES").waitFor();
    await page.getByRole("button", { name: "Edit business unit LMES" }).click();
    const terms = page.getByTestId("business-unit-contract-terms");
    await terms.waitFor();
    const before = await terms.inputValue();
    expect(before).toMatch(/^1\. Objeto\./);
    const added = "6. Garantía. Los trabajos tienen dos años de garantía (cláusula E2EGARANTIA24).";
    await terms.fill(`${before}\n\n${added}`);
    await page.getByTestId("business-unit-submit").click();
    await terms.waitFor({ state: "detached" });
    await page.getByText("Business unit saved").waitFor();
    await page.reload();
    await page.getByRole("button", { name: "Edit business unit LMES" }).click();
    await terms.waitFor();
    expect(await terms.inputValue()).toBe(`${before}\n\n${added}`);
    await page.keyboard.press("Escape");
    await terms.waitFor({ state: "detached" });
    await expectTranslated(page);
    expect(watch.problems).toEqual([]);

    // A contract sent now for an LMES job carries the new clause.
    const bearer = await orderSystem(j, "e2e exec admin");
    const [job] = await postOrder(j, bearer, {
      orderId: `E2E-TERMS-${Date.now()}`,
      worksite: { line1: "Calle de Atocha 70", postcode: "28012", city: "Madrid" },
      services: ["49-AC-INS"],
      products: ["AC-EQUATION-3K"],
    });
    const seller = await apiSession(j, "seller@demo.test");
    const sent = await postJson(j, `/api/v1/jobs/${job?.jobId ?? ""}/contract/send`, seller, { channel: "email" });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const res = await fetch(`${j.baseUrl}/api/v1/jobs/${job?.jobId ?? ""}/contract/pdf`, {
      headers: { cookie: seller.cookie ?? "" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/pdf");
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = pdfText(pdf);
    expect(text).toContain("E2EGARANTIA24");
    expect(text).toContain("Garantía");
  }, 60_000);
});
