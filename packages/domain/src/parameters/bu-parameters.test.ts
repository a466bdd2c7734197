import { describe, expect, it } from "vitest";
import {
  BU_PARAMETER_KEYS,
  BU_PARAMETER_META,
  defaultBuParameters,
  diffBuParameters,
  ZBuParameters,
  type BuParameters,
} from "./bu-parameters";

// DOMAIN.md section 6, transcribed by hand so a drifting default fails here.
const SECTION_6: BuParameters = {
  projectGroupingWindowDays: 90,
  projectOnHoldDays: 90,
  orderBufferHours: 48,
  installationBufferDays: 0,
  contractAutoSendDelayMinutes: 60,
  contractSendWindow: { days: ["mon", "tue", "wed", "thu", "fri"], from: "07:00", to: "23:00" },
  contractReminderIntervalHours: 24,
  contractNotSignedTaskAfterHours: 72,
  skipContractAllowed: false,
  blockSellerOnDuplicateTechnicalVisits: false,
  assignmentMode: "direct",
  bidOfferTimeoutMinutes: 240,
  automaticAssignmentAttempts: 3,
  travelBufferMinutes: 30,
  extraCostMaximumMinor: 100_000,
  extraCostAllowedInWaitingForWcf: true,
  serviceLineUpdatesAllowedInProgress: true,
  sellerMinimumDurationRatio: 2 / 3,
  wcfReminderIntervalHours: 24,
  wcfNotSignedTaskAfterDays: 7,
  doneToClosedTimeoutDays: 30,
  lateCheckoutAlertHours: [48, 168],
  bookableHorizonDays: 90,
  // Section 2: a resolved ticket can be reopened within a window and closes itself after N days.
  ticketReopenWindowDays: 7,
  ticketAutoCloseDays: 5,
};

function firstIssue(input: unknown) {
  const result = ZBuParameters.safeParse(input);
  expect(result.success).toBe(false);
  const issue = result.error?.issues[0];
  if (!issue) throw new Error("expected an issue");
  return issue;
}

describe("BU parameter defaults", () => {
  it("an empty object parses to the section 6 defaults", () => {
    expect(ZBuParameters.parse({})).toEqual(SECTION_6);
  });

  it("countries without overrides get the plain defaults", () => {
    expect(defaultBuParameters("FR")).toEqual(SECTION_6);
  });

  it("Spain skips contracts, blocks duplicate technical visits, updates lines in progress", () => {
    expect(defaultBuParameters("ES")).toEqual({
      ...SECTION_6,
      orderBufferHours: 48,
      skipContractAllowed: true,
      blockSellerOnDuplicateTechnicalVisits: true,
      serviceLineUpdatesAllowedInProgress: true,
    });
  });

  it("Portugal has a 72 h order buffer and no service-line updates in progress", () => {
    expect(defaultBuParameters("PT")).toEqual({
      ...SECTION_6,
      orderBufferHours: 72,
      skipContractAllowed: false,
      blockSellerOnDuplicateTechnicalVisits: false,
      serviceLineUpdatesAllowedInProgress: false,
    });
  });

  it("Italy blocks duplicate technical visits", () => {
    expect(defaultBuParameters("IT")).toEqual({ ...SECTION_6, blockSellerOnDuplicateTechnicalVisits: true });
  });

  it("accepts a lowercase country code", () => {
    expect(defaultBuParameters("pt").orderBufferHours).toBe(72);
  });

  it("defaults are fresh values, not shared ones", () => {
    const a = defaultBuParameters("ES");
    a.contractSendWindow.days.push("sat");
    a.lateCheckoutAlertHours.push(400);
    expect(defaultBuParameters("ES").contractSendWindow.days).toHaveLength(5);
    expect(defaultBuParameters("ES").lateCheckoutAlertHours).toEqual([48, 168]);
  });

  it("every parameter has admin form metadata", () => {
    expect(Object.keys(BU_PARAMETER_META).sort()).toEqual([...BU_PARAMETER_KEYS].sort());
    for (const key of BU_PARAMETER_KEYS) expect(BU_PARAMETER_META[key].source).toMatch(/^(002|DOMAIN 2) /);
  });
});

describe("BU parameter validation", () => {
  it("keeps given values", () => {
    expect(ZBuParameters.parse({ automaticAssignmentAttempts: 5, assignmentMode: "manual" })).toMatchObject({
      automaticAssignmentAttempts: 5,
      assignmentMode: "manual",
    });
  });

  it("rejects automaticAssignmentAttempts outside 2..5, naming the field", () => {
    const issue = firstIssue({ automaticAssignmentAttempts: 6 });
    expect(issue.path).toEqual(["automaticAssignmentAttempts"]);
    expect(issue.message).toBe("automatic assignment attempts must be between 2 and 5 attempts");
    expect(firstIssue({ automaticAssignmentAttempts: 1 }).path).toEqual(["automaticAssignmentAttempts"]);
    expect(firstIssue({ automaticAssignmentAttempts: 2.5 }).message).toMatch(/whole number/);
  });

  it("bounds the ticket reopen window to 0..90 days and the auto-close delay to 1..90 days, naming the field", () => {
    expect(ZBuParameters.parse({ ticketReopenWindowDays: 0, ticketAutoCloseDays: 90 })).toMatchObject({
      ticketReopenWindowDays: 0,
      ticketAutoCloseDays: 90,
    });
    const window = firstIssue({ ticketReopenWindowDays: 91 });
    expect(window.path).toEqual(["ticketReopenWindowDays"]);
    expect(window.message).toBe("ticket reopen window must be between 0 and 90 days");
    expect(firstIssue({ ticketReopenWindowDays: -1 }).path).toEqual(["ticketReopenWindowDays"]);
    expect(firstIssue({ ticketReopenWindowDays: 1.5 }).message).toBe(
      "ticket reopen window must be a whole number of days",
    );
    const delay = firstIssue({ ticketAutoCloseDays: 0 });
    expect(delay.path).toEqual(["ticketAutoCloseDays"]);
    expect(delay.message).toBe("ticket auto-close delay must be between 1 and 90 days");
    expect(firstIssue({ ticketAutoCloseDays: 91 }).path).toEqual(["ticketAutoCloseDays"]);
    expect(firstIssue({ ticketAutoCloseDays: "5" }).message).toBe("ticket auto-close delay must be a number");
  });

  it("rejects a contract send window that does not start before it ends", () => {
    for (const [from, to] of [
      ["23:00", "07:00"],
      ["09:00", "09:00"],
    ] as const) {
      const issue = firstIssue({ contractSendWindow: { days: ["mon"], from, to } });
      expect(issue.path).toEqual(["contractSendWindow", "to"]);
      expect(issue.message).toBe("contract send window must start before it ends");
    }
    expect(
      ZBuParameters.parse({ contractSendWindow: { days: ["sat"], from: "00:00", to: "24:00" } }).contractSendWindow,
    ).toEqual({
      days: ["sat"],
      from: "00:00",
      to: "24:00",
    });
  });

  it("rejects malformed send windows", () => {
    expect(firstIssue({ contractSendWindow: { days: [], from: "07:00", to: "23:00" } }).message).toBe(
      "contract send window needs at least one day",
    );
    expect(firstIssue({ contractSendWindow: { days: ["mon", "mon"], from: "07:00", to: "23:00" } }).message).toBe(
      "contract send window lists a day twice",
    );
    expect(firstIssue({ contractSendWindow: { days: ["mon"], from: "7:00", to: "23:00" } }).path).toEqual([
      "contractSendWindow",
      "from",
    ]);
    expect(firstIssue({ contractSendWindow: { days: ["mon"], from: "24:00", to: "24:00" } }).path).toEqual([
      "contractSendWindow",
      "from",
    ]);
    expect(firstIssue({ contractSendWindow: { days: ["funday"], from: "07:00", to: "23:00" } }).path).toEqual([
      "contractSendWindow",
      "days",
      0,
    ]);
  });

  it("rejects unknown keys by name", () => {
    const issue = firstIssue({ surpriseParameter: 1 });
    expect(issue.code).toBe("unrecognized_keys");
    expect(issue.message).toBe("unknown parameter: surpriseParameter");
  });

  it("rejects values of the wrong type with the field's name", () => {
    expect(firstIssue({ skipContractAllowed: "yes" }).message).toBe("skip-contract allowed must be true or false");
    expect(firstIssue({ orderBufferHours: "48" }).message).toBe("order buffer must be a number");
    expect(firstIssue({ assignmentMode: "auction" }).message).toBe("assignment mode must be direct, bid or manual");
    expect(firstIssue(null).message).toBe("BU parameters must be an object");
  });

  it("bounds money and ratio", () => {
    expect(firstIssue({ extraCostMaximumMinor: -1 }).path).toEqual(["extraCostMaximumMinor"]);
    expect(firstIssue({ extraCostMaximumMinor: 100_000_001 }).message).toMatch(/^extra cost maximum/);
    expect(firstIssue({ sellerMinimumDurationRatio: 1.5 }).message).toBe(
      "seller minimum duration ratio must be between 0.1 and 1",
    );
    expect(firstIssue({ sellerMinimumDurationRatio: 0 }).path).toEqual(["sellerMinimumDurationRatio"]);
  });

  it("late check-out alerts are 1 to 3 ascending positive hours", () => {
    expect(ZBuParameters.parse({ lateCheckoutAlertHours: [24] }).lateCheckoutAlertHours).toEqual([24]);
    expect(firstIssue({ lateCheckoutAlertHours: [] }).message).toBe("late check-out alerts needs at least one value");
    expect(firstIssue({ lateCheckoutAlertHours: [1, 2, 3, 4] }).message).toBe(
      "late check-out alerts takes at most 3 values",
    );
    expect(firstIssue({ lateCheckoutAlertHours: [168, 48] }).message).toBe(
      "late check-out alerts must be in ascending order without repeats",
    );
    expect(firstIssue({ lateCheckoutAlertHours: [48, 48] }).path).toEqual(["lateCheckoutAlertHours"]);
    expect(firstIssue({ lateCheckoutAlertHours: [0, 48] }).path).toEqual(["lateCheckoutAlertHours", 0]);
  });
});

describe("diffBuParameters", () => {
  it("is empty for equal parameters, including distinct but equal nested values", () => {
    expect(diffBuParameters(defaultBuParameters("ES"), defaultBuParameters("ES"))).toEqual([]);
  });

  it("lists each changed top-level key with before and after, in schema order", () => {
    const before = defaultBuParameters("FR");
    const after: BuParameters = {
      ...before,
      orderBufferHours: 72,
      contractSendWindow: { ...before.contractSendWindow, days: ["mon", "tue", "wed", "thu", "fri", "sat"] },
      lateCheckoutAlertHours: [48, 168, 336],
    };
    expect(diffBuParameters(before, after)).toEqual([
      { key: "orderBufferHours", before: 48, after: 72 },
      {
        key: "contractSendWindow",
        before: before.contractSendWindow,
        after: after.contractSendWindow,
      },
      { key: "lateCheckoutAlertHours", before: [48, 168], after: [48, 168, 336] },
    ]);
  });

  it("a window time change is a change of the whole window", () => {
    const before = defaultBuParameters("PT");
    const after = { ...before, contractSendWindow: { ...before.contractSendWindow, to: "22:00" } };
    expect(diffBuParameters(before, after).map((change) => change.key)).toEqual(["contractSendWindow"]);
  });
});
