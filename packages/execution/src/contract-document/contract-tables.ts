import type { ContractDocumentInput } from "./contract-input";
import { formatPlainDate, formatQuantity, lineAmountMinor, moneyFormatter } from "./format";
import type { ContractLabels } from "./labels";
import { drawTable, type TableColumn, type TableRow } from "./pdf-table";
import { COLORS, type PdfWriter } from "./pdf-writer";

function drawEmpty(writer: PdfWriter, text: string): void {
  writer.paragraph(text, { size: 9.5, color: COLORS.muted });
}

export function drawServices(writer: PdfWriter, input: ContractDocumentInput, labels: ContractLabels): void {
  writer.heading(labels.services, 40);
  if (input.services.length === 0) return drawEmpty(writer, labels.noServices);
  const money = moneyFormatter(input.locale, input.currency);
  const fixed = { code: 70, quantity: 45, unitPrice: 90, amount: 95 };
  const columns: TableColumn[] = [
    { header: labels.code, width: fixed.code, align: "left" },
    {
      header: labels.description,
      width: writer.contentWidth - fixed.code - fixed.quantity - fixed.unitPrice - fixed.amount,
      align: "left",
      wrap: true,
    },
    { header: labels.quantity, width: fixed.quantity, align: "right" },
    { header: labels.unitPrice, width: fixed.unitPrice, align: "right" },
    { header: labels.amount, width: fixed.amount, align: "right" },
  ];
  let totalMinor = 0;
  const rows: TableRow[] = input.services.map((service) => {
    const amount = lineAmountMinor(service.quantity, service.unitPriceMinor);
    totalMinor += amount;
    return {
      cells: [
        service.code,
        service.label,
        formatQuantity(input.locale, service.quantity),
        money.format(service.unitPriceMinor),
        money.format(amount),
      ],
    };
  });
  rows.push({ cells: ["", "", "", labels.total, money.format(totalMinor)], bold: true });
  drawTable(writer, columns, rows);
}

export function drawProducts(writer: PdfWriter, input: ContractDocumentInput, labels: ContractLabels): void {
  writer.heading(labels.products, 40);
  if (input.products.length === 0) return drawEmpty(writer, labels.noProducts);
  const fixed = { sku: 90, quantity: 45, delivery: 130 };
  const columns: TableColumn[] = [
    { header: labels.sku, width: fixed.sku, align: "left" },
    {
      header: labels.description,
      width: writer.contentWidth - fixed.sku - fixed.quantity - fixed.delivery,
      align: "left",
      wrap: true,
    },
    { header: labels.quantity, width: fixed.quantity, align: "right" },
    { header: labels.deliveryDate, width: fixed.delivery, align: "right" },
  ];
  const rows: TableRow[] = input.products.map((product) => ({
    cells: [
      product.sku,
      product.label,
      formatQuantity(input.locale, product.quantity),
      product.deliveryDate === null ? labels.toBeConfirmed : formatPlainDate(input.locale, product.deliveryDate),
    ],
  }));
  drawTable(writer, columns, rows);
}
