import { describe, expect, it } from "vitest";
import { renderAll } from "./render";

describe("smoke", () => {
  it("renders every screen in both languages", async () => {
    for (const language of ["en", "es"] as const) {
      const out = await renderAll(language);
      for (const [name, html] of Object.entries(out)) {
        expect(html.length, name).toBeGreaterThan(100);
        expect(html, name).not.toMatch(/exec\.[a-zA-Z]+\.[a-zA-Z_]+/);
        const text = html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
        console.log(`--- ${language} ${name}: ${text.slice(0, 1200)}`);
      }
    }
  });
});
