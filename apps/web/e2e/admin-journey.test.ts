import { beforeAll, describe, expect, it } from "vitest";
import { signIn, startJourney, type Journey } from "./harness";

let j: Journey;

beforeAll(async () => {
  j = await startJourney();
}, 120_000);

describe("admin journey", () => {
  it("an admin changes a BU parameter and finds the change in the audit log", async () => {
    const page = await j.newPage();
    await signIn(page, j.baseUrl, "admin@demo.test");
    await page.getByTestId("nav-admin.parameters").click();
    await page.getByRole("combobox", { name: /business unit/i }).click();
    await page.getByRole("option", { name: /LMES/ }).click();
    const field = page
      .getByTestId("param-orderBufferHours")
      .locator("input")
      .or(page.locator("input[data-testid='param-orderBufferHours']"))
      .first();
    await expect.poll(async () => field.inputValue(), { timeout: 10_000 }).toBe("48");
    await field.fill("60");
    await page.getByTestId("save-parameters").click();
    await expect.poll(async () => page.getByText(/60/).count(), { timeout: 10_000 }).toBeGreaterThan(0);

    await page.getByTestId("nav-admin.audit").click();
    const table = page.getByTestId("audit-table");
    await table.waitFor();
    await expect
      .poll(async () => table.getByText("bu_parameters.update").count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
  }, 90_000);

  it("a customer cannot reach admin pages", async () => {
    const page = await j.newPage();
    await signIn(page, j.baseUrl, "customer@demo.test");
    expect(await page.getByTestId("nav-admin.parameters").count()).toBe(0);
    await page.goto(`${j.baseUrl}/admin/parameters`);
    await page.getByTestId("forbidden").waitFor();
    expect(await page.getByTestId("save-parameters").count()).toBe(0);
  }, 60_000);

  it("sign-out ends the session", async () => {
    const page = await j.newPage();
    await signIn(page, j.baseUrl, "operator@demo.test");
    await page.getByTestId("sign-out").click();
    await page.waitForURL(/\/sign-in/);
    await page.goto(`${j.baseUrl}/admin/users`);
    await page.waitForURL(/\/sign-in/);
    const me = await page.evaluate(async () => (await fetch("/api/v1/me")).status);
    expect(me).toBe(401);
  }, 60_000);
});
