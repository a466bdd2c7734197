import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it("quotes commas, quotes and line breaks, and defuses cells a spreadsheet would run as formulas", () => {
    const csv = toCsv(
      ["a", "b", "c"],
      [
        ["x,y", 'say "hi"', "=SUM(A1)"],
        [null, 3, { k: 1 }],
      ],
    );
    expect(csv).toBe('a,b,c\r\n"x,y","say ""hi""",\'=SUM(A1)\r\n,3,"{""k"":1}"\r\n');
  });
});
