import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { signIn, startJourney, type Journey } from "./harness";

let j: Journey;

beforeAll(async () => {
  j = await startJourney();
}, 120_000);

/** The control itself, whether the test id sits on it or on its wrapper. */
function control(page: Page, testId: string, tag: "input" | "select") {
  return page.locator(`${tag}[data-testid='${testId}']`).or(page.getByTestId(testId).locator(tag)).first();
}

/** The first-response due the preview shows once it has settled on the current cell. */
async function settledDue(page: Page, differentFrom?: string): Promise<string> {
  const preview = page.getByTestId("sla-preview");
  const due = page.getByTestId("preview-due-firstResponse");
  let value = "";
  await expect
    .poll(
      async () => {
        value = (await due.getAttribute("data-due")) ?? "";
        const state = await preview.getAttribute("data-state");
        return state === "ready" && value !== "" && value !== differentFrom;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return value;
}

/** Waits until the settled preview shows this first-response due (intermediate values while typing are skipped). */
async function expectDue(page: Page, expected: string): Promise<void> {
  const preview = page.getByTestId("sla-preview");
  const due = page.getByTestId("preview-due-firstResponse");
  await expect
    .poll(
      async () => ((await preview.getAttribute("data-state")) === "ready" ? await due.getAttribute("data-due") : null),
      { timeout: 15_000 },
    )
    .toBe(expected);
}

describe("SLA admin journey", () => {
  it("an admin previews and changes a matrix cell's first response, and the change is saved", async () => {
    const page = await j.newPage();
    await signIn(page, j.baseUrl, "admin@demo.test");
    await page.getByTestId("nav-admin.sla").click();

    const cell = page.getByTestId("matrix-cell-incident-medium");
    await cell.click();
    await expect.poll(() => cell.getAttribute("aria-pressed"), { timeout: 10_000 }).toBe("true");

    // Seed 004: a medium incident gets a first response within 2 business hours.
    const value = control(page, "cell-firstResponse-value", "input");
    const unit = control(page, "cell-firstResponse-unit", "select");
    await expect.poll(() => value.inputValue(), { timeout: 10_000 }).toBe("2");
    expect(await unit.inputValue()).toBe("hours");
    // The preview starts at "now"; a fixed Monday 09:00 in Madrid (the calendar's zone) makes the due dates exact.
    const fromNow = await settledDue(page);
    await control(page, "preview-start", "input").fill("2027-09-27T09:00");
    const before = await settledDue(page, fromNow);
    expect(before).toBe("2027-09-27T09:00:00Z");
    expect(await page.getByTestId("preview-due-firstResponse").textContent()).toContain("11:00");

    await unit.selectOption("minutes");
    await value.fill("240");
    await expectDue(page, "2027-09-27T11:00:00Z");
    expect(await page.getByTestId("preview-due-firstResponse").textContent()).toContain("13:00");

    await page.getByTestId("save-matrix").click();
    await expect.poll(() => page.getByTestId("save-matrix").isDisabled(), { timeout: 10_000 }).toBe(true);
    expect(await page.getByTestId("form-error").count()).toBe(0);

    await page.reload();
    // The selected cell is in the URL, so it is open again after the reload; 240 minutes read as 4 hours.
    await expect
      .poll(() => control(page, "cell-firstResponse-value", "input").inputValue(), { timeout: 15_000 })
      .toBe("4");
    expect(await control(page, "cell-firstResponse-unit", "select").inputValue()).toBe("hours");
    expect(await page.getByTestId("matrix-cell-incident-medium").textContent()).toContain("4 h");
    // After the reload the preview first settles on "now"; the start typed meanwhile must win.
    await settledDue(page);
    await control(page, "preview-start", "input").fill("2027-09-27T09:00");
    await expectDue(page, "2027-09-27T11:00:00Z");
  }, 120_000);

  it("shows a field error on the cell and saves nothing when a target is invalid", async () => {
    const page = await j.newPage();
    await signIn(page, j.baseUrl, "admin@demo.test");
    await page.goto(`${j.baseUrl}/admin/sla?cell=incident:low`);
    const value = control(page, "cell-firstResponse-value", "input");
    await expect.poll(() => value.inputValue(), { timeout: 10_000 }).toBe("6");
    await control(page, "cell-firstResponse-unit", "select").selectOption("businessDays");
    await value.fill("1.5");
    await page.getByTestId("save-matrix").click();
    await page.getByTestId("matrix-invalid").waitFor();
    expect(await page.getByTestId("matrix-cell-incident-low").getAttribute("data-invalid")).toBe("true");
    expect(await page.getByTestId("cell-editor").textContent()).toContain("whole number");
  }, 90_000);

  it("prefills a calendar's national holidays, and shows the notice rule when a scheduled window is too soon", async () => {
    const page = await j.newPage();
    await signIn(page, j.baseUrl, "admin@demo.test");
    await page.getByTestId("nav-admin.calendars").click();
    await page.getByTestId("create-calendar").click();
    await control(page, "holidays-country", "input").fill("ES");
    await control(page, "holidays-year", "input").fill("2027");
    await page.getByTestId("prefill-holidays").click();
    await page.getByTestId("holiday-list").waitFor();
    expect(await page.getByTestId("holiday-list").textContent()).toContain("2027");

    await page.goto(`${j.baseUrl}/admin/maintenance`);
    await page.getByTestId("create-maintenance").click();
    await control(page, "maintenance-title", "input").fill("Database upgrade");
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await control(page, "maintenance-starts", "input").fill(`${tomorrow}T22:00`);
    await control(page, "maintenance-ends", "input").fill(`${tomorrow}T23:00`);
    await page.getByTestId("maintenance-submit").click();
    const alert = page.getByTestId("form-error");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("3 business days");
  }, 90_000);
});
