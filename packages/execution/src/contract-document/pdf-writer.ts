import { rgb, StandardFonts, type Color, type PDFDocument, type PDFFont, type PDFPage } from "pdf-lib";
import { fitText, wrapText } from "./text-layout";
import { toWinAnsi } from "./win-ansi";

export const A4: readonly [number, number] = [595.28, 841.89];

export const COLORS = {
  text: rgb(0.13, 0.14, 0.16),
  muted: rgb(0.42, 0.45, 0.5),
  accent: rgb(0.1, 0.29, 0.52),
  rule: rgb(0.8, 0.82, 0.86),
  fill: rgb(0.94, 0.95, 0.97),
} as const;

export type Fonts = { regular: PDFFont; bold: PDFFont; signature: PDFFont };

export async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  // Sequential on purpose: object numbers must not depend on promise scheduling, or the bytes stop being reproducible.
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const signature = await doc.embedFont(StandardFonts.TimesRomanItalic);
  return { regular, bold, signature };
}

export type TextStyle = { font?: PDFFont; size?: number; color?: Color };

export type ParagraphOptions = TextStyle & {
  x?: number;
  width?: number;
  lineHeight?: number;
  /** Caps the paragraph to this many lines, ending the last one with an ellipsis. */
  maxLines?: number;
};

const MARGIN = { left: 50, right: 50, top: 56, bottom: 64 } as const;

/** A top-to-bottom cursor over A4 pages that starts a new page whenever the next block would not fit. */
export class PdfWriter {
  readonly left = MARGIN.left;
  readonly contentWidth = A4[0] - MARGIN.left - MARGIN.right;
  readonly right = A4[0] - MARGIN.right;
  private currentPage: PDFPage;
  private cursorY: number;
  private readonly pageListeners: (() => void)[] = [];

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.currentPage = doc.addPage([...A4]);
    this.cursorY = A4[1] - MARGIN.top;
  }

  get page(): PDFPage {
    return this.currentPage;
  }

  get y(): number {
    return this.cursorY;
  }

  /** Runs after every automatic page break, e.g. to repeat a table header. */
  onNewPage(listener: () => void): () => void {
    this.pageListeners.push(listener);
    return () => {
      const index = this.pageListeners.indexOf(listener);
      if (index >= 0) this.pageListeners.splice(index, 1);
    };
  }

  newPage(): void {
    this.currentPage = this.doc.addPage([...A4]);
    this.cursorY = A4[1] - MARGIN.top;
    for (const listener of [...this.pageListeners]) listener();
  }

  ensureSpace(height: number): void {
    if (this.cursorY - height < MARGIN.bottom) this.newPage();
  }

  moveDown(amount: number): void {
    this.cursorY -= amount;
  }

  measure(text: string, style: TextStyle = {}): number {
    return (style.font ?? this.fonts.regular).widthOfTextAtSize(toWinAnsi(text), style.size ?? 10);
  }

  /** Draws one line with its baseline at `baselineY` (defaults to the cursor) without moving the cursor. */
  drawText(text: string, x: number, style: TextStyle = {}, baselineY = this.cursorY): void {
    const clean = toWinAnsi(text);
    if (clean.length === 0) return;
    this.currentPage.drawText(clean, {
      x,
      y: baselineY,
      font: style.font ?? this.fonts.regular,
      size: style.size ?? 10,
      color: style.color ?? COLORS.text,
    });
  }

  drawRightAligned(text: string, rightX: number, style: TextStyle = {}, baselineY = this.cursorY): void {
    this.drawText(text, rightX - this.measure(text, style), style, baselineY);
  }

  wrap(text: string, width: number, style: TextStyle = {}): string[] {
    const font = style.font ?? this.fonts.regular;
    const size = style.size ?? 10;
    return wrapText(toWinAnsi(text), (line) => font.widthOfTextAtSize(line, size), width);
  }

  fit(text: string, width: number, style: TextStyle = {}): string {
    const font = style.font ?? this.fonts.regular;
    const size = style.size ?? 10;
    return fitText(toWinAnsi(text), (line) => font.widthOfTextAtSize(line, size), width);
  }

  /** Wraps and draws text from the cursor down, breaking pages between lines. */
  paragraph(text: string, options: ParagraphOptions = {}): void {
    const size = options.size ?? 10;
    const lineHeight = options.lineHeight ?? size * 1.4;
    const x = options.x ?? this.left;
    const width = options.width ?? this.right - x;
    let lines = this.wrap(text, width, options);
    if (options.maxLines !== undefined && lines.length > options.maxLines) {
      const kept = lines.slice(0, options.maxLines);
      const last = kept.pop() ?? "";
      lines = [...kept, this.fit(`${last}…`, width, options)];
    }
    for (const line of lines) {
      this.ensureSpace(lineHeight);
      this.moveDown(size);
      this.drawText(line, x, options);
      this.moveDown(lineHeight - size);
    }
  }

  rule(color: Color = COLORS.rule, thickness = 0.75): void {
    this.currentPage.drawLine({
      start: { x: this.left, y: this.cursorY },
      end: { x: this.right, y: this.cursorY },
      thickness,
      color,
    });
  }

  heading(text: string, spaceAfterHeading: number): void {
    this.ensureSpace(40 + spaceAfterHeading);
    this.moveDown(20);
    this.drawText(text, this.left, { font: this.fonts.bold, size: 12, color: COLORS.accent });
    this.moveDown(6);
    this.rule(COLORS.accent, 0.75);
    this.moveDown(10);
  }
}
