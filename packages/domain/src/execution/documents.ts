import { contentTypeFor, type SniffedKind } from "../files/sniff";

export const DOCUMENT_CATEGORIES = ["legal", "provider_photos", "provider_documents", "budget", "other"] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];

export const JOB_UPLOAD_EXTENSIONS = ["png", "jpg", "jpeg", "csv", "pdf", "xlsx", "xls"] as const;
export type JobUploadExtension = (typeof JOB_UPLOAD_EXTENSIONS)[number];

/** The content each accepted extension must have: containers (zip, ole, text) are told apart by the name. */
const EXPECTED_KIND: Record<JobUploadExtension, SniffedKind> = {
  png: "png",
  jpg: "jpg",
  jpeg: "jpg",
  pdf: "pdf",
  xlsx: "zip",
  xls: "ole",
  csv: "text",
};

export function isDocumentCategory(value: unknown): value is DocumentCategory {
  return (DOCUMENT_CATEGORIES as readonly unknown[]).includes(value);
}

function extensionOf(filename: string): JobUploadExtension | null {
  const dot = filename.lastIndexOf(".");
  const ext = dot < 0 ? "" : filename.slice(dot + 1).toLowerCase();
  return (JOB_UPLOAD_EXTENSIONS as readonly string[]).includes(ext) ? (ext as JobUploadExtension) : null;
}

/** A job document is accepted when its name has an allowed extension and its first bytes match that extension. */
export function acceptJobUpload(
  filename: string,
  sniffedKind: SniffedKind | null,
): { ok: true; contentType: string } | { ok: false; message: string } {
  const ext = extensionOf(filename);
  if (ext === null) {
    return { ok: false, message: `Only ${JOB_UPLOAD_EXTENSIONS.join(", ")} files can be uploaded to a job.` };
  }
  if (sniffedKind !== EXPECTED_KIND[ext]) {
    return { ok: false, message: `The content of ${filename} is not a valid ${ext.toUpperCase()} file.` };
  }
  return { ok: true, contentType: contentTypeFor(sniffedKind, filename) };
}
