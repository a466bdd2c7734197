import { describe, expect, it } from "vitest";
import { justificationState } from "./justification";

describe("justificationState", () => {
  it("counts trimmed characters and accepts 10 to 500", () => {
    expect(justificationState("  short  ")).toEqual({ length: 5, tooShort: true, tooLong: false, valid: false });
    expect(justificationState("0123456789").valid).toBe(true);
    expect(justificationState("x".repeat(500)).valid).toBe(true);
    expect(justificationState("x".repeat(501))).toMatchObject({ tooLong: true, valid: false });
    expect(justificationState("          ")).toMatchObject({ length: 0, valid: false });
  });
});
