import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, test } from "vitest";
import { isWinAnsiCodePoint, toWinAnsi } from "./win-ansi";

describe("toWinAnsi", () => {
  test("keeps ASCII, accented Latin letters, the euro sign and typographic punctuation", () => {
    const text =
      "Hello, world! áéíóú ÁÉÍÓÚ ñÑ çÇ ãõ ÃÕ üÜ àèò âêô ß æøå Œœ Šš Žž Ÿ 12,50 € “quoted” ‘single’ – — … • ™";
    expect(toWinAnsi(text)).toBe(text);
  });

  test("replaces each emoji or CJK grapheme with a single question mark", () => {
    expect(toWinAnsi("José 😀")).toBe("José ?");
    expect(toWinAnsi("👨‍👩‍👧 family")).toBe("? family");
    expect(toWinAnsi("🇪🇸")).toBe("?");
    expect(toWinAnsi("李小龙")).toBe("???");
    expect(toWinAnsi("Привет")).toBe("??????");
  });

  test("composes decomposed accents and falls back to the base letter when the accented one is missing", () => {
    expect(toWinAnsi("Jose\u0301")).toBe("José");
    expect(toWinAnsi("Dvořák")).toBe("Dvorák");
    expect(toWinAnsi("Ştefan")).toBe("Stefan");
    expect(toWinAnsi("Łukasz")).toBe("?ukasz");
  });

  test("turns line breaks, tabs and Unicode spaces into plain spaces and other controls into ?", () => {
    expect(toWinAnsi("a\nb\r\nc\td\u202fe\u2009f")).toBe("a b c d e f");
    expect(toWinAnsi("a\u0000b")).toBe("a?b");
    expect(toWinAnsi("−5 ‑ x")).toBe("-5 - x");
  });

  test("its alphabet is exactly what the standard Helvetica font can encode", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const supported = new Set(font.getCharacterSet());
    for (let codePoint = 0; codePoint <= 0x2200; codePoint += 1) {
      expect(isWinAnsiCodePoint(codePoint), `U+${codePoint.toString(16)}`).toBe(supported.has(codePoint));
    }
  });

  test("its output never makes pdf-lib throw", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const nasty = "Ωμέγα 漢字 🙂 \u0007 \uFFFD \uD800 Ä ẞ ǅ \u200D\uFE0F ß ŉ ﬁ";
    expect(() => font.encodeText(nasty)).toThrow();
    expect(() => font.encodeText(toWinAnsi(nasty))).not.toThrow();
  });
});
