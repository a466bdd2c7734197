import { describe, expect, test } from "vitest";
import { fitText, splitParagraphs, wrapText } from "./text-layout";

// One unit per character makes widths easy to reason about.
const monospace = (text: string) => text.length;

describe("wrapText", () => {
  test("breaks greedily at spaces without exceeding the width", () => {
    expect(wrapText("a bb ccc dddd ee", monospace, 6)).toEqual(["a bb", "ccc", "dddd", "ee"]);
  });

  test("keeps every word, in order, and never exceeds the width", () => {
    const text = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor";
    const lines = wrapText(text, monospace, 15);
    expect(lines.join(" ")).toBe(text);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(15);
  });

  test("cuts a word longer than the line between characters", () => {
    expect(wrapText("go https://example.com/x", monospace, 8)).toEqual(["go", "https://", "example.", "com/x"]);
    expect(wrapText("abcdefghij", monospace, 4)).toEqual(["abcd", "efgh", "ij"]);
  });

  test("collapses whitespace and returns one empty line for empty text", () => {
    expect(wrapText("  a   b  ", monospace, 10)).toEqual(["a b"]);
    expect(wrapText("", monospace, 10)).toEqual([""]);
  });
});

describe("splitParagraphs", () => {
  test("splits on blank lines and keeps single line breaks as hard lines", () => {
    expect(splitParagraphs("1. First\n2. Second\n\n\nNext  paragraph\r\n \r\nLast")).toEqual([
      ["1. First", "2. Second"],
      ["Next paragraph"],
      ["Last"],
    ]);
  });

  test("returns nothing for blank text", () => {
    expect(splitParagraphs("")).toEqual([]);
    expect(splitParagraphs(" \n\n \t\n")).toEqual([]);
  });
});

describe("fitText", () => {
  test("leaves text that fits and ellipsises text that does not", () => {
    expect(fitText("short", monospace, 10)).toBe("short");
    expect(fitText("much too long", monospace, 8)).toBe("much to…");
    expect(fitText("much too long", monospace, 8).length).toBeLessThanOrEqual(8);
  });
});
