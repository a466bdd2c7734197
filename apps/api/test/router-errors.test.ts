import { describe, expect, it } from "vitest";
import { createTestApp } from "./app";

const t = await createTestApp();

describe("errors raised by the router before any route", () => {
  it("answers an over-long path parameter with a 400 problem", async () => {
    const res = await t.app.inject({ method: "GET", url: `/api/v1/public/contracts/${"a".repeat(400)}` });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      detail: "a path parameter is longer than 300 characters",
    });
  });

  it("still validates a long but routable signing token with the route's own schema", async () => {
    const res = await t.app.inject({ method: "GET", url: `/api/v1/public/contracts/${"a".repeat(250)}` });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "VALIDATION_FAILED" });
  });
});
