import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "@atende/contracts";
import { AppError } from "../errors";
import { ERROR_STATUS, ERROR_TITLES } from "./error-status";
import { toProblemParts } from "./errors";

describe("error table", () => {
  it("maps every error code to an HTTP status and a title", () => {
    for (const code of Object.keys(ERROR_CODES) as Array<keyof typeof ERROR_CODES>) {
      expect(ERROR_STATUS[code], code).toBeGreaterThanOrEqual(400);
      expect(ERROR_TITLES[code], code).toBeTruthy();
    }
  });

  it("only INTERNAL is a 500 and only NOT_READY a 503", () => {
    const fivexx = Object.entries(ERROR_STATUS).filter(([, s]) => s >= 500);
    expect(fivexx.sort()).toEqual([
      ["INTERNAL", 500],
      ["NOT_READY", 503],
    ]);
  });
});

describe("toProblemParts", () => {
  it("keeps an AppError's code, detail and fields", () => {
    const parts = toProblemParts(
      new AppError("VALIDATION_FAILED", { detail: "bad", fields: [{ path: "body.x", message: "m" }] }),
    );
    expect(parts).toMatchObject({
      code: "VALIDATION_FAILED",
      detail: "bad",
      fields: [{ path: "body.x", message: "m" }],
    });
  });

  it("maps a unique violation to CONFLICT and an RLS refusal to NOT_FOUND", () => {
    expect(toProblemParts({ code: "P2002" }).code).toBe("CONFLICT");
    expect(toProblemParts({ cause: { originalCode: "42501" } }).code).toBe("NOT_FOUND");
  });

  it("maps Fastify's body errors to 4xx codes", () => {
    expect(toProblemParts({ code: "FST_ERR_CTP_BODY_TOO_LARGE", message: "too large" }).code).toBe("PAYLOAD_TOO_LARGE");
    expect(toProblemParts({ code: "FST_ERR_CTP_INVALID_MEDIA_TYPE", message: "nope" }).code).toBe(
      "UNSUPPORTED_MEDIA_TYPE",
    );
    expect(toProblemParts({ code: "FST_ERR_CTP_INVALID_JSON_BODY", message: "bad json" }).code).toBe("MALFORMED_BODY");
  });

  it("hides unknown failures behind INTERNAL", () => {
    const parts = toProblemParts(new Error("secret stack detail"));
    expect(parts.code).toBe("INTERNAL");
    expect(parts.detail).not.toContain("secret");
  });
});
