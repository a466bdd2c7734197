import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { TFieldError } from "@atende/contracts";
import { AppError } from "../errors";

const MAX_FIELDS = 20;

/** Paths of every string holding a NUL character, which PostgreSQL text cannot store. */
function nulPaths(value: unknown, path: string, found: TFieldError[]): void {
  if (found.length >= MAX_FIELDS) return;
  if (typeof value === "string") {
    if (value.includes("\u0000")) found.push({ path, message: "must not contain the NUL character" });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nulPaths(v, `${path}.${i}`, found));
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) nulPaths(v, `${path}.${k}`, found);
  }
}

/** One guard for every route rather than a refinement on each schema: no text field may carry NUL. */
export const textGuardPlugin = fp(async (app: FastifyInstance) => {
  app.addHook("preValidation", async (request) => {
    const found: TFieldError[] = [];
    nulPaths(request.query, "querystring", found);
    nulPaths(request.params, "params", found);
    nulPaths(request.body, "body", found);
    if (found.length) {
      throw new AppError("VALIDATION_FAILED", {
        detail: found.map((f) => `${f.path}: ${f.message}`).join("; "),
        fields: found,
      });
    }
  });
});
