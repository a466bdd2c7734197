/**
 * File types recognised from their first bytes, never from the name or the declared Content-Type (seed 002: uploads
 * are png, jpg, jpeg, csv, pdf, xlsx, xls; the service desk adds gif, webp, plain text, docx and doc).
 */
export const SNIFFED_TYPES = {
  png: "image/png",
  jpg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  pdf: "application/pdf",
  zip: "application/zip",
  ole: "application/x-ole-storage",
  text: "text/plain",
} as const;
export type SniffedKind = keyof typeof SNIFFED_TYPES;

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  signature.every((b, i) => bytes[offset + i] === b);

function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  let printable = 0;
  for (const b of bytes) {
    if (b === 0) return false;
    if (b === 9 || b === 10 || b === 13 || b >= 32) printable++;
  }
  return printable / bytes.length > 0.98;
}

/** The kind of content in the first bytes of a file (at least 16 bytes; 512 give text a fair sample), or null. */
export function sniffKind(head: Uint8Array): SniffedKind | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "jpg";
  if (startsWith(head, [0x47, 0x49, 0x46, 0x38])) return "gif";
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, [0x57, 0x45, 0x42, 0x50], 8)) return "webp";
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf";
  // Office Open XML (xlsx, docx) are zip packages; legacy xls/doc are OLE compound files.
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return "zip";
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "ole";
  return looksLikeText(head) ? "text" : null;
}

/** The MIME type to store and serve: container formats get the specific type their file extension claims. */
export function contentTypeFor(kind: SniffedKind, filename: string): string {
  const ext = filename.toLowerCase().split(".").pop() ?? "";
  if (kind === "zip") {
    if (ext === "xlsx") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    if (ext === "docx") return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  }
  if (kind === "ole") {
    if (ext === "xls") return "application/vnd.ms-excel";
    if (ext === "doc") return "application/msword";
  }
  if (kind === "text" && ext === "csv") return "text/csv";
  return SNIFFED_TYPES[kind];
}
