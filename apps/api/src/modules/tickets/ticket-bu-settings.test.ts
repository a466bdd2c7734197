import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@atende/db";
import { defaultBuParameters } from "@atende/domain";
import { createTestApp, login, tenantWide, type Session, type TestApp } from "../../../test/app";

const DAY_MS = 86_400_000;

let t: TestApp;
let tenantId: string;
let agent: Session;
/** A BU whose admins shortened the desk settings: reopen within 1 day, auto-close after 2. */
let shortBu: string;
/** A BU that never saved parameters: the defaults (reopen within 7 days, auto-close after 5). */
let plainBu: string;

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.tenant("ticket-bu-settings");
  tenantId = a.id;
  shortBu = await a.bu("SHORT", "ES");
  plainBu = await a.bu("PLAIN", "ES");
  await a.user("admin@tbs.test", [tenantWide("tenant_admin")]);
  await a.user("agent@tbs.test", [tenantWide("operator")]);
  const admin = await login(t.app, "admin@tbs.test");
  const saved = await t.app.inject({
    method: "PUT",
    url: `/api/v1/business-units/${shortBu}/parameters`,
    headers: admin.headers,
    payload: {
      version: 0,
      parameters: { ...defaultBuParameters("ES"), ticketReopenWindowDays: 1, ticketAutoCloseDays: 2 },
    },
  });
  expect(saved.statusCode).toBe(200);
  agent = await login(t.app, "agent@tbs.test");
});

async function resolvedTicket(buId: string | null) {
  const created = await t.app.inject({
    method: "POST",
    url: "/api/v1/tickets",
    headers: agent.headers,
    payload: {
      subject: "Printer jammed",
      description: "Paper stuck",
      channel: "email",
      type: "incident",
      priority: "low",
      ...(buId ? { buId } : {}),
    },
  });
  expect(created.statusCode).toBe(201);
  const resolved = await t.app.inject({
    method: "POST",
    url: `/api/v1/tickets/${created.json().id}/actions`,
    headers: agent.headers,
    payload: {
      action: "resolve",
      version: created.json().version,
      resolution: { kind: "definitive", note: "Cleared the jam" },
    },
  });
  expect(resolved.statusCode).toBe(200);
  return resolved.json() as { id: string; version: number; allowedActions: string[] };
}

async function autoCloseDelayDays(ticketId: string) {
  const { ticket, timer } = await withTenant(t.db, tenantId, async (tx) => ({
    ticket: await tx.ticket.findFirstOrThrow({ where: { id: ticketId } }),
    timer: await tx.timer.findFirstOrThrow({ where: { kind: "ticket-auto-close", subject: ticketId } }),
  }));
  return (timer.dueAt.getTime() - ticket.resolvedAt!.getTime()) / DAY_MS;
}

/** Moves the resolution back in time, as if the requester came back `days` later. */
async function resolvedDaysAgo(ticketId: string, days: number) {
  await withTenant(t.db, tenantId, (tx) =>
    tx.ticket.update({ where: { id: ticketId }, data: { resolvedAt: new Date(Date.now() - days * DAY_MS) } }),
  );
}

const reopen = (ticket: { id: string; version: number }) =>
  t.app.inject({
    method: "POST",
    url: `/api/v1/tickets/${ticket.id}/actions`,
    headers: agent.headers,
    payload: { action: "reopen", version: ticket.version },
  });

describe("desk settings per business unit", () => {
  it("schedules the auto-close timer after the BU's delay, the default one without a BU or a saved set", async () => {
    expect(await autoCloseDelayDays((await resolvedTicket(shortBu)).id)).toBe(2);
    expect(await autoCloseDelayDays((await resolvedTicket(plainBu)).id)).toBe(5);
    expect(await autoCloseDelayDays((await resolvedTicket(null)).id)).toBe(5);
  });

  it("refuses a reopen after the BU's window, naming the rule, while the default window still allows it", async () => {
    const short = await resolvedTicket(shortBu);
    await resolvedDaysAgo(short.id, 2);
    const detail = await t.app.inject({ method: "GET", url: `/api/v1/tickets/${short.id}`, headers: agent.headers });
    expect(detail.json().allowedActions).not.toContain("reopen");
    const refused = await reopen(short);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: "RULE_VIOLATION",
      detail: "a ticket can be reopened only within 1 days of its resolution",
    });

    for (const buId of [plainBu, null]) {
      const ticket = await resolvedTicket(buId);
      await resolvedDaysAgo(ticket.id, 2);
      const reopened = await reopen(ticket);
      expect(reopened.statusCode).toBe(200);
      expect(reopened.json()).toMatchObject({ status: "open" });
    }
  });
});
