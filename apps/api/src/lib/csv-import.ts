import type { TFieldError } from "@atende/contracts";
import { AppError } from "../errors";

/** One record of a CSV file; `line` is the physical line it starts on (the header is line 1). */
export type CsvRecord = { line: number; cells: string[] };

/** A problem with one field of one line, reported as `line N: field: message`. */
export type LineError = { line: number; field: string; message: string };

const DELIMITERS = [",", ";", "\t"] as const;
/** Enough for the client to fix a file in one go without a bad file producing a megabyte of errors. */
const MAX_REPORTED_ERRORS = 200;

/**
 * The delimiter of the header line: spreadsheets in Spanish and other locales export with ';' where English ones
 * use ','. Only characters outside quotes count.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: string = ",";
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

/**
 * RFC 4180: quoted fields may hold delimiters, doubled quotes and line breaks; CRLF, LF and CR all end a record.
 * Blank lines are skipped. A quote inside an unquoted cell (5" pipe) is kept as text, as spreadsheets write it; text
 * after a closing quote or a quote never closed refuses the file on the line where it is.
 */
export function parseCsv(text: string, delimiter: string): { records: CsvRecord[] } | { error: LineError } {
  const records: CsvRecord[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let line = 1;
  let start = 1;
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let afterQuote = false;
  let blank = true;
  const endCell = () => {
    cells.push(cell);
    cell = "";
    afterQuote = false;
  };
  const endRecord = () => {
    endCell();
    if (!blank) records.push({ line: start, cells });
    cells = [];
    blank = true;
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
        afterQuote = true;
      } else {
        if (ch === "\n" || (ch === "\r" && body[i + 1] !== "\n")) line++;
        cell += ch;
      }
      continue;
    }
    if (ch === delimiter) {
      blank = false;
      endCell();
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      endRecord();
      line++;
      start = line;
    } else if (afterQuote) {
      return { error: { line, field: "format", message: "a closing quote must be followed by a delimiter" } };
    } else if (ch === '"' && cell === "") {
      quoted = true;
      blank = false;
    } else {
      cell += ch;
      if (ch.trim() !== "") blank = false;
    }
  }
  if (quoted) return { error: { line: start, field: "format", message: "a quoted field is never closed" } };
  endRecord();
  return { records };
}

/** The refusal of a whole file: 422 listing each bad line's field; nothing of the file was written. */
export function importRejected(errors: LineError[]): AppError {
  const sorted = [...errors].sort((a, b) => a.line - b.line);
  const shown = sorted.slice(0, MAX_REPORTED_ERRORS);
  const fields: TFieldError[] = shown.map((e) => ({
    path: `body.line.${e.line}.${e.field}`,
    message: `line ${e.line}: ${e.field}: ${e.message}`,
  }));
  const more = sorted.length > shown.length ? ` (the first ${shown.length} are listed)` : "";
  const lines = new Set(sorted.map((e) => e.line)).size;
  return new AppError("RULE_VIOLATION", {
    detail: `the file has ${sorted.length} error(s) on ${lines} line(s)${more}; nothing was imported`,
    fields,
  });
}

export type CsvTable<C extends string> = { line: number; values: Record<C, string> }[];

/**
 * Parses a CSV body whose header names exactly `columns` (any order, any case); each row's cells come back by
 * column name, trimmed. Any structural problem refuses the whole file.
 */
export function readCsvTable<C extends string>(text: string, columns: readonly C[], maxLines: number): CsvTable<C> {
  const parsed = parseCsv(text, detectDelimiter(text));
  if ("error" in parsed) throw importRejected([parsed.error]);
  const [header, ...rows] = parsed.records;
  if (!header)
    throw importRejected([{ line: 1, field: "header", message: `expected the columns ${columns.join(",")}` }]);
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const missing = columns.filter((c) => !names.includes(c.toLowerCase()));
  const unknown = names.filter((n) => !columns.some((c) => c.toLowerCase() === n));
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  const headerErrors: LineError[] = [
    ...(missing.length
      ? [{ line: header.line, field: "header", message: `missing column(s) ${missing.join(", ")}` }]
      : []),
    ...(unknown.length
      ? [
          {
            line: header.line,
            field: "header",
            message: `unknown column(s) ${unknown.map((n) => n || "(empty)").join(", ")}`,
          },
        ]
      : []),
    ...(repeated.length
      ? [{ line: header.line, field: "header", message: `repeated column(s) ${repeated.join(", ")}` }]
      : []),
  ];
  if (headerErrors.length) throw importRejected(headerErrors);
  if (rows.length === 0)
    throw importRejected([{ line: header.line + 1, field: "lines", message: "the file has no lines to import" }]);
  if (rows.length > maxLines) {
    throw importRejected([
      { line: rows[maxLines]!.line, field: "lines", message: `at most ${maxLines} lines per import: split the file` },
    ]);
  }
  const index = columns.map((c) => names.indexOf(c.toLowerCase()));
  const table: CsvTable<C> = [];
  const errors: LineError[] = [];
  for (const row of rows) {
    if (row.cells.length !== names.length) {
      errors.push({
        line: row.line,
        field: "format",
        message: `expected ${names.length} cells, found ${row.cells.length}`,
      });
      continue;
    }
    const values = Object.fromEntries(columns.map((c, i) => [c, row.cells[index[i]!]!.trim()])) as Record<C, string>;
    table.push({ line: row.line, values });
  }
  if (errors.length) throw importRejected(errors);
  return table;
}

/**
 * A decimal amount as written in a file ("149.90", "149,90", "150") -> integer minor units of a currency with
 * `digits` decimals, computed on the digits themselves so no binary rounding creeps in.
 */
export function decimalToMinor(
  text: string,
  digits: number,
): { ok: true; minor: number } | { ok: false; message: string } {
  const match = /^(\d{1,12})(?:[.,](\d*))?$/.exec(text);
  if (!match) return { ok: false, message: "must be an amount like 149.90 (digits, one decimal separator, no sign)" };
  const fraction = match[2] ?? "";
  if (fraction.length > digits) return { ok: false, message: `at most ${digits} decimal(s)` };
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return { ok: true, minor };
}

/** A whole number as written in a file; anything else (decimals, signs, units) is refused. */
export function wholeNumber(text: string): number | null {
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}

/** Lines that repeat a key already given earlier in the file. */
export function repeatedKeys(rows: { line: number; key: string }[], field: string): LineError[] {
  const first = new Map<string, number>();
  const errors: LineError[] = [];
  for (const row of rows) {
    const key = row.key;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, row.line);
    else errors.push({ line: row.line, field, message: `repeats line ${seen}` });
  }
  return errors;
}
