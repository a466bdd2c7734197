export type MeasureText = (text: string) => number;

/** Splits plain text into paragraphs (blank-line separated), each a list of its hard lines; empty text gives []. */
export function splitParagraphs(text: string): string[][] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((paragraph) =>
      paragraph
        .split("\n")
        .map((line) => line.replace(/\s+/g, " ").trim())
        .filter((line) => line.length > 0),
    )
    .filter((lines) => lines.length > 0);
}

function breakLongWord(word: string, measure: MeasureText, maxWidth: number): string[] {
  const pieces: string[] = [];
  let current = "";
  for (const char of word) {
    if (current.length > 0 && measure(current + char) > maxWidth) {
      pieces.push(current);
      current = char;
    } else {
      current += char;
    }
  }
  if (current.length > 0) pieces.push(current);
  return pieces;
}

/**
 * Greedy word wrap of one line of text into lines no wider than maxWidth. A word wider than a whole line (a URL, an
 * IBAN) is cut between characters rather than overflowing the margin. Always returns at least one line.
 */
export function wrapText(text: string, measure: MeasureText, maxWidth: number): string[] {
  const words = text.split(/\s+/).filter((word) => word.length > 0);
  const lines: string[] = [];
  let current = "";
  for (const word of words) {
    const candidate = current.length === 0 ? word : `${current} ${word}`;
    if (measure(candidate) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current.length > 0) lines.push(current);
    if (measure(word) <= maxWidth) {
      current = word;
      continue;
    }
    const pieces = breakLongWord(word, measure, maxWidth);
    current = pieces.pop() ?? "";
    lines.push(...pieces);
  }
  if (current.length > 0 || lines.length === 0) lines.push(current);
  return lines;
}

/** Truncates text with an ellipsis so that it fits maxWidth (for single-line table cells). */
export function fitText(text: string, measure: MeasureText, maxWidth: number): string {
  if (measure(text) <= maxWidth) return text;
  const chars = Array.from(text);
  while (chars.length > 0 && measure(`${chars.join("")}…`) > maxWidth) chars.pop();
  return `${chars.join("").trimEnd()}…`;
}
