import type { BuParameters } from "../parameters/bu-parameters";
import type { PxStatus } from "./project-status";

export type ProjectCandidate = {
  id: string;
  customerKey: string;
  postcode: string;
  addressKey: string;
  status: PxStatus;
  createdAt: Date;
};

const DAY_MS = 24 * 60 * 60 * 1000;

const compact = (value: string) =>
  value
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\-./]/g, "");

/** Customers are matched on the fiscal id when present, else on the order system's customer id (DOMAIN 1). */
export function customerKeyOf(customer: {
  fiscalId?: string | null;
  externalCustomerId?: string | null;
}): string | null {
  const fiscal = compact(customer.fiscalId ?? "");
  if (fiscal !== "") return `fiscal:${fiscal}`;
  const id = (customer.externalCustomerId ?? "").trim();
  return id === "" ? null : `customer:${id}`;
}

function normaliseText(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function normalisePostcode(postcode: string): string {
  return compact(postcode);
}

/** The same worksite typed twice ("Calle Mayor, 5" / "calle mayor 5") gives the same key. */
export function addressKeyOf(address: { line1: string; postcode: string; city?: string }): string {
  return [normalisePostcode(address.postcode), normaliseText(address.line1), normaliseText(address.city ?? "")]
    .filter((part) => part !== "")
    .join("|");
}

/**
 * DOMAIN 3.1: same customer, same postcode and address, project neither closed nor cancelled, created within the
 * grouping window before now (the boundary instant included). The newest match wins; ties go to the smaller id for a stable answer.
 */
export function findGroupingProject(
  candidates: readonly ProjectCandidate[],
  input: { customerKey: string; postcode: string; addressKey: string },
  params: BuParameters,
  now: Date,
): string | null {
  const windowStart = now.getTime() - params.projectGroupingWindowDays * DAY_MS;
  const postcode = normalisePostcode(input.postcode);
  const matches = candidates.filter(
    (candidate) =>
      candidate.customerKey === input.customerKey &&
      normalisePostcode(candidate.postcode) === postcode &&
      candidate.addressKey === input.addressKey &&
      candidate.status !== "closed" &&
      candidate.status !== "cancelled" &&
      candidate.createdAt.getTime() >= windowStart,
  );
  matches.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id));
  return matches[0]?.id ?? null;
}
