import { COLORS, type PdfWriter } from "./pdf-writer";

export type TableColumn = {
  header: string;
  width: number;
  align: "left" | "right";
  /** Wrapped columns grow the row; the others are truncated with an ellipsis. */
  wrap?: boolean;
};

const SIZE = 9;
const LINE_HEIGHT = 12;
const PADDING = 5;
const MAX_WRAPPED_LINES = 6;

function cellLines(writer: PdfWriter, column: TableColumn, text: string): string[] {
  const width = column.width - 2 * PADDING;
  if (!column.wrap) return [writer.fit(text, width, { size: SIZE })];
  const lines = writer.wrap(text, width, { size: SIZE });
  if (lines.length <= MAX_WRAPPED_LINES) return lines;
  const kept = lines.slice(0, MAX_WRAPPED_LINES);
  const last = kept.pop() ?? "";
  return [...kept, writer.fit(`${last}…`, width, { size: SIZE })];
}

function drawCells(
  writer: PdfWriter,
  columns: readonly TableColumn[],
  cells: readonly string[][],
  bold: boolean,
): void {
  const style = { size: SIZE, font: bold ? writer.fonts.bold : writer.fonts.regular };
  let x = writer.left;
  columns.forEach((column, index) => {
    const lines = cells[index] ?? [];
    lines.forEach((line, lineIndex) => {
      const baseline = writer.y - PADDING - SIZE - lineIndex * LINE_HEIGHT + 2;
      if (column.align === "right") writer.drawRightAligned(line, x + column.width - PADDING, style, baseline);
      else writer.drawText(line, x + PADDING, style, baseline);
    });
    x += column.width;
  });
}

function rowHeight(cells: readonly string[][]): number {
  const lines = Math.max(1, ...cells.map((cell) => cell.length));
  return lines * LINE_HEIGHT + 2 * PADDING - 2;
}

function drawHeaderRow(writer: PdfWriter, columns: readonly TableColumn[]): void {
  const cells = columns.map((column) => [writer.fit(column.header, column.width - 2 * PADDING, { size: SIZE })]);
  const height = rowHeight(cells);
  writer.page.drawRectangle({
    x: writer.left,
    y: writer.y - height,
    width: writer.contentWidth,
    height,
    color: COLORS.fill,
  });
  drawCells(writer, columns, cells, true);
  writer.moveDown(height);
}

export type TableRow = { cells: readonly string[]; bold?: boolean };

/** Draws a table whose header row repeats on every page the table spills onto; rows are never split. */
export function drawTable(writer: PdfWriter, columns: readonly TableColumn[], rows: readonly TableRow[]): void {
  const prepared = rows.map((row) => {
    const cells = columns.map((column, index) => cellLines(writer, column, row.cells[index] ?? ""));
    return { cells, height: rowHeight(cells), bold: row.bold === true };
  });
  writer.ensureSpace(2 * (LINE_HEIGHT + 2 * PADDING) + (prepared[0]?.height ?? 0));
  drawHeaderRow(writer, columns);
  const stopRepeating = writer.onNewPage(() => drawHeaderRow(writer, columns));
  try {
    for (const row of prepared) {
      writer.ensureSpace(row.height);
      drawCells(writer, columns, row.cells, row.bold);
      writer.moveDown(row.height);
      writer.rule();
    }
  } finally {
    stopRepeating();
  }
}
