import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@atende/db";
import { createTestApp, login, tenantWide, type Session, type TestApp } from "../../../test/app";

let t: TestApp;
let agent: Session;
let agentId: string;
let playbookId: string;

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.tenant("relations-a");
  agentId = await a.user("agent@r-a.test", [tenantWide("operator")]);
  playbookId = await withTenant(
    t.db,
    a.id,
    async (tx) =>
      (
        await tx.playbook.create({
          data: {
            tenantId: a.id,
            code: "status-request",
            name: "Status request",
            trigger: "status_request",
            steps: [{ title: "Check progress" }, { title: "Answer with % and date", templateCode: "status.reply" }],
          },
        })
      ).id,
  );
  agent = await login(t.app, "agent@r-a.test");
});

describe("playbooks, checklist, links and watchers", () => {
  it("starting a playbook opens a ticket with its steps; progress follows the ticked steps", async () => {
    const started = await t.app.inject({
      method: "POST",
      url: `/api/v1/playbooks/${playbookId}/start`,
      headers: agent.headers,
      payload: {},
    });
    expect(started.statusCode).toBe(200);
    const ticketId = started.json().ticketId as string;
    const rel = (
      await t.app.inject({ method: "GET", url: `/api/v1/tickets/${ticketId}/relations`, headers: agent.headers })
    ).json();
    expect(rel.checklist.map((i: { title: string }) => i.title)).toEqual(["Check progress", "Answer with % and date"]);
    expect(rel.progress).toBe(0);
    const ticked = await t.app.inject({
      method: "PUT",
      url: `/api/v1/tickets/${ticketId}/checklist/${rel.checklist[0].id}`,
      headers: agent.headers,
      payload: { done: true },
    });
    expect(ticked.json().progress).toBe(50);
  });

  it("attaches a playbook to an existing ticket", async () => {
    const ticket = (
      await t.app.inject({
        method: "POST",
        url: "/api/v1/tickets",
        headers: agent.headers,
        payload: { subject: "s", description: "d", channel: "phone", type: "incident", priority: "low" },
      })
    ).json();
    await t.app.inject({
      method: "POST",
      url: `/api/v1/playbooks/${playbookId}/start`,
      headers: agent.headers,
      payload: { ticketId: ticket.id },
    });
    const rel = (
      await t.app.inject({ method: "GET", url: `/api/v1/tickets/${ticket.id}/relations`, headers: agent.headers })
    ).json();
    expect(rel.checklist).toHaveLength(2);
  });

  it("links tickets and refuses self links and unknown targets; manages watchers", async () => {
    const mk = async () =>
      (
        await t.app.inject({
          method: "POST",
          url: "/api/v1/tickets",
          headers: agent.headers,
          payload: { subject: "s", description: "d", channel: "phone", type: "incident", priority: "low" },
        })
      ).json();
    const a = await mk();
    const b = await mk();
    const linked = await t.app.inject({
      method: "POST",
      url: `/api/v1/tickets/${a.id}/links`,
      headers: agent.headers,
      payload: { targetType: "ticket", targetId: b.id, relation: "duplicates" },
    });
    expect(linked.json().links).toEqual([expect.objectContaining({ targetId: b.id, relation: "duplicates" })]);
    const self = await t.app.inject({
      method: "POST",
      url: `/api/v1/tickets/${a.id}/links`,
      headers: agent.headers,
      payload: { targetType: "ticket", targetId: a.id },
    });
    expect(self.statusCode).toBe(400);
    const unknown = await t.app.inject({
      method: "POST",
      url: `/api/v1/tickets/${a.id}/links`,
      headers: agent.headers,
      payload: { targetType: "ticket", targetId: "00000000-0000-4000-8000-000000000000" },
    });
    expect(unknown.json().errors[0].path).toBe("body.targetId");
    const watched = await t.app.inject({
      method: "POST",
      url: `/api/v1/tickets/${a.id}/watchers`,
      headers: agent.headers,
      payload: { userId: agentId },
    });
    expect(watched.json().watcherIds).toEqual([agentId]);
    const removed = await t.app.inject({
      method: "POST",
      url: `/api/v1/tickets/${a.id}/watchers/remove`,
      headers: agent.headers,
      payload: { userId: agentId },
    });
    expect(removed.json().watcherIds).toEqual([]);
  });
});
