import { PDFDocument } from "pdf-lib";
import { describe, expect, test } from "vitest";
import { contractInput, words } from "./contract-fixture.test-helper";
import { renderContractPdf } from "./contract-pdf";
import { pageTexts } from "./pdf-text.test-helper";

const decoder = new TextDecoder("latin1");

async function pageCount(pdf: Uint8Array): Promise<number> {
  return (await PDFDocument.load(pdf)).getPageCount();
}

describe("renderContractPdf", () => {
  test("produces a valid PDF with the contract's metadata", async () => {
    const input = contractInput();
    const pdf = await renderContractPdf(input);
    expect(decoder.decode(pdf.subarray(0, 5))).toBe("%PDF-");
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getTitle()).toBe("Contrato de servicio 3f0c9a52-8d3e-4c51-9b1e-2f7f0e5a1c77 (Versión 2)");
    expect(doc.getSubject()).toContain(input.jobNumber);
    expect(doc.getSubject()).toContain(input.projectNumber);
    expect(doc.getKeywords()).toContain(input.contractId);
    expect(doc.getProducer()).toBe("Atende");
    expect(doc.getCreationDate()?.toISOString()).toBe(input.generatedAt.toISOString());
    expect(doc.getModificationDate()?.toISOString()).toBe(input.generatedAt.toISOString());
    const [width, height] = [doc.getPage(0).getWidth(), doc.getPage(0).getHeight()];
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
  });

  test("a short contract fits on one page that shows the key facts", async () => {
    const pdf = await renderContractPdf(contractInput());
    expect(await pageCount(pdf)).toBe(1);
    const text = (await pageTexts(pdf))[0]?.join("\n") ?? "";
    expect(text).toContain("Contrato de servicio");
    expect(text).toContain("Trabajo n.º JOB-2025-00042");
    expect(text).toContain("José Müller ? ?");
    expect(text).toContain("Emitido el 14 de marzo de 2025");
    expect(text).toContain("10:30 (Europe/Madrid)");
    expect(text).toContain("2 de abril de 2025");
    expect(text).toContain("2 h 30 min");
    expect(text).toContain("506,25 €");
    expect(text).toContain("Por confirmar");
    expect(text).toContain("El proveedor realizará");
    expect(text).toContain("Firma del cliente");
    expect(text).toContain("1 / 1");
  });

  test("5,000 words of terms flow onto numbered pages", async () => {
    const terms = `${words(2500)}\n\n${words(2500)}`;
    const pdf = await renderContractPdf(contractInput({ terms }));
    const pages = await pageTexts(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(5);
    pages.forEach((texts, index) => expect(texts).toContain(`${index + 1} / ${pages.length}`));
    const drawn = pages.flat().join(" ");
    expect(drawn.split("instalación").length - 1).toBeGreaterThanOrEqual(5000 / 9 - 1);
    expect(pages.at(-1)?.join("\n")).toContain("Firma del cliente");
    expect(await pageCount(await renderContractPdf(contractInput({ terms: words(10_000) })))).toBeGreaterThan(
      pages.length,
    );
  });

  test("long service lists repeat the table header on the next page", async () => {
    const services = Array.from({ length: 60 }, (_, index) => ({
      code: `S${index}`,
      label: words((index % 5) * 8 + 1),
      quantity: index + 1,
      unitPriceMinor: 1_000,
    }));
    const pages = await pageTexts(await renderContractPdf(contractInput({ locale: "en", currency: "USD", services })));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[1]).toContain("Unit price");
    expect(pages.flat()).toContain("$18,300.00");
  });

  test.each(["en", "es", "pt"] as const)("renders in %s with translated labels", async (locale) => {
    const pages = await pageTexts(await renderContractPdf(contractInput({ locale })));
    const title = { en: "Service contract", es: "Contrato de servicio", pt: "Contrato de serviço" }[locale];
    expect(pages[0]).toContain(title);
  });

  test("survives hostile text and empty sections", async () => {
    const pdf = await renderContractPdf(
      contractInput({
        tenantName: "🏗️ 建筑 ".repeat(30),
        customer: { name: "山田 太郎 👷‍♂️", fiscalId: null, email: null, phone: null },
        worksite: { line1: "x".repeat(500), postcode: "", city: "Zürich\u0000" },
        jobType: "\t",
        services: [],
        products: [],
        terms: "Ünïcödé ✓ terms\n\nwith a https://example.com/" + "a".repeat(400),
      }),
    );
    const pages = await pageTexts(pdf);
    expect(pages[0]).toContain("Este contrato no incluye servicios.");
    expect(pages[0]).toContain("Este contrato no incluye productos.");
  });

  test("rejects an invalid date or version with a clear error", async () => {
    await expect(renderContractPdf(contractInput({ generatedAt: new Date("nope") }))).rejects.toThrow(/generatedAt/);
    await expect(renderContractPdf(contractInput({ version: 0 }))).rejects.toThrow(/version/);
  });

  test("is byte-for-byte deterministic for the same input", async () => {
    const input = contractInput({ terms: words(800) });
    const first = await renderContractPdf(input);
    const second = await renderContractPdf(structuredClone(input));
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const later = await renderContractPdf({ ...input, generatedAt: new Date("2025-03-15T09:30:00Z") });
    expect(Buffer.from(later).equals(Buffer.from(first))).toBe(false);
  });
});
