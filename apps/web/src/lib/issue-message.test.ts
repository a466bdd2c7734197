import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { ZCreateUserRequest } from "@atende/contracts";
import { ZBuParameters } from "@atende/domain";
import { formCustomMessages, issuesToMessages } from "./issue-message";
import { issuesToMessages as parameterMessages } from "../features/parameters/lib/issue-message";

// Echoes the key and its options, enough to see which message was chosen.
const t = ((key: string, options?: Record<string, unknown>) =>
  options ? `${key} ${JSON.stringify(options)}` : key) as unknown as TFunction;

function issuesOf(result: { success: boolean; error?: { issues: Parameters<typeof issuesToMessages>[0] } }) {
  expect(result.success).toBe(false);
  return result.error?.issues ?? [];
}

describe("validation messages", () => {
  const user = {
    email: "not-an-email",
    name: "",
    locale: "en",
    password: "short",
    roles: [{ role: null, buId: null, storeId: "5f0c6c2e-8a4b-4c1e-9a7e-3f1d2b6c7a80" }],
  };

  it("keeps the schema's English wording in English, replacing zod's for a missing choice or an empty field", () => {
    const messages = issuesToMessages(issuesOf(ZCreateUserRequest.safeParse(user)), t, "en", formCustomMessages);
    expect(messages["name"]).toBe("validation.required");
    expect(messages["password"]).toBe("at least 10 characters");
    expect(messages["roles.0.role"]).toBe("validation.choice");
  });

  it("builds messages from the issue in other languages", () => {
    const messages = issuesToMessages(issuesOf(ZCreateUserRequest.safeParse(user)), t, "es", formCustomMessages);
    expect(messages["email"]).toBe("validation.email");
    expect(messages["password"]).toBe('validation.minLength {"count":10}');
  });

  it("words parameter refinements per field", () => {
    const issues = issuesOf(
      ZBuParameters.safeParse({
        contractSendWindow: { days: ["mon"], from: "09:00", to: "08:00" },
        automaticAssignmentAttempts: 9,
      }),
    );
    const es = parameterMessages(issues, t, "es");
    expect(es["contractSendWindow.to"]).toBe("validation.windowOrder");
    expect(es["automaticAssignmentAttempts"]).toBe('validation.max {"max":"5"}');
    expect(parameterMessages(issues, t, "en")["automaticAssignmentAttempts"]).toBe(
      "automatic assignment attempts must be between 2 and 5 attempts",
    );
  });
});
