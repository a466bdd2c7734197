import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { signIn, startJourney, type Journey } from "./harness";

let j: Journey;

beforeAll(async () => {
  j = await startJourney();
}, 120_000);

const attr = (page: Page, testId: string, name: string) => page.getByTestId(testId).first().getAttribute(name);

describe("desk journey", () => {
  it("a portal ticket reaches the live queue, is worked and resolved, and the customer sees the outcome", async () => {
    const operator = await j.newPage();
    await signIn(operator, j.baseUrl, "operator@demo.test");
    await operator.goto(`${j.baseUrl}/operator/queue`);
    await operator.getByTestId("queue-table").waitFor();
    await expect.poll(() => attr(operator, "live-status", "data-state"), { timeout: 15_000 }).toBe("open");
    // Survives only if the queue page is never reloaded.
    await operator.evaluate(() => Object.assign(window, { journeyMarker: true }));

    const customer = await j.newPage();
    await signIn(customer, j.baseUrl, "customer@demo.test");
    await customer.goto(`${j.baseUrl}/portal/tickets`);
    await customer.getByTestId("portal-new-ticket").click();
    const subject = `Checkout page down ${Date.now()}`;
    await customer.getByTestId("new-ticket-subject").fill(subject);
    await customer
      .getByTestId("new-ticket-description")
      .fill("Customers cannot pay: the checkout page shows an error.");
    await customer.getByTestId("new-ticket-submit").click();
    await customer.getByTestId("portal-ticket").waitFor();
    const number = ((await customer.getByTestId("portal-ticket-number").textContent()) ?? "").replace(/\D/g, "");
    expect(number).not.toBe("");
    await expect.poll(() => attr(customer, "live-status", "data-state"), { timeout: 15_000 }).toBe("open");
    await customer.getByTestId("promise-first_response").waitFor();
    expect(await customer.getByTestId("promise-first_response").textContent()).toMatch(/we will answer by/i);

    // The operator's open queue shows the new ticket by itself.
    const row = operator.getByTestId(`ticket-row-${number}`);
    await row.waitFor({ timeout: 15_000 });
    expect(await operator.evaluate(() => "journeyMarker" in window)).toBe(true);
    expect(await row.getByTestId("status-badge").getAttribute("data-status")).toBe("new");

    await row.getByRole("link", { name: subject }).click();
    const ticketPage = operator.getByTestId("ticket-page");
    await ticketPage.waitFor();
    await operator.getByTestId("clock-first_response").waitFor();
    expect(["running", "warning"]).toContain(await attr(operator, "clock-first_response", "data-state"));

    // An internal note, then a predefined public reply.
    const note = `Internal: check the payment gateway logs (${number})`;
    await operator.getByTestId("composer-internal").check({ force: true });
    await operator.getByTestId("composer-body").fill(note);
    await operator.getByTestId("composer-send").click();
    const noteMessage = operator.locator("[data-visibility='internal']", { hasText: note });
    await noteMessage.waitFor();

    await operator.getByTestId("composer-internal").uncheck({ force: true });
    await operator.getByTestId("template-picker").click();
    await operator.getByRole("option", { name: "Request received" }).click();
    const body = operator.getByTestId("composer-body");
    await expect.poll(() => body.inputValue()).toContain("we have received your request");
    // The requester's name comes from their customer record: the template is filled without the agent's help.
    await expect.poll(() => body.inputValue()).toContain("Hello Carla Customer");
    expect(await operator.getByTestId("composer-unfilled").count()).toBe(0);
    await operator.getByTestId("composer-send").click();
    await operator
      .locator("[data-visibility='public']", { hasText: "Hello Carla Customer: we have received your request" })
      .waitFor();
    await expect.poll(() => attr(operator, "clock-first_response", "data-state"), { timeout: 10_000 }).toBe("met");

    // Acknowledge, start, resolve for good.
    await operator.getByTestId("action-acknowledge").click();
    await expect.poll(() => ticketPage.getAttribute("data-status"), { timeout: 10_000 }).toBe("open");
    await operator.getByTestId("action-start").click();
    await expect.poll(() => ticketPage.getAttribute("data-status"), { timeout: 10_000 }).toBe("in_progress");
    await operator.getByTestId("action-resolve").click();
    await operator.getByTestId("resolve-kind-definitive").check({ force: true });
    await operator
      .getByTestId("resolve-note")
      .fill("The payment gateway certificate was renewed; checkout works again.");
    await operator.getByTestId("resolve-confirm").click();
    await expect.poll(() => ticketPage.getAttribute("data-status"), { timeout: 10_000 }).toBe("resolved");
    await operator.getByTestId("tab-history").click();
    await operator.getByTestId("ticket-history").waitFor();
    expect(await operator.locator("[data-type='ticket.note_added']").count()).toBe(1);

    // The customer's page follows along: the reply and the resolution, never the internal note.
    const portalTicket = customer.getByTestId("portal-ticket");
    await expect.poll(() => portalTicket.getAttribute("data-status"), { timeout: 15_000 }).toBe("resolved");
    await customer.getByText("Hello Carla Customer: we have received your request", { exact: false }).waitFor();
    expect(await customer.getByText(note).count()).toBe(0);
    expect(await customer.locator("[data-visibility='internal']").count()).toBe(0);
    expect(await customer.getByTestId("resolution").textContent()).toMatch(/definitive/i);

    await customer.getByTestId("survey-score-5").click();
    await customer.getByTestId("survey-comment").fill("Quick and clear, thank you.");
    await customer.getByTestId("survey-submit").click();
    await customer.getByTestId("survey-answered").waitFor();

    await customer
      .getByRole("link", { name: /my tickets/i })
      .first()
      .click();
    const listed = customer.getByTestId(`portal-ticket-${number}`);
    await listed.waitFor();
    // The list may show its cached rows for a moment while it refetches.
    await expect
      .poll(() => listed.getByTestId("status-badge").getAttribute("data-status"), { timeout: 10_000 })
      .toBe("resolved");
  }, 120_000);

  it("the queue filters live in the URL and bulk changes apply to the selected rows", async () => {
    const operator = await j.newPage();
    await signIn(operator, j.baseUrl, "operator@demo.test");
    const created: string[] = [];
    for (const subject of ["Bulk one", "Bulk two"]) {
      await operator.goto(`${j.baseUrl}/operator/queue`);
      await operator.getByTestId("new-ticket").click();
      await operator.getByTestId("new-ticket-subject").fill(`${subject} ${Date.now()}`);
      await operator.getByTestId("new-ticket-description").fill("Raised by phone.");
      await operator.getByTestId("new-ticket-email").fill("caller@example.test");
      await operator.getByTestId("new-ticket-submit").click();
      await operator.getByTestId("ticket-page").waitFor();
      created.push(((await operator.getByTestId("ticket-number").textContent()) ?? "").replace(/\D/g, ""));
    }

    await operator.goto(`${j.baseUrl}/operator/queue?q=Bulk`);
    await operator.getByTestId(`ticket-row-${created[0]}`).waitFor();
    expect(await operator.getByTestId("queue-search").inputValue()).toBe("Bulk");
    for (const number of created) await operator.getByTestId(`select-${number}`).check();
    await operator.getByTestId("bulk-bar").waitFor();
    await operator.getByTestId("bulk-acknowledge").click();
    for (const number of created) {
      await expect
        .poll(
          () => operator.getByTestId(`ticket-row-${number}`).getByTestId("status-badge").getAttribute("data-status"),
          { timeout: 10_000 },
        )
        .toBe("open");
    }

    await operator.getByTestId("view-unassigned").click();
    await operator.waitForURL(/view=unassigned/);
    await operator.getByTestId(`ticket-row-${created[0]}`).waitFor();
    await operator.getByTestId(`select-${created[0]}`).check();
    await operator.getByTestId("bulk-assign-me").click();
    await expect.poll(() => operator.getByTestId(`ticket-row-${created[0]}`).count(), { timeout: 10_000 }).toBe(0);
    await operator.getByTestId("view-mine").click();
    await operator.getByTestId(`ticket-row-${created[0]}`).waitFor();
    expect(await operator.getByTestId(`ticket-row-${created[1]}`).count()).toBe(0);
  }, 120_000);

  it("reports show SLA compliance for operators", async () => {
    const operator = await j.newPage();
    await signIn(operator, j.baseUrl, "operator@demo.test");
    await operator.getByTestId("nav-operator.reports").click();
    await expect.poll(() => attr(operator, "sla-report", "data-state"), { timeout: 15_000 }).toBe("ready");
    await operator.getByTestId("report-by-priority").waitFor();
    await operator.getByTestId("report-aging").waitFor();
    const href = await operator.getByTestId("report-export").getAttribute("href");
    expect(href).toMatch(/^\/api\/v1\/reports\/sla\/export/);
    const csv = await operator.evaluate(async (url) => (await fetch(url)).text(), href ?? "");
    expect(csv.split("\n")[0]).toContain("dimension");
  }, 60_000);
});
