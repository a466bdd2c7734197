import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@atende/db";
import {
  SEED_CALENDAR_CODES,
  SEED_CATALOGUE,
  SEED_CATALOGUE_POLICIES,
  SEED_SLA_POLICIES,
  ZCalendar,
  ZSlaPolicyInput,
} from "@atende/domain";
import { createTestApp, type TestApp } from "../../test/app";
import { activePolicies } from "../modules/sla-policies/sla-policies.repo";
import { SEED_PLAYBOOKS } from "../modules/playbooks/seed-playbooks";
import { seedServiceDesk, type ServiceDeskSeedIds } from "./service-desk-seed";

let t: TestApp;
let tenantId: string;
let ids: ServiceDeskSeedIds;

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.tenant("seed-sd");
  tenantId = a.id;
  const es = await a.bu("LMES");
  const groupIds: Record<string, string> = {};
  await withTenant(t.db, tenantId, async (tx) => {
    for (const code of ["L1", "L3", "BACK-OFFICE"]) {
      groupIds[code] = (await tx.group.create({ data: { tenantId, code, name: code } })).id;
    }
  });
  ids = { buIds: { LMES: es }, groupIds };
});

const counts = () =>
  withTenant(t.db, tenantId, async (tx) => ({
    priorities: await tx.priority.count(),
    calendars: await tx.businessCalendar.count(),
    catalogueItems: await tx.catalogueItem.count(),
    policies: await tx.slaPolicy.count(),
    replyTemplates: await tx.replyTemplate.count(),
    notificationTemplates: await tx.notificationTemplate.count(),
    playbooks: await tx.playbook.count(),
  }));

describe("seedServiceDesk", () => {
  it("seeds everything once and is idempotent", async () => {
    const first = await withTenant(t.db, tenantId, (tx) => seedServiceDesk(tx, tenantId, ids));
    expect(first).toMatchObject({
      priorities: 3,
      calendars: SEED_CALENDAR_CODES.length,
      catalogueItems: SEED_CATALOGUE.length,
      policies: SEED_SLA_POLICIES.length + SEED_CATALOGUE_POLICIES.length,
      notificationTemplates: 18,
      playbooks: SEED_PLAYBOOKS.length,
    });
    const after = await counts();
    expect(after).toEqual(first);
    const second = await withTenant(t.db, tenantId, (tx) => seedServiceDesk(tx, tenantId, ids));
    expect(Object.values(second).every((n) => n === 0)).toBe(true);
    expect(await counts()).toEqual(after);
  });

  it("stores policies that parse with ZSlaPolicyInput, with calendar, group and catalogue ids resolved", async () => {
    const { policies, calendarIds, itemIds } = await withTenant(t.db, tenantId, async (tx) => ({
      policies: await activePolicies(tx, tenantId),
      calendarIds: new Set((await tx.businessCalendar.findMany({ select: { id: true } })).map((c) => c.id)),
      itemIds: new Set((await tx.catalogueItem.findMany({ select: { id: true } })).map((c) => c.id)),
    }));
    for (const p of policies) {
      expect(() => ZSlaPolicyInput.parse(p)).not.toThrow();
      expect(calendarIds.has(p.calendarId)).toBe(true);
      for (const id of p.conditions.catalogueItemIds ?? []) expect(itemIds.has(id)).toBe(true);
    }
    const high = policies.find((p) => p.name.startsWith("Incidente alto"))!;
    expect(high.escalation!.map((l) => l.targetGroupId)).toEqual([
      ids.groupIds.L1,
      ids.groupIds.L1,
      ids.groupIds.L3,
      ids.groupIds.L3,
    ]);
  });

  it("prefills Spanish holidays of 2026-2027 on the weekday calendars only", async () => {
    const rows = await withTenant(t.db, tenantId, (tx) => tx.businessCalendar.findMany());
    const byCode = new Map(rows.map((r) => [r.code, ZCalendar.parse(r.definition)]));
    for (const code of ["business-es", "back-office-weekdays"]) {
      const cal = byCode.get(code)!;
      expect(cal !== "24x7" && cal.holidays).toEqual(
        expect.arrayContaining(["2026-10-12", "2027-10-12", "2027-12-25"]),
      );
    }
    const backOffice = byCode.get("back-office")!;
    expect(backOffice !== "24x7" && backOffice.holidays).toEqual([]);
    expect(byCode.get("24x7")).toBe("24x7");
  });

  it("seeds playbooks whose template steps point at seeded reply templates", async () => {
    const { playbooks, codes } = await withTenant(t.db, tenantId, async (tx) => ({
      playbooks: await tx.playbook.findMany(),
      codes: new Set((await tx.replyTemplate.findMany({ select: { code: true } })).map((r) => r.code)),
    }));
    const steps = playbooks.flatMap((p) => p.steps as Array<{ title: string; templateCode?: string }>);
    const templated = steps.filter((s) => s.templateCode);
    expect(templated.length).toBeGreaterThanOrEqual(3);
    for (const s of templated) expect(codes.has(s.templateCode!)).toBe(true);
    expect(playbooks.map((p) => p.trigger)).toEqual(
      expect.arrayContaining([
        "payment_received",
        "more_than_contracted",
        "status_request",
        "delivery",
        "post_sale_change",
        "delivery_dispute",
      ]),
    );
  });
});
