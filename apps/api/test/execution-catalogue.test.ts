import { beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@atende/db";
import { createTestApp, login, tenantWide, type Session, type TestApp } from "./app";

let t: TestApp;
let tenantId: string;
let es: string;
let pt: string;
let admin: Session;
let seller: Session;
let ptAdmin: Session;

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.tenant("exec-cat");
  tenantId = a.id;
  es = await a.bu("ES");
  pt = await a.bu("PT", "PT");
  await a.user("admin@exec-cat.test", [tenantWide("tenant_admin")]);
  await a.user("seller@exec-cat.test", [{ role: "seller", buId: es, storeId: null }]);
  await a.user("pt-admin@exec-cat.test", [{ role: "bu_admin", buId: pt, storeId: null }]);
  admin = await login(t.app, "admin@exec-cat.test");
  seller = await login(t.app, "seller@exec-cat.test");
  ptAdmin = await login(t.app, "pt-admin@exec-cat.test");
});

type FieldError = { path: string; message: string };
type Problem = { code: string; detail: string; errors?: FieldError[] };

const json = (s: Session, method: "POST" | "PATCH" | "GET", url: string, payload?: Record<string, unknown>) =>
  t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });

const importCsv = (what: "service-codes" | "products", buId: string, csv: string, s: Session = admin) =>
  t.app.inject({
    method: "POST",
    url: `/api/v1/${what}/import?buId=${buId}`,
    headers: { ...s.headers, "content-type": "text/csv; charset=utf-8" },
    payload: csv,
  });

const serviceCode = (overrides: Record<string, unknown> = {}) => ({
  buId: es,
  code: "49-KIT-001",
  label: "Kitchen installation",
  profession: "carpentry",
  specialty: "kitchen",
  durationMinutes: 240,
  customerPriceMinor: 14990,
  providerPriceMinor: 9000,
  sxType: "installation",
  ...overrides,
});

function serviceCodeRows(buId: string) {
  return withTenant(t.db, tenantId, (tx) =>
    tx.serviceCode.findMany({ where: { buId }, orderBy: { code: "asc" }, select: { code: true, version: true } }),
  );
}

function productRows(buId: string) {
  return withTenant(t.db, tenantId, (tx) =>
    tx.product.findMany({
      where: { buId },
      orderBy: { sku: "asc" },
      select: { sku: true, label: true, version: true },
    }),
  );
}

const HEADER = "code,label,profession,specialty,durationMinutes,customerPrice,providerPrice,sxType";

describe("service codes", () => {
  let id: string;

  it("creates a code that sellers of the BU read, and refuses a duplicate code in the BU naming the field", async () => {
    const res = await json(admin, "POST", "/api/v1/service-codes", serviceCode());
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ ...serviceCode(), active: true, version: 1 });
    id = created.id;

    const dup = await json(admin, "POST", "/api/v1/service-codes", serviceCode({ label: "Other" }));
    expect(dup.statusCode).toBe(409);
    expect(dup.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect((dup.json() as Problem).code).toBe("CONFLICT");
    expect((dup.json() as Problem).errors?.map((e) => e.path)).toEqual(["body.code"]);

    // The same code in another BU is another code.
    expect((await json(admin, "POST", "/api/v1/service-codes", serviceCode({ buId: pt }))).statusCode).toBe(201);

    const list = await json(seller, "GET", "/api/v1/service-codes");
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { buId: string }) => i.buId)).toEqual([es]);
    const searched = await json(admin, "GET", `/api/v1/service-codes?buId=${es}&q=kitchen`);
    expect(searched.json().items.map((i: { id: string }) => i.id)).toEqual([id]);
    const otherBu = await json(seller, "GET", `/api/v1/service-codes?buId=${pt}`);
    expect(otherBu.json().items).toEqual([]);
  });

  it("pages with a cursor", async () => {
    const first = await json(admin, "GET", "/api/v1/service-codes?limit=1");
    expect(first.json().items).toHaveLength(1);
    const cursor = first.json().nextCursor as string;
    expect(cursor).toEqual(expect.any(String));
    const second = await json(admin, "GET", `/api/v1/service-codes?limit=1&cursor=${cursor}`);
    expect(second.json().items).toHaveLength(1);
    expect(second.json().items[0].id).not.toBe(first.json().items[0].id);
    expect(second.json().nextCursor).toBeNull();
    const bogus = await json(admin, "GET", "/api/v1/service-codes?cursor=bogus");
    expect(bogus.statusCode).toBe(400);
    expect((bogus.json() as Problem).errors?.[0]?.path).toBe("querystring.cursor");
  });

  it("updates with the version read and answers 409 STALE_VERSION to a stale one", async () => {
    const url = `/api/v1/service-codes/${id}`;
    const ok = await json(admin, "PATCH", url, { customerPriceMinor: 15990, active: false, version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ customerPriceMinor: 15990, active: false, version: 2 });
    const stale = await json(admin, "PATCH", url, { label: "Late edit", version: 1 });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as Problem).code).toBe("STALE_VERSION");
    const codeChange = await json(admin, "PATCH", url, { code: "X", version: 2 });
    expect(codeChange.statusCode).toBe(400);
  });

  it("answers 400 naming the field for bad input, and 400 for an unknown BU", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [serviceCode({ code: "bad code!" }), "body.code"],
      [serviceCode({ code: "A1", sxType: "repair" }), "body.sxType"],
      [serviceCode({ code: "A2", durationMinutes: 1 }), "body.durationMinutes"],
      [serviceCode({ code: "A3", customerPriceMinor: 1.5 }), "body.customerPriceMinor"],
      [serviceCode({ code: "A4", buId: "00000000-0000-4000-8000-000000000000" }), "body.buId"],
    ];
    for (const [payload, path] of cases) {
      const res = await json(admin, "POST", "/api/v1/service-codes", payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect((res.json() as Problem).errors?.map((e) => e.path)).toContain(path);
    }
  });

  it("refuses writes to sellers (403) and to admins of another BU", async () => {
    const bySeller = await json(seller, "POST", "/api/v1/service-codes", serviceCode({ code: "S-1" }));
    expect(bySeller.statusCode).toBe(403);
    expect((bySeller.json() as Problem).code).toBe("FORBIDDEN");
    expect((await importCsv("service-codes", es, `${HEADER}\nS-2,X,a,b,60,1,1,rework\n`, seller)).statusCode).toBe(403);
    expect((await json(seller, "PATCH", `/api/v1/service-codes/${id}`, { label: "X", version: 2 })).statusCode).toBe(
      403,
    );
    const elsewhere = await json(ptAdmin, "POST", "/api/v1/service-codes", serviceCode({ code: "S-3" }));
    expect(elsewhere.statusCode).toBe(403);
    expect(
      (await json(ptAdmin, "POST", "/api/v1/service-codes", serviceCode({ code: "S-3", buId: pt }))).statusCode,
    ).toBe(201);
  });

  it("imports a CSV (decimal prices to minor units, quoted cells, ';' files) and upserts by code", async () => {
    const csv = [
      HEADER,
      'IMP-1,"Bathroom tiling, walls",tiling,bathroom,480,149.90,90,installation',
      "IMP-2,Technical visit,plumbing,general,60,0,25.5,technical_visit",
      "",
      "IMP-3,Budget,plumbing,general,30,0.00,0,budget",
    ].join("\r\n");
    const res = await importCsv("service-codes", pt, csv);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const list = await json(admin, "GET", `/api/v1/service-codes?buId=${pt}&q=IMP-`);
    const byCode = Object.fromEntries(list.json().items.map((i: { code: string }) => [i.code, i]));
    expect(byCode["IMP-1"]).toMatchObject({
      label: "Bathroom tiling, walls",
      durationMinutes: 480,
      customerPriceMinor: 14990,
      providerPriceMinor: 9000,
      sxType: "installation",
      version: 1,
    });
    expect(byCode["IMP-2"]).toMatchObject({ customerPriceMinor: 0, providerPriceMinor: 2550 });

    // Same file in a Spanish spreadsheet's dialect: ';' delimiter, decimal comma, a changed price and a new code.
    const semicolon = [
      HEADER.replaceAll(",", ";"),
      "IMP-1;Bathroom tiling, walls;tiling;bathroom;480;149,90;90;installation",
      "IMP-2;Technical visit;plumbing;general;60;0;30;technical_visit",
      "IMP-3;Budget;plumbing;general;30;0.00;0;budget",
      "IMP-4;Rework;tiling;bathroom;120;0;45,00;rework",
    ].join("\n");
    const again = await importCsv("service-codes", pt, semicolon);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({ created: 1, updated: 1, unchanged: 2 });
    const versions = Object.fromEntries((await serviceCodeRows(pt)).map((r) => [r.code, r.version]));
    expect(versions).toMatchObject({ "IMP-1": 1, "IMP-2": 2, "IMP-3": 1, "IMP-4": 1 });
  });

  it("refuses a file with any bad line as a whole: 422 listing each line and field, nothing written", async () => {
    const before = await serviceCodeRows(pt);
    const csv = [
      HEADER,
      "NEW-1,Fine line,tiling,bathroom,60,10,5,installation",
      "IMP-1,Changed label,tiling,bathroom,60,abc,5,installation",
      "NEW-2,Bad type,tiling,bathroom,60,10,5,repair",
      "NEW-3,Too short,tiling,bathroom,2,10.999,5,rework",
      "NEW-1,Repeated,tiling,bathroom,60,10,5,installation",
      "NEW-4,Missing cells,tiling",
    ].join("\n");
    const res = await importCsv("service-codes", pt, csv);
    expect(res.statusCode).toBe(422);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const problem = res.json() as Problem;
    expect(problem.code).toBe("RULE_VIOLATION");
    expect(problem.detail).toMatch(/nothing was imported/);
    // A line with the wrong number of cells is a structural error, reported before any field.
    expect(problem.errors?.map((e) => e.message)).toEqual(["line 7: format: expected 8 cells, found 3"]);

    const fixedShape = csv.replace("NEW-4,Missing cells,tiling", "NEW-4,Fine,tiling,bathroom,60,1,1,rework");
    const res2 = await importCsv("service-codes", pt, fixedShape);
    expect(res2.statusCode).toBe(422);
    const messages = (res2.json() as Problem).errors?.map((e) => e.message) ?? [];
    expect(messages).toEqual([
      expect.stringMatching(/^line 3: customerPrice: must be an amount/),
      expect.stringMatching(/^line 4: sxType: /),
      expect.stringMatching(/^line 5: customerPrice: at most 2 decimal/),
      expect.stringMatching(/^line 5: durationMinutes: /),
      "line 6: code: repeats line 2",
    ]);
    expect((res2.json() as Problem).errors?.[0]?.path).toBe("body.line.3.customerPrice");
    expect(await serviceCodeRows(pt)).toEqual(before);
  });

  it("refuses a wrong header, an unknown BU, a JSON body, no body, and more than 5,000 lines", async () => {
    const header = await importCsv("service-codes", pt, "code,label,price\nA,B,1\n");
    expect(header.statusCode).toBe(422);
    expect((header.json() as Problem).errors?.map((e) => e.message)).toEqual([
      "line 1: header: missing column(s) profession, specialty, durationMinutes, customerPrice, providerPrice, sxType",
      "line 1: header: unknown column(s) price",
    ]);
    const unclosed = await importCsv("service-codes", pt, `${HEADER}\n"A,B,c,d,60,1,1,rework\n`);
    expect((unclosed.json() as Problem).errors?.map((e) => e.message)).toEqual([
      "line 2: format: a quoted field is never closed",
    ]);
    const unknownBu = await importCsv("service-codes", "00000000-0000-4000-8000-000000000000", `${HEADER}\n`);
    expect(unknownBu.statusCode).toBe(400);
    expect((unknownBu.json() as Problem).errors?.map((e) => e.path)).toEqual(["querystring.buId"]);
    const asJson = await t.app.inject({
      method: "POST",
      url: `/api/v1/service-codes/import?buId=${pt}`,
      headers: admin.headers,
      payload: { csv: HEADER },
    });
    expect(asJson.statusCode).toBe(415);
    const empty = await t.app.inject({
      method: "POST",
      url: `/api/v1/service-codes/import?buId=${pt}`,
      headers: admin.headers,
    });
    expect(empty.statusCode).toBe(400);
    expect((empty.json() as Problem).errors?.map((e) => e.path)).toEqual(["body"]);
    const noLines = await importCsv("service-codes", pt, `${HEADER}\n`);
    expect(noLines.statusCode).toBe(422);

    const tooMany = [HEADER, ...Array.from({ length: 5_001 }, (_, i) => `M-${i},L,a,b,60,1,1,rework`)].join("\n");
    const big = await importCsv("service-codes", pt, tooMany);
    expect(big.statusCode).toBe(422);
    expect((big.json() as Problem).errors?.[0]?.message).toBe(
      "line 5002: lines: at most 5000 lines per import: split the file",
    );
  });

  it("imports 5,000 lines in one go", async () => {
    const lines = Array.from({ length: 5_000 }, (_, i) => `BULK-${i},Bulk ${i},a,b,60,${i}.50,1,rework`);
    const res = await importCsv("service-codes", es, [HEADER, ...lines].join("\n"));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 5_000, updated: 0, unchanged: 0 });
  });

  it("audits creates, updates and imports", async () => {
    const rows = await withTenant(t.db, tenantId, (tx) =>
      tx.auditLog.findMany({ where: { module: "execution" }, select: { action: true, after: true } }),
    );
    const actions = rows.map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining(["service_code.create", "service_code.update", "service_code.import"]),
    );
    const imports = rows.filter((r) => r.action === "service_code.import").map((r) => r.after);
    expect(imports).toContainEqual(
      expect.objectContaining({ created: 1, updated: 1, unchanged: 2, updatedCodes: ["IMP-2"] }),
    );
  });
});

describe("products", () => {
  it("creates, refuses a duplicate SKU naming the field, updates with the version and refuses a stale one", async () => {
    const res = await json(admin, "POST", "/api/v1/products", { buId: es, sku: "SKU-1", label: "Oven 60 cm" });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ buId: es, sku: "SKU-1", label: "Oven 60 cm", active: true, version: 1 });
    const dup = await json(admin, "POST", "/api/v1/products", { buId: es, sku: "SKU-1", label: "Other" });
    expect(dup.statusCode).toBe(409);
    expect((dup.json() as Problem).errors?.map((e) => e.path)).toEqual(["body.sku"]);

    const url = `/api/v1/products/${created.id}`;
    const ok = await json(admin, "PATCH", url, { label: "Oven 60 cm, steel", version: 1 });
    expect(ok.json()).toMatchObject({ label: "Oven 60 cm, steel", version: 2 });
    const stale = await json(admin, "PATCH", url, { active: false, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as Problem).code).toBe("STALE_VERSION");

    expect((await json(seller, "GET", "/api/v1/products")).json().items).toHaveLength(1);
    const bySeller = await json(seller, "POST", "/api/v1/products", { buId: es, sku: "SKU-2", label: "Hob" });
    expect(bySeller.statusCode).toBe(403);
    expect((await importCsv("products", es, "sku,label\nSKU-2,Hob\n", seller)).statusCode).toBe(403);
  });

  it("imports a CSV upserting by SKU", async () => {
    const first = await importCsv(
      "products",
      es,
      'sku,label\nSKU-1,"Oven 60 cm, steel"\nSKU-2,Hob\nSKU-3,"Hood ""Pro"""\n',
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ created: 2, updated: 0, unchanged: 1 });
    const second = await importCsv("products", es, "Label;SKU\nInduction hob;SKU-2\nSink;SKU-4\n");
    expect(second.json()).toEqual({ created: 1, updated: 1, unchanged: 0 });
    expect(await productRows(es)).toEqual([
      { sku: "SKU-1", label: "Oven 60 cm, steel", version: 2 },
      { sku: "SKU-2", label: "Induction hob", version: 2 },
      { sku: "SKU-3", label: 'Hood "Pro"', version: 1 },
      { sku: "SKU-4", label: "Sink", version: 1 },
    ]);
  });

  it("refuses a file with a bad line as a whole", async () => {
    const before = await productRows(es);
    const res = await importCsv("products", es, "sku,label\nSKU-9,Fine\nbad sku,X\nSKU-10,\nSKU-9,Again\n");
    expect(res.statusCode).toBe(422);
    expect((res.json() as Problem).errors?.map((e) => e.message)).toEqual([
      expect.stringMatching(/^line 3: sku: /),
      expect.stringMatching(/^line 4: label: /),
      "line 5: sku: repeats line 2",
    ]);
    expect(await productRows(es)).toEqual(before);
  });
});
