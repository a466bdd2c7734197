import { describe, expect, it } from "vitest";
import type { TJobDocument, TJobNote } from "@atende/contracts";
import { createTestApp } from "../app";
import { givenExecutionWorld } from "../factories/execution";
import {
  createOrder,
  documentsOf,
  EXE_BYTES,
  expectProblem,
  get,
  historyOf,
  jobWithCode,
  ok,
  PDF_BYTES,
  PNG_BYTES,
  post,
  rowCounts,
  storedFiles,
  tempStorage,
  upload,
} from "./exec-helpers";

const storageDir = tempStorage();
const MAX_BYTES = 64 * 1024;
const t = await createTestApp({ storageDir, attachmentMaxBytes: MAX_BYTES });

const JPG_BYTES = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("JFIF-test-bytes")]);
const XLSX_BYTES = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40, 1)]);
const XLS_BYTES = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(40, 2)]);
const CSV_BYTES = Buffer.from("sku,quantity\nOVEN,1\n");

describe("job documents", () => {
  it("takes several files at once in a category, checked from their content, and serves them back", async () => {
    const w = await givenExecutionWorld(t, "doc-multi");
    const order = await createOrder(t, w, "O-1");
    const job = await jobWithCode(t, w, order, "KIT");
    const operator = await w.as("operator");
    const created = ok<{ items: TJobDocument[] }>(
      await upload(t, `/api/v1/jobs/${job.id}/documents?category=provider_photos`, operator, [
        { filename: "kitchen.png", content: PNG_BYTES, contentType: "application/octet-stream" },
        { filename: "wall.JPEG", content: JPG_BYTES },
        { filename: "plan.pdf", content: PDF_BYTES },
        { filename: "lines.csv", content: CSV_BYTES },
        { filename: "costs.xlsx", content: XLSX_BYTES },
        { filename: "old.xls", content: XLS_BYTES },
      ]),
      201,
    ).items;
    expect(created.map((d) => [d.filename, d.category, d.contentType])).toEqual([
      ["kitchen.png", "provider_photos", "image/png"],
      ["wall.JPEG", "provider_photos", "image/jpeg"],
      ["plan.pdf", "provider_photos", "application/pdf"],
      ["lines.csv", "provider_photos", "text/csv"],
      ["costs.xlsx", "provider_photos", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      ["old.xls", "provider_photos", "application/vnd.ms-excel"],
    ]);
    expect(created[0]!.sizeBytes).toBe(PNG_BYTES.length);
    expect(created[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(storedFiles(storageDir, w.tenantId)).toHaveLength(6);
    const listed = await documentsOf(t, operator, job.id);
    expect(listed.map((d) => d.id).sort()).toEqual(created.map((d) => d.id).sort());
    const file = await get(t, `/api/v1/jobs/${job.id}/documents/${created[0]!.id}`, operator.headers);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("image/png");
    expect(file.headers["x-content-type-options"]).toBe("nosniff");
    expect(String(file.headers["content-disposition"])).toContain("attachment");
    expect(file.rawPayload.equals(PNG_BYTES)).toBe(true);
    const event = (await historyOf(t, operator, job.id)).find((e) => e.name === "DOCUMENT_UPLOADED");
    expect(event?.code).toBe(131);
    expect(event?.data).toMatchObject({ category: "provider_photos", files: created.map((d) => d.filename) });
    // The default category is "other"; sellers may upload too.
    const seller = await w.as("seller");
    const other = ok<{ items: TJobDocument[] }>(
      await upload(t, `/api/v1/jobs/${job.id}/documents`, seller, [{ filename: "note.pdf", content: PDF_BYTES }]),
      201,
    ).items;
    expect(other[0]!.category).toBe("other");
  });

  it("refuses the whole upload when one file is not what its name says, and stores nothing", async () => {
    const w = await givenExecutionWorld(t, "doc-refuse");
    const order = await createOrder(t, w, "O-1");
    const job = await jobWithCode(t, w, order, "KIT");
    const operator = await w.as("operator");
    const before = await rowCounts(t, w.tenantId);
    const url = `/api/v1/jobs/${job.id}/documents`;
    const cases: Array<{ filename: string; content: Buffer }> = [
      { filename: "setup.exe", content: EXE_BYTES },
      { filename: "photo.png", content: EXE_BYTES },
      { filename: "photo.png", content: PDF_BYTES },
      { filename: "report.pdf", content: PNG_BYTES },
      { filename: "sheet.xlsx", content: CSV_BYTES },
      { filename: "noextension", content: PDF_BYTES },
      { filename: "page.html", content: Buffer.from("<html><script>alert(1)</script></html>") },
    ];
    for (const bad of cases) {
      const problem = expectProblem(
        await upload(t, url, operator, [{ filename: "fine.pdf", content: PDF_BYTES }, bad]),
        415,
        { code: "UNSUPPORTED_MEDIA_TYPE" },
      );
      expect(problem.detail).toContain(bad.filename);
    }
    expectProblem(
      await upload(t, url, operator, [
        { filename: "big.pdf", content: Buffer.concat([PDF_BYTES, Buffer.alloc(MAX_BYTES + 1)]) },
      ]),
      413,
    );
    expectProblem(await upload(t, url, operator, []), 400, { path: "body.file" });
    expectProblem(await post(t, url, operator.headers, { file: "x.pdf" }), 415);
    expectProblem(
      await upload(t, `${url}?category=secret`, operator, [{ filename: "a.pdf", content: PDF_BYTES }]),
      400,
      {
        path: "querystring.category",
      },
    );
    expect(await rowCounts(t, w.tenantId)).toEqual(before);
    expect(storedFiles(storageDir, w.tenantId)).toEqual([]);
    expect(await documentsOf(t, operator, job.id)).toEqual([]);
  });

  it("keeps documents inside their job, BU and tenant", async () => {
    const w = await givenExecutionWorld(t, "doc-scope");
    const order = await createOrder(t, w, "O-1");
    const kitchen = await jobWithCode(t, w, order, "KIT");
    const hvac = await jobWithCode(t, w, order, "AC");
    const operator = await w.as("operator");
    const doc = ok<{ items: TJobDocument[] }>(
      await upload(t, `/api/v1/jobs/${kitchen.id}/documents`, operator, [{ filename: "a.pdf", content: PDF_BYTES }]),
      201,
    ).items[0]!;
    expectProblem(await get(t, `/api/v1/jobs/${hvac.id}/documents/${doc.id}`, operator.headers), 404);
    const customer = await w.as("customer");
    expectProblem(await get(t, `/api/v1/jobs/${kitchen.id}/documents`, customer.headers), 403);
    expectProblem(await get(t, `/api/v1/jobs/${kitchen.id}/documents/${doc.id}`, customer.headers), 403);
    const stranger = await givenExecutionWorld(t, "doc-scope-other");
    const outsider = await stranger.as("operator");
    expectProblem(await get(t, `/api/v1/jobs/${kitchen.id}/documents/${doc.id}`, outsider.headers), 404);
    expectProblem(await get(t, `/api/v1/jobs/${kitchen.id}/documents`, outsider.headers), 404);
    expectProblem(
      await upload(t, `/api/v1/jobs/${kitchen.id}/documents`, outsider, [{ filename: "b.pdf", content: PDF_BYTES }]),
      404,
    );
    expect(storedFiles(storageDir, stranger.tenantId)).toEqual([]);
    expect(await documentsOf(t, operator, kitchen.id)).toHaveLength(1);
  });
});

describe("job notes", () => {
  it("records internal notes, newest first, with their source", async () => {
    const w = await givenExecutionWorld(t, "doc-notes");
    const order = await createOrder(t, w, "O-1");
    const job = await jobWithCode(t, w, order, "KIT");
    const seller = await w.as("seller");
    const operator = await w.as("operator");
    const first = ok<TJobNote>(
      await post(t, `/api/v1/jobs/${job.id}/notes`, seller.headers, { body: "Customer prefers mornings." }),
      201,
    );
    expect(first).toMatchObject({ source: "seller", forwardToProvider: false, body: "Customer prefers mornings." });
    const second = ok<TJobNote>(
      await post(t, `/api/v1/jobs/${job.id}/notes`, operator.headers, {
        body: "Bring a longer ladder.",
        forwardToProvider: true,
      }),
      201,
    );
    expect(second).toMatchObject({ source: "operator", forwardToProvider: true });
    const notes = ok<{ items: TJobNote[] }>(await get(t, `/api/v1/jobs/${job.id}/notes`, operator.headers)).items;
    expect(notes.map((n) => n.body)).toEqual(["Bring a longer ladder.", "Customer prefers mornings."]);
    expect((await historyOf(t, operator, job.id)).filter((e) => e.name === "NOTE_ADDED")).toHaveLength(2);
    expectProblem(await post(t, `/api/v1/jobs/${job.id}/notes`, operator.headers, { body: "   " }), 400, {
      path: "body.body",
    });
    // A retried note with the same Idempotency-Key is added once.
    const headers = { ...operator.headers, "idempotency-key": "note-1" };
    const once = await post(t, `/api/v1/jobs/${job.id}/notes`, headers, { body: "Call before coming." });
    const twice = await post(t, `/api/v1/jobs/${job.id}/notes`, headers, { body: "Call before coming." });
    expect(once.statusCode).toBe(201);
    expect(twice.statusCode).toBe(201);
    expect(twice.headers["idempotent-replayed"]).toBe("true");
    expect(twice.json()).toEqual(once.json());
    expect(
      ok<{ items: TJobNote[] }>(await get(t, `/api/v1/jobs/${job.id}/notes`, operator.headers)).items,
    ).toHaveLength(3);
  });
});
