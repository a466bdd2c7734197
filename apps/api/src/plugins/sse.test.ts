import { request } from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, login, tenantWide, type TestApp } from "../../test/app";

let t: TestApp;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.tenant("live-a");
  await a.user("agent@live-a.test", [tenantWide("operator")]);
  const b = await t.tenant("live-b");
  await b.user("agent@live-b.test", [tenantWide("operator")]);
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  const address = t.app.server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});

function stream(cookie: string): Promise<{ chunks: string[]; close: () => void }> {
  return new Promise((resolve, reject) => {
    const chunks: string[] = [];
    const req = request(`${base}/api/v1/live`, { headers: { cookie } }, (res) => {
      res.setEncoding("utf8");
      res.on("data", (c: string) => chunks.push(c));
      resolve({ chunks, close: () => req.destroy() });
    });
    req.on("error", reject);
    req.end();
  });
}

describe("live updates", () => {
  it("streams a tenant's ticket changes to its signed-in users only", async () => {
    const a = await login(t.app, "agent@live-a.test");
    const b = await login(t.app, "agent@live-b.test");
    const sa = await stream(a.cookie);
    const sb = await stream(b.cookie);
    const created = await t.app.inject({
      method: "POST",
      url: "/api/v1/tickets",
      headers: a.headers,
      payload: { subject: "Live", description: "d", channel: "phone", type: "incident", priority: "low" },
    });
    expect(created.statusCode).toBe(201);
    await expect.poll(() => sa.chunks.join(""), { timeout: 5000 }).toContain(created.json().id);
    expect(sb.chunks.join("")).not.toContain(created.json().id);
    sa.close();
    sb.close();
  });

  it("refuses an anonymous stream", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/v1/live" });
    expect(res.statusCode).toBe(401);
  });
});
