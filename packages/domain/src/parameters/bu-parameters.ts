import { z } from "zod";
import { deepEqual } from "./deep-equal";
import { ascendingHours, boundedInt, flag, timeWindow, type Weekday } from "./field-schemas";

const WORKWEEK: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri"];

export const ASSIGNMENT_MODES = ["direct", "bid", "manual"] as const;

export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];

/** Every parameter of DOMAIN.md section 6, defaulted as the seeds say, plus the service desk's windows of section 2. */
export const ZBuParameters = z
  .object(
    {
      projectGroupingWindowDays: boundedInt("project grouping window", 1, 730, "days").default(90),
      projectOnHoldDays: boundedInt("project on-hold period", 1, 730, "days").default(90),
      orderBufferHours: boundedInt("order buffer", 0, 720, "hours").default(48),
      installationBufferDays: boundedInt("installation buffer", 0, 90, "days").default(0),
      contractAutoSendDelayMinutes: boundedInt("contract auto-send delay", 0, 10080, "minutes").default(60),
      contractSendWindow: timeWindow("contract send window").default(() => ({
        days: [...WORKWEEK],
        from: "07:00",
        to: "23:00",
      })),
      contractReminderIntervalHours: boundedInt("contract reminder interval", 1, 168, "hours").default(24),
      contractNotSignedTaskAfterHours: boundedInt("contract-not-signed task delay", 1, 720, "hours").default(72),
      skipContractAllowed: flag("skip-contract allowed").default(false),
      blockSellerOnDuplicateTechnicalVisits: flag("block seller on duplicate technical visits").default(false),
      assignmentMode: z
        .enum(ASSIGNMENT_MODES, { error: "assignment mode must be direct, bid or manual" })
        .default("direct"),
      bidOfferTimeoutMinutes: boundedInt("bid offer timeout", 5, 10080, "minutes").default(240),
      automaticAssignmentAttempts: boundedInt("automatic assignment attempts", 2, 5, "attempts").default(3),
      travelBufferMinutes: boundedInt("travel buffer", 0, 480, "minutes").default(30),
      extraCostMaximumMinor: boundedInt("extra cost maximum", 0, 100_000_000, "minor units").default(100_000),
      extraCostAllowedInWaitingForWcf: flag("extra cost allowed in waiting for WCF").default(true),
      serviceLineUpdatesAllowedInProgress: flag("service-line updates allowed in progress").default(true),
      sellerMinimumDurationRatio: z
        .number({ error: "seller minimum duration ratio must be a number" })
        .min(0.1, { error: "seller minimum duration ratio must be between 0.1 and 1" })
        .max(1, { error: "seller minimum duration ratio must be between 0.1 and 1" })
        .default(2 / 3),
      wcfReminderIntervalHours: boundedInt("WCF reminder interval", 1, 168, "hours").default(24),
      wcfNotSignedTaskAfterDays: boundedInt("WCF-not-signed task delay", 1, 90, "days").default(7),
      doneToClosedTimeoutDays: boundedInt("done to closed timeout", 1, 365, "days").default(30),
      lateCheckoutAlertHours: ascendingHours("late check-out alerts", 3, 720).default(() => [48, 168]),
      bookableHorizonDays: boundedInt("bookable horizon", 1, 365, "days").default(90),
      ticketReopenWindowDays: boundedInt("ticket reopen window", 0, 90, "days").default(7),
      ticketAutoCloseDays: boundedInt("ticket auto-close delay", 1, 90, "days").default(5),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `unknown parameter: ${issue.keys.join(", ")}`
          : "BU parameters must be an object",
    },
  )
  .strict();

export type BuParameters = z.output<typeof ZBuParameters>;

export const BU_PARAMETER_KEYS = Object.keys(ZBuParameters.shape) as (keyof BuParameters)[];

const COUNTRY_OVERRIDES: Record<string, Partial<BuParameters>> = {
  ES: {
    orderBufferHours: 48,
    skipContractAllowed: true,
    blockSellerOnDuplicateTechnicalVisits: true,
    serviceLineUpdatesAllowedInProgress: true,
  },
  PT: {
    orderBufferHours: 72,
    skipContractAllowed: false,
    blockSellerOnDuplicateTechnicalVisits: false,
    serviceLineUpdatesAllowedInProgress: false,
  },
  IT: { blockSellerOnDuplicateTechnicalVisits: true },
};

/** Defaults for a new BU of the given ISO 3166-1 alpha-2 country. */
export function defaultBuParameters(country: string): BuParameters {
  return ZBuParameters.parse(COUNTRY_OVERRIDES[country.toUpperCase()] ?? {});
}

export type BuParameterUnit =
  "hours" | "days" | "minutes" | "boolean" | "ratio" | "money" | "enum" | "window" | "list" | "count";

export type BuParameterMeta = { unit: BuParameterUnit; source: string };

export const BU_PARAMETER_META: Record<keyof BuParameters, BuParameterMeta> = {
  projectGroupingWindowDays: { unit: "days", source: "002 PX rule (3 months)" },
  projectOnHoldDays: { unit: "days", source: "002 PX statuses" },
  orderBufferHours: { unit: "hours", source: "002 Pyxis order (weekends excluded; 48 h ES, 72 h PT)" },
  installationBufferDays: { unit: "days", source: "002 installation buffer X" },
  contractAutoSendDelayMinutes: { unit: "minutes", source: "002 contract" },
  contractSendWindow: { unit: "window", source: "002 contract" },
  contractReminderIntervalHours: { unit: "hours", source: "002 contract reminders" },
  contractNotSignedTaskAfterHours: { unit: "hours", source: "002 contract task (elsewhere 7 days)" },
  skipContractAllowed: { unit: "boolean", source: "002 skip contract (true for ES)" },
  blockSellerOnDuplicateTechnicalVisits: { unit: "boolean", source: "002 technical visits (true for ES, IT)" },
  assignmentMode: { unit: "enum", source: "002 provider assignment (PT online sales by hand)" },
  bidOfferTimeoutMinutes: { unit: "minutes", source: "002 bid (value not given)" },
  automaticAssignmentAttempts: { unit: "count", source: "002 automatic assignment (2-5)" },
  travelBufferMinutes: { unit: "minutes", source: "002 scheduling (value not given)" },
  extraCostMaximumMinor: { unit: "money", source: "002 extra cost (LMES 1000.00)" },
  extraCostAllowedInWaitingForWcf: { unit: "boolean", source: "002 activities table" },
  serviceLineUpdatesAllowedInProgress: { unit: "boolean", source: "002 service lines (true ES, false PT)" },
  sellerMinimumDurationRatio: { unit: "ratio", source: "002 seller duration (2/3 of original)" },
  wcfReminderIntervalHours: { unit: "hours", source: "002 WCF reminders" },
  wcfNotSignedTaskAfterDays: { unit: "days", source: "002 WCF task" },
  doneToClosedTimeoutDays: { unit: "days", source: "002 done to closed" },
  lateCheckoutAlertHours: { unit: "list", source: "002 late check-out alerts (48 h, 7 days)" },
  bookableHorizonDays: { unit: "days", source: "002 available day for booking" },
  ticketReopenWindowDays: { unit: "days", source: "DOMAIN 2 ticket status (reopened within a window)" },
  ticketAutoCloseDays: { unit: "days", source: "DOMAIN 2 ticket status (closed automatically after N days)" },
};

export type ParameterChange = { key: string; before: unknown; after: unknown };

/** One change per top-level parameter whose value differs, in schema order (audit before/after). */
export function diffBuParameters(before: BuParameters, after: BuParameters): ParameterChange[] {
  return BU_PARAMETER_KEYS.filter((key) => !deepEqual(before[key], after[key])).map((key) => ({
    key,
    before: before[key],
    after: after[key],
  }));
}
