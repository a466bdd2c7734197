import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@atende/db";
import { expectFilledMail, outboxMails } from "@atende/testkit";
import { createTestApp, login, tenantWide, type Session, type TestApp } from "../../../test/app";
import { givenPolicy } from "../../../test/factories/service-desk";
import { portalLink } from "../../../test/ticket-mail";

let t: TestApp;
let tenantId: string;
let agent: Session;
let customer: Session;
let groupId: string;

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.tenant("extras-a");
  tenantId = a.id;
  const agentId = await a.user("agent@x-a.test", [tenantWide("operator")]);
  await a.user("admin@x-a.test", [tenantWide("tenant_admin")]);
  const customerId = await a.user("cust@x-a.test", [tenantWide("customer")]);
  await withTenant(t.db, tenantId, (tx) =>
    tx.customer.create({ data: { tenantId, name: "Cust", email: "cust@x-a.test", userId: customerId } }),
  );
  groupId = await withTenant(t.db, tenantId, async (tx) => {
    const g = await tx.group.create({ data: { tenantId, code: "L1", name: "L1" } });
    await tx.groupMember.create({ data: { tenantId, groupId: g.id, userId: agentId } });
    return g.id;
  });
  await givenPolicy(t.db, tenantId, {
    code: "all",
    name: "All",
    calendar: "24x7",
    targets: { firstResponse: { minutes: 60 }, resolution: { minutes: 600 } },
  });
  agent = await login(t.app, "agent@x-a.test");
  customer = await login(t.app, "cust@x-a.test");
});

const create = (s: Session, subject = "Broken") =>
  t.app.inject({
    method: "POST",
    url: "/api/v1/tickets",
    headers: s.headers,
    payload: { subject, description: "d", channel: "portal", type: "incident", priority: "medium" },
  });

describe("bulk changes", () => {
  it("assigns and acknowledges many tickets; each one fails alone", async () => {
    const a = (await create(agent)).json();
    const b = (await create(agent)).json();
    const unknown = await t.app.inject({
      method: "POST",
      url: "/api/v1/tickets/bulk",
      headers: agent.headers,
      payload: { ids: [a.id, "00000000-0000-4000-8000-000000000000"], action: "acknowledge" },
    });
    expect(unknown.statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: "GET", url: `/api/v1/tickets/${a.id}`, headers: agent.headers })).json().status,
    ).toBe("new");
    await t.app.inject({
      method: "POST",
      url: `/api/v1/tickets/${b.id}/actions`,
      headers: agent.headers,
      payload: { action: "acknowledge", version: b.version },
    });
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/tickets/bulk",
      headers: agent.headers,
      payload: { ids: [a.id, b.id], assign: { groupId, assigneeId: null }, action: "acknowledge" },
    });
    expect(res.statusCode).toBe(200);
    // b was already acknowledged: it is assigned, then its acknowledge is refused alone.
    expect(res.json().updated).toEqual([a.id]);
    expect(res.json().failed).toEqual([expect.objectContaining({ id: b.id, code: "CONFLICT" })]);
    const after = (
      await t.app.inject({ method: "GET", url: `/api/v1/tickets/${a.id}`, headers: agent.headers })
    ).json();
    expect(after).toMatchObject({ groupId, status: "open" });
  });

  it("is for agents only", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/tickets/bulk",
      headers: customer.headers,
      payload: { ids: ["00000000-0000-4000-8000-000000000000"], action: "start" },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe("satisfaction survey", () => {
  it("is sent on resolution and answered once by the requester", async () => {
    const ticket = (await create(customer)).json();
    const started = (
      await t.app.inject({
        method: "POST",
        url: `/api/v1/tickets/${ticket.id}/actions`,
        headers: agent.headers,
        payload: { action: "start", version: ticket.version },
      })
    ).json();
    await t.app.inject({
      method: "POST",
      url: `/api/v1/tickets/${ticket.id}/actions`,
      headers: agent.headers,
      payload: { action: "resolve", version: started.version, resolution: { kind: "definitive", note: "fixed" } },
    });
    const answer = await t.app.inject({
      method: "POST",
      url: `/api/v1/tickets/${ticket.id}/survey`,
      headers: customer.headers,
      payload: { score: 5, comment: "great" },
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toMatchObject({ score: 5, comment: "great" });
    const again = await t.app.inject({
      method: "POST",
      url: `/api/v1/tickets/${ticket.id}/survey`,
      headers: customer.headers,
      payload: { score: 1 },
    });
    expect(again.statusCode).toBe(409);
    const byAgent = await t.app.inject({
      method: "POST",
      url: `/api/v1/tickets/${ticket.id}/survey`,
      headers: agent.headers,
      payload: { score: 1 },
    });
    expect(byAgent.statusCode).toBe(403);
    const mails = await outboxMails(t.db, tenantId, "cust@x-a.test");
    const survey = mails.find((m) => m.subject === `[#${ticket.number}] How did we do?`);
    expectFilledMail(survey, ["Hello Cust,", `your case ${ticket.number} (Broken)`, portalLink(t, ticket.id)]);
    const resolved = mails.find((m) => m.subject === `[#${ticket.number}] Your case has been resolved`);
    expectFilledMail(resolved, [`Your case ${ticket.number} (Broken) has been resolved.\n\nfixed\n`]);
    expect(resolved!.text).toMatch(/reply before \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC and we will reopen it/);
  });
});

describe("outbox viewer, reports and CSV export", () => {
  it("lists outgoing e-mails with recipient and subject", async () => {
    const admin = await login(t.app, "admin@x-a.test");
    const res = await t.app.inject({ method: "GET", url: "/api/v1/outbox?limit=5", headers: admin.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toMatchObject({ kind: "email", status: "pending", to: "cust@x-a.test" });
  });

  it("reports compliance, backlog aging and distributions", async () => {
    const ticket = (await create(agent, "Reported")).json();
    await t.app.inject({
      method: "POST",
      url: `/api/v1/tickets/${ticket.id}/messages`,
      headers: agent.headers,
      payload: { visibility: "public", body: "on it" },
    });
    const res = await t.app.inject({
      method: "GET",
      url: "/api/v1/reports/sla?clock=first_response",
      headers: agent.headers,
    });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.byPriority.find((r: { key: string }) => r.key === "medium")).toMatchObject({
      met: expect.any(Number),
    });
    expect(report.byPriority.find((r: { key: string }) => r.key === "medium").met).toBeGreaterThan(0);
    expect(report.backlogAging.map((b: { bucket: string }) => b.bucket)).toEqual([
      "<1d",
      "1-3d",
      "3-7d",
      "7-30d",
      ">30d",
    ]);
    expect(report.backlogAging[0].count).toBeGreaterThan(0);
    const csv = await t.app.inject({ method: "GET", url: "/api/v1/reports/sla/export", headers: agent.headers });
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body.split("\r\n")[0]).toBe("dimension,value,clock,met,breached,percent");
  });

  it("exports the queue as CSV with its filters", async () => {
    await create(agent, "Exported quokka");
    const csv = await t.app.inject({
      method: "GET",
      url: "/api/v1/tickets/export?view=all&q=quokka",
      headers: agent.headers,
    });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("Exported quokka");
  });
});

describe("SLA configuration changes", () => {
  it("a policy change asks the worker to recompute the open tickets' clocks", async () => {
    const admin = await login(t.app, "admin@x-a.test");
    const policy = (await t.app.inject({ method: "GET", url: "/api/v1/sla-policies", headers: admin.headers })).json()
      .items[0];
    const res = await t.app.inject({
      method: "PATCH",
      url: `/api/v1/sla-policies/${policy.id}`,
      headers: admin.headers,
      payload: { targets: { firstResponse: { minutes: 30 }, resolution: { minutes: 600 } }, version: policy.version },
    });
    expect(res.statusCode).toBe(200);
    const replan = await withTenant(t.db, tenantId, (tx) =>
      tx.timer.findFirst({ where: { kind: "sla-replan", subject: tenantId } }),
    );
    expect(replan).toMatchObject({ status: "scheduled" });
  });
});
