import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, test } from "vitest";
import { appendAuditTrail, sha256Hex, type SignatureRecord } from "./audit-trail";
import { contractInput } from "./contract-fixture.test-helper";
import { renderContractPdf } from "./contract-pdf";
import { pageTexts } from "./pdf-text.test-helper";

let unsigned: Uint8Array;

function record(overrides: Partial<SignatureRecord> = {}): SignatureRecord {
  return {
    signerName: "José Müller 😀",
    signedAt: new Date("2025-03-20T16:05:33.120Z"),
    ip: "203.0.113.7",
    userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
    method: "link",
    consentText: "He leído y acepto el contrato y su firma electrónica.",
    documentSha256: sha256Hex(unsigned),
    contractId: "3f0c9a52-8d3e-4c51-9b1e-2f7f0e5a1c77",
    version: 2,
    timeZone: "Europe/Madrid",
    locale: "es",
    ...overrides,
  };
}

beforeAll(async () => {
  unsigned = await renderContractPdf(contractInput());
});

describe("sha256Hex", () => {
  test("matches the standard test vector", () => {
    expect(sha256Hex(new TextEncoder().encode("abc"))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  test("is stable for the same contract", async () => {
    const again = await renderContractPdf(contractInput());
    expect(sha256Hex(again)).toBe(sha256Hex(unsigned));
  });
});

describe("appendAuditTrail", () => {
  test("adds exactly one page and leaves the input untouched", async () => {
    const before = sha256Hex(unsigned);
    const signed = await appendAuditTrail(unsigned, record());
    expect(sha256Hex(unsigned)).toBe(before);
    const original = await PDFDocument.load(unsigned);
    const doc = await PDFDocument.load(signed, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(original.getPageCount() + 1);
    expect(doc.getTitle()).toBe(original.getTitle());
    expect(doc.getProducer()).toBe("Atende");
    expect(doc.getModificationDate()?.toISOString()).toBe("2025-03-20T16:05:33.000Z");
  });

  test("lists every field, in the BU time zone and in UTC", async () => {
    const pages = await pageTexts(await appendAuditTrail(unsigned, record()));
    const text = pages.at(-1)?.join("\n") ?? "";
    expect(text).toContain("Registro de auditoría de la firma");
    expect(text).toContain("José Müller ?");
    expect(text).toContain("20 de marzo de 2025");
    expect(text).toContain("17:05 (Europe/Madrid)");
    expect(text).toContain("2025-03-20T16:05:33.120Z");
    expect(text).toContain("Enlace de firma");
    expect(text).toContain("203.0.113.7");
    expect(text).toContain("AppleWebKit");
    expect(text).toContain(sha256Hex(unsigned));
    expect(text).toContain("He leído y acepto");
    expect(text).toContain("identifica el documento del contrato sin firmar");
  });

  test("records missing IP and user agent explicitly", async () => {
    const pages = await pageTexts(
      await appendAuditTrail(unsigned, record({ ip: null, userAgent: null, method: "portal", locale: "en" })),
    );
    const text = pages.at(-1) ?? [];
    expect(text.filter((line) => line === "Not recorded")).toHaveLength(2);
    expect(text).toContain("Customer portal");
  });

  test("stays on one page however long the recorded values are", async () => {
    const signed = await appendAuditTrail(
      unsigned,
      record({
        signerName: "Maria ".repeat(80),
        userAgent: "UA/1.0 ".repeat(400),
        consentText: "I agree. ".repeat(2_000),
      }),
    );
    expect((await PDFDocument.load(signed)).getPageCount()).toBe((await PDFDocument.load(unsigned)).getPageCount() + 1);
  });

  test("refuses a hash that is not the unsigned document's", async () => {
    await expect(appendAuditTrail(unsigned, record({ documentSha256: "0".repeat(64) }))).rejects.toThrow(
      /does not match/,
    );
    await expect(appendAuditTrail(unsigned, record({ documentSha256: "abc" }))).rejects.toThrow(/64-character/);
  });

  test("is deterministic", async () => {
    const first = await appendAuditTrail(unsigned, record());
    const second = await appendAuditTrail(unsigned, record());
    expect(sha256Hex(second)).toBe(sha256Hex(first));
  });
});
