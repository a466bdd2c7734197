import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFPage } from "pdf-lib";

// Node's TextDecoder treats windows-1252 as Latin-1, so bytes 0x80-0x9F (€, “, —, …) are mapped here.
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function decodeWinAnsi(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) =>
    byte >= 0x80 && byte <= 0x9f ? (CP1252_HIGH[byte - 0x80] ?? "?") : String.fromCharCode(byte),
  ).join("");
}

function contentStreams(page: PDFPage): PDFRawStream[] {
  const contents = page.node.Contents();
  const items =
    contents instanceof PDFArray ? contents.asArray().map((ref) => page.doc.context.lookup(ref)) : [contents];
  return items.filter((item): item is PDFRawStream => item instanceof PDFRawStream);
}

function hexToText(hex: string): string {
  const bytes = new Uint8Array(hex.length / 2);
  for (let index = 0; index < bytes.length; index += 1)
    bytes[index] = parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  return decodeWinAnsi(bytes);
}

/** The strings drawn with Tj on each page (pdf-lib writes them as hex strings inside Flate-compressed streams). */
export async function pageTexts(pdf: Uint8Array): Promise<string[][]> {
  const doc = await PDFDocument.load(pdf);
  return doc.getPages().map((page) =>
    contentStreams(page).flatMap((stream) => {
      const source = new TextDecoder("latin1").decode(decodePDFRawStream(stream).decode());
      return Array.from(source.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g), (match) => hexToText(match[1] ?? ""));
    }),
  );
}
