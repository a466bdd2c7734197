// Code points above Latin-1 that the WinAnsi (CP1252) encoding of the PDF standard fonts can still draw.
const CP1252_EXTRAS = [
  0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c,
  0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
];
const EXTRAS = new Set(CP1252_EXTRAS);

// Look-alikes that Intl and word processors emit but CP1252 lacks.
const SUBSTITUTES: Readonly<Record<string, string>> = {
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2212": "-",
  "\u2032": "'",
  "\u2033": '"',
};

const SEGMENTER = new Intl.Segmenter("en", { granularity: "grapheme" });

export function isWinAnsiCodePoint(codePoint: number): boolean {
  return (codePoint >= 0x20 && codePoint <= 0x7e) || (codePoint >= 0xa0 && codePoint <= 0xff) || EXTRAS.has(codePoint);
}

function encodable(text: string): boolean {
  for (const char of text) {
    if (!isWinAnsiCodePoint(char.codePointAt(0) ?? 0)) return false;
  }
  return true;
}

function sanitiseGrapheme(grapheme: string): string {
  if (/^\s+$/u.test(grapheme)) return " ";
  const composed = grapheme.normalize("NFC");
  if (encodable(composed)) return composed;
  const substitute = SUBSTITUTES[composed];
  if (substitute !== undefined) return substitute;
  // "ř" or "ă" are not in CP1252 but their base letter is: "Dvořák" reads better as "Dvorák" than "Dvo?ák".
  const base = composed.normalize("NFD").replace(/\p{M}+/gu, "");
  if (base.length > 0 && encodable(base)) return base;
  return "?";
}

/**
 * Makes any string drawable with pdf-lib's standard fonts, which throw on characters outside WinAnsi. Whitespace
 * (including line breaks and Unicode spaces) becomes a plain space; each unencodable grapheme (an emoji sequence, a
 * CJK character) becomes a single "?".
 */
export function toWinAnsi(text: string): string {
  let out = "";
  for (const { segment } of SEGMENTER.segment(text)) out += sanitiseGrapheme(segment);
  return out;
}
