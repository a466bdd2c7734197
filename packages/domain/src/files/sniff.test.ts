import { describe, expect, it } from "vitest";
import { contentTypeFor, sniffKind } from "./sniff";

const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array(16).fill(0x20)]);
const text = (s: string) => new TextEncoder().encode(s);

describe("content sniffing", () => {
  it("recognises images, pdf and office containers by their signatures", () => {
    expect(sniffKind(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe("png");
    expect(sniffKind(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe("jpg");
    expect(sniffKind(text("%PDF-1.7\n..."))).toBe("pdf");
    expect(sniffKind(bytes(0x50, 0x4b, 0x03, 0x04))).toBe("zip");
    expect(sniffKind(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toBe("ole");
  });

  it("takes printable content as text and binary junk as unknown", () => {
    expect(sniffKind(text("name;postcode\nAna;28013\n"))).toBe("text");
    expect(sniffKind(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]))).toBeNull();
    expect(sniffKind(new Uint8Array([]))).toBeNull();
  });

  it("a renamed executable is not a pdf, whatever its name says", () => {
    expect(sniffKind(new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0, 0, 0]))).toBeNull();
  });

  it("names container types by extension only after the content matched", () => {
    expect(contentTypeFor("zip", "report.xlsx")).toContain("spreadsheetml");
    expect(contentTypeFor("ole", "old.xls")).toBe("application/vnd.ms-excel");
    expect(contentTypeFor("text", "list.csv")).toBe("text/csv");
    expect(contentTypeFor("zip", "archive.zip")).toBe("application/zip");
  });
});
