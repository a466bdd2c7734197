import { describe, expect, it } from "vitest";
import { z } from "zod";
import { errorAt, issuesToFieldErrors, problemToFieldErrors, unplacedErrors } from "./field-errors";

describe("problem -> field errors", () => {
  it("strips the body prefix so server paths match form fields", () => {
    expect(
      problemToFieldErrors([
        { path: "body.name", message: "too short" },
        { path: "body.roles.0.buId", message: "a store scope needs its business unit" },
        { path: "querystring.cursor", message: "not a cursor" },
      ]),
    ).toEqual({ name: "too short", "roles.0.buId": "a store scope needs its business unit" });
  });

  it("maps parameter paths relative to the parameters object", () => {
    expect(
      problemToFieldErrors(
        [
          { path: "body.parameters.automaticAssignmentAttempts", message: "must be between 2 and 5 attempts" },
          { path: "body.parameters.contractSendWindow.to", message: "must start before it ends" },
          { path: "body.comment", message: "too long" },
        ],
        "body.parameters",
      ),
    ).toEqual({
      automaticAssignmentAttempts: "must be between 2 and 5 attempts",
      "contractSendWindow.to": "must start before it ends",
    });
  });

  it("keeps the first message of a path", () => {
    expect(
      problemToFieldErrors([
        { path: "body.email", message: "first" },
        { path: "body.email", message: "second" },
      ]),
    ).toEqual({ email: "first" });
  });
});

describe("zod issues -> field errors", () => {
  it("joins issue paths with dots", () => {
    const schema = z.object({
      name: z.string().min(1, "required"),
      roles: z.array(z.object({ role: z.string().min(1, "pick a role") })),
    });
    const result = schema.safeParse({ name: "", roles: [{ role: "" }] });
    expect(result.success).toBe(false);
    expect(issuesToFieldErrors(result.error?.issues ?? [])).toEqual({
      name: "required",
      "roles.0.role": "pick a role",
    });
  });
});

describe("errorAt / unplacedErrors", () => {
  const errors = { "lateCheckoutAlertHours.0": "must be positive", name: "required", "headers.x": "odd" };
  it("finds nested messages under a field", () => {
    expect(errorAt(errors, "lateCheckoutAlertHours")).toBe("must be positive");
    expect(errorAt(errors, "name")).toBe("required");
    expect(errorAt(errors, "email")).toBeUndefined();
  });
  it("lists what no field shows", () => {
    expect(unplacedErrors(errors, ["name", "lateCheckoutAlertHours"])).toEqual(["headers.x: odd"]);
  });
});
