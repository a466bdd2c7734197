import { it } from "vitest";
import { withTenant } from "@atende/db";
import { createTestApp } from "../app";

it("debug", async () => {
  const t = await createTestApp();
  const a = await t.tenant("dbg");
  try {
    await withTenant(t.db, a.id, (tx) => tx.businessUnit.findMany({ where: { name: { contains: "a\u0000b" } } }));
  } catch (e) {
    const x = e as { code?: unknown; meta?: unknown; cause?: unknown; name?: string; message?: string };
    console.log(x.name, x.code, JSON.stringify(x.meta), x.cause, String(x.message).slice(0, 300));
  }
  try {
    await withTenant(t.db, a.id, (tx) => tx.businessUnit.create({ data: { tenantId: a.id, code: "Z", name: "a\u0000b", timezone: "UTC", locale: "en", currency: "EUR", country: "ES" } }));
  } catch (e) {
    const x = e as { code?: unknown; meta?: unknown; cause?: unknown; name?: string; message?: string };
    console.log(x.name, x.code, JSON.stringify(x.meta), x.cause, String(x.message).slice(0, 300));
  }
});
