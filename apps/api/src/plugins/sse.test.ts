import { request } from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
import { liveChannel } from "@atende/desk";
import { createTestApp, login, tenantWide, type TestApp } from "../../test/app";

let t: TestApp;
let base: string;
let tenantA: string;

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.tenant("live-a");
  tenantA = a.id;
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

  it("subscribes to a tenant's notices only while a browser of that tenant is connected", async () => {
    const channel = liveChannel(t.prefix, tenantA);
    const listeners = async () => Number(((await t.redis.pubsub("NUMSUB", channel)) as [string, number])[1]);
    // The previous test's browsers may still be leaving.
    await expect.poll(listeners, { timeout: 5000 }).toBe(0);
    const a = await login(t.app, "agent@live-a.test");
    const first = await stream(a.cookie);
    const second = await stream(a.cookie);
    expect(await listeners()).toBe(1);
    first.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await listeners()).toBe(1);
    second.close();
    await expect.poll(listeners, { timeout: 5000 }).toBe(0);
  });

  it("refuses an anonymous stream", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/v1/live" });
    expect(res.statusCode).toBe(401);
  });
});
