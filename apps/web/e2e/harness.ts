import { mkdtempSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll } from "vitest";
import { createTestApp } from "../../api/test/app";
import { seedDemo } from "../../api/src/seed/demo-seed";

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist");
export const DEMO_PASSWORD = "Demo-2026!";

export type Journey = { baseUrl: string; newPage: () => Promise<Page> };

/**
 * The built SPA served by the real API over a fresh database seeded with the demo tenant, driven by Debian's
 * Chromium. Run `pnpm build` first (npm test does).
 */
export async function startJourney(): Promise<Journey> {
  if (!existsSync(path.join(WEB_DIST, "index.html")))
    throw new Error(`no SPA build in ${WEB_DIST}: run the build first`);
  const t = await createTestApp({ webDistDir: WEB_DIST });
  await seedDemo(t.ownerDb);
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  const address = t.app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    for (const c of contexts) await c.close();
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    newPage: async () => {
      const context = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), "atende-e2e-")), {
        executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
        headless: true,
        args: [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
        ],
        locale: "en-US",
      });
      contexts.push(context);
      return context.pages()[0] ?? (await context.newPage());
    },
  };
}

export async function signIn(page: Page, baseUrl: string, email: string) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/password/i).fill(DEMO_PASSWORD);
  await page.getByTestId("sign-in-submit").click();
  await page.getByTestId("sign-out").waitFor();
}
