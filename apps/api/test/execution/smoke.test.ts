import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../app";
import { anOrder, givenExecutionWorld } from "../factories/execution";

const t = await createTestApp({ storageDir: mkdtempSync(path.join(tmpdir(), "atende-exec-")) });

describe("order to signed contract", () => {
  it("creates jobs from an order, sends the contract and the customer signs it in the portal", async () => {
    const w = await givenExecutionWorld(t, "smoke");
    const created = await t.app.inject({
      method: "POST",
      url: "/api/v1/orders",
      headers: w.orders,
      payload: anOrder(w, "O-1"),
    });
    expect(created.statusCode, created.body).toBe(201);
    const order = created.json();
    expect(order.jobs).toHaveLength(2);
    const jobId = order.jobs[0].jobId as string;
    const seller = await w.as("seller");
    const job = await t.app.inject({ method: "GET", url: `/api/v1/jobs/${jobId}`, headers: seller.headers });
    expect(job.statusCode, job.body).toBe(200);
    expect(job.json().allowedActions).toContain("send_contract");
    const sent = await t.app.inject({
      method: "POST",
      url: `/api/v1/jobs/${jobId}/contract/send`,
      headers: seller.headers,
      payload: { channel: "qr" },
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().qrSvg).toContain("<svg");
    const customer = await w.as("customer");
    const portal = await t.app.inject({ method: "GET", url: "/api/v1/portal/projects", headers: customer.headers });
    expect(portal.statusCode, portal.body).toBe(200);
    expect(portal.json().items[0].jobs[0].contractToSign).not.toBeNull();
    const signed = await t.app.inject({
      method: "POST",
      url: `/api/v1/portal/jobs/${jobId}/contract/sign`,
      headers: customer.headers,
      payload: { signerName: "Lucía Martín", consent: true },
    });
    expect(signed.statusCode, signed.body).toBe(200);
    const after = await t.app.inject({ method: "GET", url: `/api/v1/jobs/${jobId}`, headers: seller.headers });
    expect(after.json().status).toBe("scheduled");
    const history = await t.app.inject({
      method: "GET",
      url: `/api/v1/jobs/${jobId}/history`,
      headers: seller.headers,
    });
    expect(history.json().items.map((e: { name: string }) => e.name)).toContain("CONTRACT_SIGNED");
    const docs = await t.app.inject({ method: "GET", url: `/api/v1/jobs/${jobId}/documents`, headers: seller.headers });
    expect(docs.json().items[0].category).toBe("legal");
    const list = await t.app.inject({ method: "GET", url: "/api/v1/projects?q=luc", headers: seller.headers });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toHaveLength(1);
  });
});
