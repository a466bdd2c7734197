import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { ErrorCode, TFieldError, TProblem } from "@atende/contracts";
import { ExecRuleError } from "@atende/execution";
import { AppError } from "../errors";
import { toAppError } from "../modules/execution/exec-access";
import { ERROR_STATUS, ERROR_TITLES } from "./error-status";

type Mapped = { code: ErrorCode; detail: string; fields?: TFieldError[]; headers?: Record<string, string> };

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "MALFORMED_BODY",
  FST_ERR_CTP_EMPTY_JSON_BODY: "MALFORMED_BODY",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "MALFORMED_BODY",
  FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_ERR_CTP_INVALID_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_ERR_VALIDATION: "VALIDATION_FAILED",
  FST_ERR_NOT_FOUND: "ROUTE_NOT_FOUND",
};

/** Database failures a client can cause, mapped to what they mean for the client. */
function mapDatabaseError(error: unknown): Mapped | null {
  const e = error as { code?: unknown; meta?: { target?: unknown }; cause?: { originalCode?: unknown } };
  const code = typeof e.code === "string" ? e.code : undefined;
  const original = e.cause?.originalCode ?? (e as { originalCode?: unknown }).originalCode;
  if (code === "P2002" || original === "23505") {
    return { code: "CONFLICT", detail: "a record with the same unique value already exists" };
  }
  if (code === "P2025") return { code: "NOT_FOUND", detail: "record not found" };
  if (code === "P2003" || original === "23503") {
    return { code: "VALIDATION_FAILED", detail: "a referenced record does not exist" };
  }
  // Row-level security refusing a write means the row belongs to another tenant: indistinguishable from absent.
  if (original === "42501") return { code: "NOT_FOUND", detail: "record not found" };
  if (original === "22021") return { code: "VALIDATION_FAILED", detail: "text must not contain NUL (\\u0000)" };
  if (code === "P2028" || code === "P1001" || code === "P2024") {
    return {
      code: "NOT_READY",
      detail: "the database is busy or unreachable; try again",
      headers: { "retry-after": "1" },
    };
  }
  return null;
}

export function toProblemParts(error: unknown): Mapped {
  if (error instanceof ExecRuleError) return toProblemParts(toAppError(error));
  if (error instanceof AppError) {
    return { code: error.code, detail: error.message, fields: error.fields, headers: error.headers };
  }
  const fe = error as FastifyError & { validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const where = fe.validationContext ?? "body";
    const fields = fe.validation.map((v) => ({
      path: [where, ...v.instancePath.split("/").filter(Boolean)].join("."),
      message: v.message ?? "invalid",
    }));
    return {
      code: "VALIDATION_FAILED",
      detail: fields.map((f) => `${f.path}: ${f.message}`).join("; "),
      fields,
    };
  }
  if (fe.code && FASTIFY_CODES[fe.code]) return { code: FASTIFY_CODES[fe.code]!, detail: fe.message };
  if (fe.statusCode === 429) return { code: "RATE_LIMITED", detail: "too many requests; slow down and retry later" };
  if (error instanceof SyntaxError) return { code: "MALFORMED_BODY", detail: "the body is not valid JSON" };
  const db = mapDatabaseError(error);
  if (db) return db;
  if (typeof fe.statusCode === "number" && fe.statusCode >= 400 && fe.statusCode < 500) {
    const byStatus = (Object.entries(ERROR_STATUS) as [ErrorCode, number][]).find(([, s]) => s === fe.statusCode);
    return { code: byStatus?.[0] ?? "VALIDATION_FAILED", detail: fe.message };
  }
  return { code: "INTERNAL", detail: "an unexpected error occurred" };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, parts: Mapped) {
  const status = ERROR_STATUS[parts.code];
  const body: TProblem = {
    type: `https://atende.dev/problems/${parts.code.toLowerCase().replace(/_/g, "-")}`,
    title: ERROR_TITLES[parts.code],
    status,
    detail: parts.detail,
    code: parts.code,
    ...(parts.fields ? { errors: parts.fields } : {}),
    requestId: request.id,
  };
  if (parts.headers) void reply.headers(parts.headers);
  return reply.code(status).type("application/problem+json").serializer(JSON.stringify).send(body);
}

export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error, request, reply) => {
    const parts = toProblemParts(error);
    if (parts.code === "INTERNAL" || parts.code === "NOT_READY") request.log.error({ err: error }, "request failed");
    else request.log.info({ code: parts.code }, "request refused");
    return sendProblem(request, reply, parts);
  });
});
