import { PDFDocument } from "pdf-lib";
import { drawFooters, drawSignatureArea, drawTerms } from "./contract-closing";
import { drawHeader, drawParties } from "./contract-header";
import type { ContractDocumentInput } from "./contract-input";
import { drawProducts, drawServices } from "./contract-tables";
import { contractLabels } from "./labels";
import { embedFonts, PdfWriter } from "./pdf-writer";

export type { ContractLocale } from "./labels";
export type { ContractDocumentInput, ContractProductLine, ContractServiceLine } from "./contract-input";
export { toWinAnsi } from "./win-ansi";

export const PDF_PRODUCER = "Atende";

function assertValidInput(input: ContractDocumentInput): void {
  if (Number.isNaN(input.generatedAt.getTime())) throw new Error("renderContractPdf: generatedAt is an invalid Date");
  if (!Number.isInteger(input.version) || input.version < 1) {
    throw new Error(`renderContractPdf: version must be a positive integer, got ${input.version}`);
  }
  for (const service of input.services) {
    if (!Number.isFinite(service.quantity) || !Number.isFinite(service.unitPriceMinor)) {
      throw new Error(`renderContractPdf: service ${service.code} has a non-finite quantity or price`);
    }
  }
}

/** Renders the A4 service contract. The same input always yields the same bytes (dates come from generatedAt). */
export async function renderContractPdf(input: ContractDocumentInput): Promise<Uint8Array> {
  assertValidInput(input);
  const labels = contractLabels(input.locale);
  // updateMetadata: false, or pdf-lib stamps "now" into the info dictionary and the output is never reproducible.
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(`${labels.title} ${input.contractId} (${labels.version} ${input.version})`, {
    showInWindowTitleBar: true,
  });
  doc.setSubject(
    `${labels.jobNumber} ${input.jobNumber} · ${labels.projectNumber} ${input.projectNumber} · ${input.customer.name}`,
  );
  doc.setAuthor(`${input.tenantName} · ${input.buName}`);
  doc.setKeywords([input.contractId, input.jobNumber, input.projectNumber, `v${input.version}`]);
  doc.setCreator(PDF_PRODUCER);
  doc.setProducer(PDF_PRODUCER);
  doc.setLanguage(input.locale);
  doc.setCreationDate(input.generatedAt);
  doc.setModificationDate(input.generatedAt);

  const fonts = await embedFonts(doc);
  const writer = new PdfWriter(doc, fonts);
  drawHeader(writer, input, labels);
  drawParties(writer, input, labels);
  drawServices(writer, input, labels);
  drawProducts(writer, input, labels);
  drawTerms(writer, input.terms, labels);
  drawSignatureArea(writer, labels);
  drawFooters(doc, fonts, input, labels);
  return doc.save();
}
