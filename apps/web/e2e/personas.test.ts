import { beforeAll, describe, expect, it } from "vitest";
import { signIn, startJourney, type Journey } from "./harness";

let j: Journey;

beforeAll(async () => {
  j = await startJourney();
}, 120_000);

// Each demo persona lands in the app and sees the navigation its roles allow, and nothing of the admin's.
const PERSONAS: Array<[email: string, sees: string, doesNotSee: string]> = [
  ["admin@demo.test", "nav-admin.users", "nav-provider.jobs"],
  ["bu-admin@demo.test", "nav-admin.parameters", "nav-admin.users"],
  ["operator@demo.test", "nav-operator.queue", "nav-admin.parameters"],
  ["exec-admin@demo.test", "nav-operator.projects", "nav-admin.users"],
  ["seller@demo.test", "nav-seller.projects", "nav-operator.queue"],
  ["customer@demo.test", "nav-portal.tickets", "nav-operator.queue"],
  ["provider@demo.test", "nav-provider.jobs", "nav-portal.tickets"],
  ["worker@demo.test", "nav-provider.jobs", "nav-admin.audit"],
];

describe("demo personas", () => {
  it.each(PERSONAS)(
    "%s signs in and sees %s",
    async (email, sees, doesNotSee) => {
      const page = await j.newPage();
      await signIn(page, j.baseUrl, email);
      await page.getByTestId(sees).first().waitFor();
      expect(await page.getByTestId(doesNotSee).count()).toBe(0);
      await page.context().close();
    },
    60_000,
  );
});
