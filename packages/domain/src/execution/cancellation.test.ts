import { describe, expect, it } from "vitest";
import { CANCEL_REASONS, checkCancellation } from "./cancellation";

describe("checkCancellation", () => {
  it("accepts a listed reason with a 10-500 character justification", () => {
    expect(checkCancellation({ reason: "customer_request", justification: "Customer moved abroad" })).toEqual({
      ok: true,
    });
    expect(checkCancellation({ reason: "other", justification: "x".repeat(500) })).toEqual({ ok: true });
    expect(CANCEL_REASONS).toHaveLength(7);
  });

  it("names the field at fault", () => {
    expect(checkCancellation({ reason: "bored", justification: "Customer moved abroad" })).toMatchObject({
      ok: false,
      field: "reason",
    });
    expect(checkCancellation({ reason: "other", justification: "   too short   " })).toMatchObject({
      ok: false,
      field: "justification",
    });
    expect(checkCancellation({ reason: "other", justification: "x".repeat(501) })).toMatchObject({
      ok: false,
      field: "justification",
    });
    expect(checkCancellation({ reason: "other", justification: `  ${"x".repeat(10)}  ` })).toEqual({ ok: true });
  });
});
