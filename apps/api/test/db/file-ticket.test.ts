import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaNamespace, withTenantConnection } from "@atende/db";
import { newNumberSlot } from "@atende/desk";
import { A, B, givenTwoTenants, type TwoTenants } from "./two-tenants";

// app_file_ticket and the per-tenant case-number sequences (decision 0016), called as the API calls them.
const { sql } = PrismaNamespace;
// The fixture's app client has two pooled connections: a tenant's first two filings race to create its sequence.
let world: TwoTenants;

beforeAll(async () => {
  world = await givenTwoTenants();
});

afterAll(async () => {
  await world?.close();
});

function ticket(id: string = randomUUID()) {
  return {
    id,
    subject: "Printer down",
    description: "Nothing prints",
    channel: "phone",
    type: "incident",
    priority: "high",
    tags: [],
    breached: false,
    created_at: new Date().toISOString(),
  };
}

type Filed = { number: number; id: string };

/** The tenant's creation configuration version, as app_ticket_creation_facts reports it to the API. */
function configVersion(tenantId: string) {
  return withTenantConnection(world.app, tenantId, async (c) => {
    const rows = await c.query<{ facts: { configVersion: number } }>(sql`
      SELECT app_ticket_creation_facts(${tenantId}::uuid, NULL, NULL, -1) AS facts`);
    return rows[0]!.facts.configVersion;
  });
}

type FileInput = { ticket?: object; emails?: object[]; reply?: object | null; slot?: string; version?: number };

async function file(tenantId: string, input: FileInput) {
  const slot = input.slot ?? newNumberSlot();
  const version = input.version ?? (await configVersion(tenantId));
  return withTenantConnection(world.app, tenantId, async (c) => {
    const rows = await c.query<Filed>(sql`
      SELECT number, id::text FROM app_file_ticket(${tenantId}::uuid, ${JSON.stringify(input.ticket ?? ticket())}::jsonb,
        '[]'::jsonb, '[]'::jsonb, NULL::uuid, 'test', ${JSON.stringify(input.emails ?? [])}::jsonb,
        ${input.reply ? JSON.stringify(input.reply) : null}::jsonb, ${slot}, ${version}::bigint)`);
    return rows[0]!;
  });
}

const outboxOf = (tenantId: string) =>
  world.owner.outbox.findMany({ where: { tenantId }, orderBy: { createdAt: "asc" } });

describe("filing a ticket in one call", () => {
  it("numbers a tenant's first tickets from 1, concurrently too, leaving the other tenant's numbers alone", async () => {
    const numbers = await Promise.all(Array.from({ length: 6 }, () => file(B, {})));
    expect(numbers.map((f) => f.number).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await file(A, {})).number).toBe(1);
    expect((await file(B, {})).number).toBe(7);
  });

  it("creates a new tenant's sequence once when its first tickets race (five tenants, four filings each)", async () => {
    const tenants = Array.from({ length: 5 }, () => randomUUID());
    await world.owner.tenant.createMany({ data: tenants.map((id) => ({ id, slug: id, name: id })) });
    for (const tenantId of tenants) {
      const filed = await Promise.all(Array.from({ length: 4 }, () => file(tenantId, {})));
      expect(filed.map((f) => f.number).sort((x, y) => x - y)).toEqual([1, 2, 3, 4]);
    }
  });

  it("puts the number where the messages carry the slot, and cuts e-mail subjects after that", async () => {
    const slot = newNumberSlot();
    const filed = await file(A, {
      slot,
      emails: [{ to: ["c@x.test"], subject: `[#${slot}] ${"x".repeat(300)}`, text: `Case ${slot}, case ${slot}.` }],
      reply: { body: `Your case ${slot}: use the portal.`, allowedChannels: ["portal"] },
    });
    const [mail] = await outboxOf(A).then((rows) => rows.filter((r) => JSON.stringify(r.payload).includes("c@x.test")));
    const payload = mail!.payload as { subject: string; text: string };
    expect(payload.subject).toHaveLength(250);
    expect(payload.subject.startsWith(`[#${filed.number}] xxx`)).toBe(true);
    expect(payload.text).toBe(`Case ${filed.number}, case ${filed.number}.`);
    const message = await world.owner.ticketMessage.findFirst({ where: { tenantId: A, ticketId: filed.id } });
    expect(message?.body).toBe(`Your case ${filed.number}: use the portal.`);
  });

  it("leaves a gap, never a reused number, when the write fails after the number was taken", async () => {
    const first = await file(A, {});
    const again = ticket(first.id);
    await expect(file(A, { ticket: again })).rejects.toThrow(/duplicate key|unique/i);
    expect((await file(A, {})).number).toBe(first.number + 2);
  });

  it("refuses a creation planned with an out-of-date configuration: nothing written, no number taken", async () => {
    const before = await configVersion(A);
    const last = await file(A, { version: before });
    // Any change to what creation reads bumps the version in the same transaction: here a new group.
    await world.owner.group.create({ data: { tenantId: A, code: "NEW", name: "New" } });
    const after = await configVersion(A);
    expect(after).toBeGreaterThan(before);
    const stale = ticket();
    await expect(file(A, { ticket: stale, version: before })).rejects.toMatchObject({ code: "AT001" });
    expect(await world.owner.ticket.findFirst({ where: { id: stale.id } })).toBeNull();
    expect((await file(A, { version: after })).number).toBe(last.number + 1);
  });

  it("refuses a slot too short to be unguessable", async () => {
    await expect(file(A, { slot: "n" })).rejects.toThrow(/number slot/);
  });
});
