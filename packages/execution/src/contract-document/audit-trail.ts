import { PDFDocument, StandardFonts } from "pdf-lib";
import { formatDateTime } from "./format";
import { contractLabels, type ContractLabels, type ContractLocale } from "./labels";
import { COLORS, embedFonts, PdfWriter } from "./pdf-writer";
import { sha256Hex } from "./sha256";
import { toWinAnsi } from "./win-ansi";

export { sha256Hex } from "./sha256";

export type SignatureRecord = {
  signerName: string;
  signedAt: Date;
  ip: string | null;
  userAgent: string | null;
  method: "portal" | "link";
  consentText: string;
  /** Hex SHA-256 of the unsigned contract PDF. */
  documentSha256: string;
  contractId: string;
  version: number;
  timeZone: string;
  locale: ContractLocale;
};

const LABEL_WIDTH = 150;
const VALUE_SIZE = 9.5;

type Field = { label: string; value: string; maxLines: number; mono?: boolean };

function methodLabel(record: SignatureRecord, labels: ContractLabels): string {
  return record.method === "portal" ? labels.auditMethodPortal : labels.auditMethodLink;
}

function fields(record: SignatureRecord, labels: ContractLabels): Field[] {
  const method = methodLabel(record, labels);
  return [
    { label: labels.auditSigner, value: record.signerName, maxLines: 2 },
    {
      label: labels.auditSignedAtLocal,
      value: formatDateTime(record.locale, record.signedAt, record.timeZone),
      maxLines: 2,
    },
    { label: labels.auditSignedAtUtc, value: record.signedAt.toISOString(), maxLines: 1, mono: true },
    { label: labels.auditMethod, value: method, maxLines: 1 },
    { label: labels.auditIp, value: record.ip ?? labels.unknown, maxLines: 1 },
    { label: labels.auditUserAgent, value: record.userAgent ?? labels.unknown, maxLines: 3 },
    {
      label: labels.auditContract,
      value: `${record.contractId} · ${labels.version} ${record.version}`,
      maxLines: 2,
    },
    { label: labels.auditHash, value: record.documentSha256.toLowerCase(), maxLines: 2, mono: true },
    { label: labels.auditConsent, value: record.consentText, maxLines: 14 },
  ];
}

function assertConsistent(unsignedPdf: Uint8Array, record: SignatureRecord): void {
  if (Number.isNaN(record.signedAt.getTime())) throw new Error("appendAuditTrail: signedAt is an invalid Date");
  if (!/^[0-9a-f]{64}$/i.test(record.documentSha256)) {
    throw new Error("appendAuditTrail: documentSha256 must be a 64-character hex SHA-256");
  }
  // The page states that this hash identifies the unsigned document, so it must really be that document's hash.
  if (sha256Hex(unsignedPdf) !== record.documentSha256.toLowerCase()) {
    throw new Error("appendAuditTrail: documentSha256 does not match the SHA-256 of the PDF being signed");
  }
}

function drawSignature(writer: PdfWriter, record: SignatureRecord, labels: ContractLabels): void {
  const { signature, bold } = writer.fonts;
  const boxHeight = 96;
  writer.moveDown(18);
  const top = writer.y;
  writer.page.drawRectangle({
    x: writer.left,
    y: top - boxHeight,
    width: writer.contentWidth,
    height: boxHeight,
    borderColor: COLORS.rule,
    borderWidth: 0.75,
  });
  writer.drawText(
    labels.auditSignature.toUpperCase(),
    writer.left + 12,
    { font: bold, size: 8, color: COLORS.muted },
    top - 18,
  );
  const name = toWinAnsi(record.signerName).trim() || "?";
  const maxWidth = writer.contentWidth - 24;
  const naturalSize = (32 * maxWidth) / Math.max(1, signature.widthOfTextAtSize(name, 32));
  const size = Math.max(14, Math.min(32, naturalSize));
  const text = writer.fit(name, maxWidth, { font: signature, size });
  writer.drawText(text, writer.left + 12, { font: signature, size, color: COLORS.accent }, top - 56);
  writer.page.drawLine({
    start: { x: writer.left + 12, y: top - 66 },
    end: { x: writer.right - 12, y: top - 66 },
    thickness: 0.5,
    color: COLORS.muted,
  });
  const caption = `${record.signedAt.toISOString()} · ${methodLabel(record, labels)}`;
  writer.drawText(caption, writer.left + 12, { size: 8, color: COLORS.muted }, top - 80);
  writer.moveDown(boxHeight);
}

/**
 * Returns a copy of the unsigned contract with one extra page recording who signed, when, how and which document.
 * pdf-lib rewrites the file on save, so the unsigned bytes are not a prefix of the result: the hash printed on the page
 * is the link back to them.
 */
export async function appendAuditTrail(unsignedPdf: Uint8Array, record: SignatureRecord): Promise<Uint8Array> {
  assertConsistent(unsignedPdf, record);
  const labels = contractLabels(record.locale);
  // updateMetadata: false keeps the contract's own metadata and keeps the signed file reproducible.
  const doc = await PDFDocument.load(unsignedPdf, { updateMetadata: false });
  doc.setModificationDate(record.signedAt);
  const fonts = await embedFonts(doc);
  const mono = await doc.embedFont(StandardFonts.Courier);
  const writer = new PdfWriter(doc, fonts);

  writer.drawText(labels.auditTitle, writer.left, { font: fonts.bold, size: 20, color: COLORS.accent }, writer.y - 20);
  writer.moveDown(32);
  writer.rule(COLORS.accent, 1.5);
  writer.moveDown(12);
  for (const field of fields(record, labels)) {
    const top = writer.y;
    writer.drawText(field.label, writer.left, { font: fonts.bold, size: 8.5, color: COLORS.muted }, top - VALUE_SIZE);
    const style = field.mono ? { font: mono, size: 8.5 } : { size: VALUE_SIZE };
    writer.paragraph(field.value, {
      ...style,
      x: writer.left + LABEL_WIDTH,
      width: writer.contentWidth - LABEL_WIDTH,
      lineHeight: 13,
      maxLines: field.maxLines,
    });
    writer.moveDown(5);
  }
  writer.moveDown(6);
  writer.paragraph(labels.auditHashStatement, { size: 9, lineHeight: 12.5, color: COLORS.muted });
  drawSignature(writer, record, labels);
  const footer = `${labels.auditTitle} · ${labels.contractNumber} ${record.contractId} · ${labels.version} ${record.version}`;
  writer.drawText(
    writer.fit(footer, writer.contentWidth, { size: 8 }),
    writer.left,
    { size: 8, color: COLORS.muted },
    30,
  );
  return doc.save();
}
