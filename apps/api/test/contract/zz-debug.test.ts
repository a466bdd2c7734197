import { it } from "vitest";
import { createTestApp, login, tenantWide } from "../app";
import { loadOperations } from "./openapi-walk";
import { seedOneOfEach, send } from "./resources";

it("debug", async () => {
  const t = await createTestApp();
  const ops = await loadOperations(t.app);
  const a = await t.tenant("dbg");
  await a.user("admin@dbg.test", [tenantWide("tenant_admin")]);
  const s = await login(t.app, "admin@dbg.test");
  const seeded = await seedOneOfEach(t.app, ops, s);
  console.log(seeded);
  const bu = seeded.ids.get("/api/v1/business-units")!;
  const r = await send(t.app, s, { method: "get", url: `/api/v1/business-units/${bu}/parameters` });
  console.log(r.statusCode, r.body.slice(0, 200));
});
