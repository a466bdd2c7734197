import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, login, tenantWide, type Session, type TestApp } from "../../../test/app";

let t: TestApp;
let agent: Session;
let ticketId: string;

function multipart(files: Array<{ name: string; data: Buffer; type?: string }>) {
  const boundary = "----atendetest";
  const chunks: Buffer[] = [];
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type ?? "application/octet-stream"}\r\n\r\n`,
      ),
    );
    chunks.push(f.data, Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const PDF = Buffer.from("%PDF-1.4\n% test\n");
const EXE = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00]), Buffer.alloc(64, 0)]);

beforeAll(async () => {
  t = await createTestApp({ attachmentMaxBytes: 1024, storageDir: path.join("/tmp", `atende-att-${Date.now()}`) });
  const a = await t.tenant("att-a");
  await a.user("agent@att-a.test", [tenantWide("operator")]);
  agent = await login(t.app, "agent@att-a.test");
  ticketId = (
    await t.app.inject({
      method: "POST",
      url: "/api/v1/tickets",
      headers: agent.headers,
      payload: { subject: "s", description: "d", channel: "phone", type: "incident", priority: "low" },
    })
  ).json().id;
});

/** Files on disk under the storage dir (tenant/tickets/ticket/file). */
const storedFiles = () =>
  existsSync(t.config.storageDir)
    ? readdirSync(t.config.storageDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length
    : 0;

const upload = (files: Array<{ name: string; data: Buffer; type?: string }>) => {
  const body = multipart(files);
  return t.app.inject({
    method: "POST",
    url: `/api/v1/tickets/${ticketId}/attachments`,
    headers: { ...agent.headers, "content-type": body.contentType },
    payload: body.payload,
  });
};

describe("attachments", () => {
  it("stores files whose content is an accepted type and serves them back", async () => {
    const res = await upload([
      { name: "screen.png", data: PNG },
      { name: "invoice.pdf", data: PDF, type: "image/png" },
    ]);
    expect(res.statusCode).toBe(201);
    expect(res.json().items.map((i: { contentType: string }) => i.contentType)).toEqual([
      "image/png",
      "application/pdf",
    ]);
    const file = await t.app.inject({
      method: "GET",
      url: `/api/v1/tickets/${ticketId}/attachments/${res.json().items[1].id}`,
      headers: agent.headers,
    });
    expect(file.headers["content-type"]).toBe("application/pdf");
    expect(file.rawPayload.equals(PDF)).toBe(true);
  });

  it("refuses a disguised executable with 415 and stores nothing of the upload", async () => {
    const before = (
      await t.app.inject({ method: "GET", url: `/api/v1/tickets/${ticketId}/attachments`, headers: agent.headers })
    ).json().items.length;
    const res = await upload([
      { name: "ok.png", data: PNG },
      { name: "report.pdf", data: EXE, type: "application/pdf" },
    ]);
    expect(res.statusCode).toBe(415);
    const after = (
      await t.app.inject({ method: "GET", url: `/api/v1/tickets/${ticketId}/attachments`, headers: agent.headers })
    ).json().items.length;
    expect(after).toBe(before);
    expect(storedFiles()).toBe(before);
  });

  it("another tenant's agent gets 404 for the ticket's files and cannot upload to it", async () => {
    const b = await t.tenant("att-b");
    await b.user("agent@att-b.test", [tenantWide("operator")]);
    const other = await login(t.app, "agent@att-b.test");
    const mine = (await upload([{ name: "a.png", data: PNG }])).json().items[0].id as string;
    const get = await t.app.inject({
      method: "GET",
      url: `/api/v1/tickets/${ticketId}/attachments/${mine}`,
      headers: other.headers,
    });
    expect(get.statusCode).toBe(404);
    const body = multipart([{ name: "x.png", data: PNG }]);
    const post = await t.app.inject({
      method: "POST",
      url: `/api/v1/tickets/${ticketId}/attachments`,
      headers: { ...other.headers, "content-type": body.contentType },
      payload: body.payload,
    });
    expect(post.statusCode).toBe(404);
  });

  it("refuses files over the size limit with 413 and JSON bodies with 415", async () => {
    expect((await upload([{ name: "big.pdf", data: Buffer.concat([PDF, Buffer.alloc(4096, 0x20)]) }])).statusCode).toBe(
      413,
    );
    const json = await t.app.inject({
      method: "POST",
      url: `/api/v1/tickets/${ticketId}/attachments`,
      headers: agent.headers,
      payload: { file: "x" },
    });
    expect(json.statusCode).toBe(415);
  });
});
