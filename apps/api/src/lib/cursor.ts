import type { z } from "zod";
import { AppError } from "../errors";

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

const invalid = () =>
  new AppError("VALIDATION_FAILED", {
    detail: "querystring.cursor: not a cursor this API issued",
    fields: [{ path: "querystring.cursor", message: "not a cursor this API issued" }],
  });

/** Cursors are opaque to clients; a tampered one is a 400 naming the parameter, never a 500. */
export function decodeCursor<S extends z.ZodType>(cursor: string | undefined, schema: S): z.output<S> | null {
  if (!cursor) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid();
  return parsed.data;
}
