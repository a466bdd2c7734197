import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { AppError } from "../errors";

/** Bodies of import routes: the parser hands them over as text; other media types never reach the handler. */
// Nullish: a request without a body must get past body validation, so the query's problems are the ones named.
export const ZCsvBody = z.string().nullish().describe("A CSV file (UTF-8, header line first; ',' or ';' as delimiter)");

/**
 * Accepts `text/csv` bodies on the routes of `scope` only (encapsulated, not app-wide), and refuses any other media
 * type on them: JSON would otherwise be parsed by the app-wide parser and passed on as an object.
 */
export function acceptCsvBodies(scope: FastifyInstance): void {
  scope.addContentTypeParser("text/csv", { parseAs: "string" }, (_request, body, done) => done(null, body));
  scope.addHook("preValidation", async (request) => {
    const type = request.headers["content-type"];
    // Without a body there is nothing to refuse here; validation then names what is missing.
    if (type !== undefined && !type.toLowerCase().startsWith("text/csv")) {
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", { detail: `send the file as text/csv, not ${type.split(";")[0]}` });
    }
  });
}

/** The CSV text of the request, or a 400 naming the body when none came. */
export function csvText(request: FastifyRequest): string {
  const body: unknown = request.body;
  if (typeof body !== "string" || body.trim() === "") {
    throw new AppError("VALIDATION_FAILED", {
      detail: "body: send the CSV file as a text/csv body",
      fields: [{ path: "body", message: "send the CSV file as a text/csv body" }],
    });
  }
  return body;
}
