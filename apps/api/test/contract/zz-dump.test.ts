import { it } from "vitest";
import { writeFileSync } from "node:fs";
import { createTestApp } from "../app";

it("dump", async () => {
  const t = await createTestApp();
  const res = await t.app.inject({ method: "GET", url: "/openapi.json" });
  writeFileSync("/tmp/openapi.json", res.body);
});
