import type { ContractDocumentInput } from "./contract-input";
import { formatDateTime, formatDuration, formatPlainDate } from "./format";
import type { ContractLabels } from "./labels";
import { COLORS, type PdfWriter } from "./pdf-writer";

export function drawHeader(writer: PdfWriter, input: ContractDocumentInput, labels: ContractLabels): void {
  const { bold, regular } = writer.fonts;
  const top = writer.y;
  const metaWidth = 250;
  const metaStyle = { size: 8.5, color: COLORS.muted };
  const meta = [
    `${labels.contractNumber} ${input.contractId}`,
    `${labels.version} ${input.version}`,
    `${labels.issuedOn} ${formatDateTime(input.locale, input.generatedAt, input.timeZone)}`,
  ].flatMap((line) => writer.wrap(line, metaWidth, metaStyle).slice(0, 2));
  meta.forEach((line, index) => writer.drawRightAligned(line, writer.right, metaStyle, top - 10 - index * 12));

  const brandWidth = writer.contentWidth - metaWidth - 20;
  writer.paragraph(input.tenantName, { font: bold, size: 16, width: brandWidth, maxLines: 2 });
  writer.paragraph(input.buName, { font: regular, size: 10, width: brandWidth, color: COLORS.muted, maxLines: 2 });
  writer.moveDown(Math.max(0, writer.y - (top - meta.length * 12)));

  writer.moveDown(30);
  writer.drawText(labels.title, writer.left, { font: bold, size: 20, color: COLORS.accent });
  writer.moveDown(10);
  writer.rule(COLORS.accent, 1.5);
  writer.moveDown(16);
  const references = `${labels.jobNumber} ${input.jobNumber}     ${labels.projectNumber} ${input.projectNumber}`;
  writer.drawText(writer.fit(references, writer.contentWidth, { size: 10 }), writer.left, { size: 10 });
  writer.moveDown(6);
}

type Block = { title: string; lines: { text: string; bold?: boolean }[] };

function partyBlocks(input: ContractDocumentInput, labels: ContractLabels): Block[] {
  const { customer, worksite } = input;
  const customerLines = [{ text: customer.name, bold: true }];
  if (customer.fiscalId) customerLines.push({ text: `${labels.fiscalId}: ${customer.fiscalId}`, bold: false });
  if (customer.email) customerLines.push({ text: `${labels.email}: ${customer.email}`, bold: false });
  if (customer.phone) customerLines.push({ text: `${labels.phone}: ${customer.phone}`, bold: false });
  return [
    { title: labels.customer, lines: customerLines },
    {
      title: labels.worksite,
      lines: [{ text: worksite.line1 }, { text: `${worksite.postcode} ${worksite.city}`.trim() }],
    },
    {
      title: labels.schedule,
      lines: [
        { text: `${labels.plannedDate}: ${formatPlainDate(input.locale, input.plannedDate)}` },
        { text: `${labels.duration}: ${formatDuration(input.durationMinutes)}` },
        { text: `${labels.jobType}: ${input.jobType}` },
      ],
    },
  ];
}

/** Customer, worksite and schedule side by side in three columns. */
export function drawParties(writer: PdfWriter, input: ContractDocumentInput, labels: ContractLabels): void {
  const gap = 16;
  const blocks = partyBlocks(input, labels);
  const width = (writer.contentWidth - gap * (blocks.length - 1)) / blocks.length;
  const size = 9.5;
  const lineHeight = 13;
  const wrapped = blocks.map((block) =>
    block.lines.flatMap((line) => {
      const style = { size, font: line.bold ? writer.fonts.bold : writer.fonts.regular };
      return writer
        .wrap(line.text, width, style)
        .slice(0, 4)
        .map((text) => ({ text, style }));
    }),
  );
  const height = 30 + Math.max(...wrapped.map((lines) => lines.length)) * lineHeight;
  writer.ensureSpace(height + 10);
  writer.moveDown(18);
  const top = writer.y;
  blocks.forEach((block, index) => {
    const x = writer.left + index * (width + gap);
    writer.drawText(block.title.toUpperCase(), x, { font: writer.fonts.bold, size: 8, color: COLORS.muted }, top);
    (wrapped[index] ?? []).forEach((line, lineIndex) => {
      writer.drawText(line.text, x, { ...line.style, color: COLORS.text }, top - 16 - lineIndex * lineHeight);
    });
  });
  writer.moveDown(height - 18);
}
