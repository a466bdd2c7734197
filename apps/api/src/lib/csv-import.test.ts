import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { decimalToMinor, detectDelimiter, parseCsv, readCsvTable, wholeNumber } from "./csv-import";

describe("parseCsv", () => {
  it("reads quoted cells with delimiters, doubled quotes and line breaks, numbering records by their first line", () => {
    const text = '\uFEFFa,b\r\n"x, y","say ""hi"""\r\n\r\n"multi\nline",z\n5" pipe,w';
    expect(parseCsv(text, ",")).toEqual({
      records: [
        { line: 1, cells: ["a", "b"] },
        { line: 2, cells: ["x, y", 'say "hi"'] },
        { line: 4, cells: ["multi\nline", "z"] },
        { line: 6, cells: ['5" pipe', "w"] },
      ],
    });
  });

  it("reports an unclosed quote and text after a closing quote on their lines", () => {
    expect(parseCsv('a,b\n"open,b\nc,d', ",")).toEqual({
      error: { line: 2, field: "format", message: "a quoted field is never closed" },
    });
    expect(parseCsv('a,b\n"x"y,b', ",")).toEqual({
      error: { line: 2, field: "format", message: "a closing quote must be followed by a delimiter" },
    });
  });

  it("detects the header's delimiter outside quotes", () => {
    expect(detectDelimiter("sku;label\n1,2,3")).toBe(";");
    expect(detectDelimiter('"a;b;c",d\n')).toBe(",");
    expect(detectDelimiter("a\tb\tc")).toBe("\t");
    expect(detectDelimiter("single")).toBe(",");
  });
});

describe("readCsvTable", () => {
  it("maps cells to columns in any order and case, trimmed", () => {
    expect(readCsvTable("Label , SKU\n Oven , S-1 \n", ["sku", "label"] as const, 10)).toEqual([
      { line: 2, values: { sku: "S-1", label: "Oven" } },
    ]);
  });

  it("refuses repeated columns as a 422 naming line 1", () => {
    const error = (() => {
      try {
        readCsvTable("sku,label,sku\n1,2,3\n", ["sku", "label"] as const, 10);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("RULE_VIOLATION");
    expect((error as AppError).fields).toEqual([
      { path: "body.line.1.header", message: "line 1: header: repeated column(s) sku" },
    ]);
  });
});

describe("decimalToMinor", () => {
  it("converts on the digits, with either decimal separator", () => {
    expect(decimalToMinor("149.90", 2)).toEqual({ ok: true, minor: 14990 });
    expect(decimalToMinor("1,15", 2)).toEqual({ ok: true, minor: 115 });
    expect(decimalToMinor("0.5", 2)).toEqual({ ok: true, minor: 50 });
    expect(decimalToMinor("150", 2)).toEqual({ ok: true, minor: 15000 });
    expect(decimalToMinor("150.", 2)).toEqual({ ok: true, minor: 15000 });
    expect(decimalToMinor("1500", 0)).toEqual({ ok: true, minor: 1500 });
    expect(decimalToMinor("1.234", 3)).toEqual({ ok: true, minor: 1234 });
  });

  it("refuses signs, thousands separators, units and excess decimals", () => {
    for (const text of ["-1", "1.000,00", "12 €", "", "abc", "1e3"]) expect(decimalToMinor(text, 2).ok).toBe(false);
    expect(decimalToMinor("1.5", 0)).toEqual({ ok: false, message: "at most 0 decimal(s)" });
  });

  it("reads whole numbers only", () => {
    expect(wholeNumber("60")).toBe(60);
    expect(wholeNumber("60.5")).toBeNull();
    expect(wholeNumber("-5")).toBeNull();
  });
});
