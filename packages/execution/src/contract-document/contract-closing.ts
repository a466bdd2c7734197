import type { PDFDocument } from "pdf-lib";
import type { ContractDocumentInput } from "./contract-input";
import type { ContractLabels } from "./labels";
import { COLORS, type Fonts, type PdfWriter } from "./pdf-writer";
import { fitText, splitParagraphs } from "./text-layout";
import { toWinAnsi } from "./win-ansi";

export function drawTerms(writer: PdfWriter, terms: string, labels: ContractLabels): void {
  writer.heading(labels.terms, 24);
  const paragraphs = splitParagraphs(terms);
  const effective = paragraphs.length > 0 ? paragraphs : [[labels.defaultTerms]];
  effective.forEach((lines, index) => {
    if (index > 0) writer.moveDown(6);
    for (const line of lines) writer.paragraph(line, { size: 9.5, lineHeight: 13 });
  });
}

export function drawSignatureArea(writer: PdfWriter, labels: ContractLabels): void {
  writer.heading(labels.signature, 150);
  writer.paragraph(labels.signatureNotice, { size: 9.5, lineHeight: 13, color: COLORS.muted });
  const boxHeight = 90;
  writer.ensureSpace(boxHeight + 16);
  writer.moveDown(12);
  const top = writer.y;
  writer.page.drawRectangle({
    x: writer.left,
    y: top - boxHeight,
    width: writer.contentWidth,
    height: boxHeight,
    borderColor: COLORS.rule,
    borderWidth: 0.75,
  });
  const half = writer.contentWidth / 2;
  const fieldStyle = { size: 8.5, color: COLORS.muted };
  writer.drawText(`${labels.signatureName}:`, writer.left + 10, fieldStyle, top - 18);
  writer.drawText(`${labels.signatureDate}:`, writer.left + half + 10, fieldStyle, top - 18);
  writer.drawText(`${labels.signature}:`, writer.left + 10, fieldStyle, top - 48);
  writer.moveDown(boxHeight);
}

/** Footer on every page; drawn last because "page / pages" needs the final page count. */
export function drawFooters(
  doc: PDFDocument,
  fonts: Fonts,
  input: ContractDocumentInput,
  labels: ContractLabels,
): void {
  const pages = doc.getPages();
  const size = 8;
  const measure = (text: string) => fonts.regular.widthOfTextAtSize(text, size);
  const left = toWinAnsi(
    `${input.tenantName} · ${labels.contractNumber} ${input.contractId} · ${labels.version} ${input.version}`,
  );
  pages.forEach((page, index) => {
    const { width } = page.getSize();
    const number = `${index + 1} / ${pages.length}`;
    const numberWidth = fonts.regular.widthOfTextAtSize(number, size);
    page.drawLine({ start: { x: 50, y: 44 }, end: { x: width - 50, y: 44 }, thickness: 0.5, color: COLORS.rule });
    page.drawText(fitText(left, measure, width - 100 - numberWidth - 20), {
      x: 50,
      y: 30,
      size,
      font: fonts.regular,
      color: COLORS.muted,
    });
    page.drawText(number, { x: width - 50 - numberWidth, y: 30, size, font: fonts.regular, color: COLORS.muted });
  });
}
