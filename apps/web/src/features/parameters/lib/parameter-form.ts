import { BU_PARAMETER_KEYS, WEEKDAYS, type BuParameters } from "@atende/domain";
import { deepEqual } from "../../../lib/deep-equal";
import { decimalToMinor, minorToDecimal } from "../../../lib/money";

export type ParameterKey = keyof BuParameters;

/** How the admin form groups the parameters; every parameter appears exactly once (a unit test checks it). */
export const PARAMETER_GROUPS = [
  {
    key: "projects",
    parameters: ["projectGroupingWindowDays", "projectOnHoldDays", "blockSellerOnDuplicateTechnicalVisits"],
  },
  { key: "ordersAndDates", parameters: ["orderBufferHours", "installationBufferDays"] },
  {
    key: "contracts",
    parameters: [
      "contractAutoSendDelayMinutes",
      "contractSendWindow",
      "contractReminderIntervalHours",
      "contractNotSignedTaskAfterHours",
      "skipContractAllowed",
    ],
  },
  { key: "assignment", parameters: ["assignmentMode", "bidOfferTimeoutMinutes", "automaticAssignmentAttempts"] },
  {
    key: "extraCosts",
    parameters: ["extraCostMaximumMinor", "extraCostAllowedInWaitingForWcf", "serviceLineUpdatesAllowedInProgress"],
  },
  {
    key: "wcfAndClosing",
    parameters: [
      "wcfReminderIntervalHours",
      "wcfNotSignedTaskAfterDays",
      "doneToClosedTimeoutDays",
      "lateCheckoutAlertHours",
    ],
  },
  { key: "scheduling", parameters: ["travelBufferMinutes", "sellerMinimumDurationRatio", "bookableHorizonDays"] },
  { key: "serviceDesk", parameters: ["ticketReopenWindowDays", "ticketAutoCloseDays"] },
] as const satisfies readonly { key: string; parameters: readonly ParameterKey[] }[];

export type WindowValue = { days: string[]; from: string; to: string };

/**
 * What the inputs hold: numbers may be a partly typed string, money is in major units (1000.00, not 100000),
 * the alert hours are a comma list as typed.
 */
export type ParameterFormValues = {
  [K in ParameterKey]: K extends "contractSendWindow"
    ? WindowValue
    : K extends "lateCheckoutAlertHours"
      ? string
      : BuParameters[K] extends boolean
        ? boolean
        : BuParameters[K] extends number
          ? number | string
          : string;
};

export function toFormValues(parameters: BuParameters, currency: string): ParameterFormValues {
  return {
    ...parameters,
    contractSendWindow: { ...parameters.contractSendWindow, days: [...parameters.contractSendWindow.days] },
    extraCostMaximumMinor: minorToDecimal(parameters.extraCostMaximumMinor, currency),
    lateCheckoutAlertHours: parameters.lateCheckoutAlertHours.join(", "),
  };
}

/**
 * A number from an input, or the raw text when it is not one, so validation names the field
 * instead of a default silently standing in for it.
 */
export function numberFromInput(value: number | string): number | string | null {
  if (typeof value === "number") return value;
  const text = value.trim();
  if (text === "") return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : value;
}

export function parseHourList(text: string): (number | string)[] {
  return text
    .split(/[\s,;]+/)
    .filter((part) => part !== "")
    .map((part) => numberFromInput(part) ?? part);
}

/** Days in week order, so ticking chips in any order is the same window. */
export function sortDays(days: readonly string[]): string[] {
  const order = (day: string) => {
    const index = (WEEKDAYS as readonly string[]).indexOf(day);
    return index === -1 ? WEEKDAYS.length : index;
  };
  return [...days].sort((a, b) => order(a) - order(b));
}

/** The candidate parameter set (not yet validated) the form values stand for. */
export function fromFormValues(values: ParameterFormValues, currency: string): Record<ParameterKey, unknown> {
  const result = {} as Record<ParameterKey, unknown>;
  for (const key of BU_PARAMETER_KEYS) {
    const value = values[key];
    if (key === "contractSendWindow") {
      const window = values.contractSendWindow;
      result[key] = { days: sortDays(window.days), from: window.from.trim(), to: window.to.trim() };
    } else if (key === "lateCheckoutAlertHours") {
      result[key] = parseHourList(values.lateCheckoutAlertHours);
    } else if (key === "extraCostMaximumMinor") {
      const amount = numberFromInput(values.extraCostMaximumMinor);
      result[key] = typeof amount === "number" ? decimalToMinor(amount, currency) : amount;
    } else if (typeof value === "number" || (typeof value === "string" && key !== "assignmentMode")) {
      result[key] = numberFromInput(value);
    } else {
      result[key] = value;
    }
  }
  return result;
}

function comparable(parameters: Record<string, unknown>): Record<string, unknown> {
  const window = parameters["contractSendWindow"];
  if (typeof window !== "object" || window === null || !("days" in window) || !Array.isArray(window.days))
    return parameters;
  return { ...parameters, contractSendWindow: { ...window, days: sortDays(window.days.map(String)) } };
}

/** Whether the form differs from the saved set (Save is disabled otherwise: the API refuses a no-op with 422). */
export function hasChanges(candidate: Record<string, unknown>, saved: BuParameters): boolean {
  return !deepEqual(comparable(candidate), comparable({ ...saved }));
}

/** A server path such as "body.parameters.contractSendWindow.to" -> the form path "contractSendWindow.to". */
export const SERVER_PARAMETERS_BASE = "body.parameters";
