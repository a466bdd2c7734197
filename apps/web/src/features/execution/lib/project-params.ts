import { z } from "zod";
import { PX_STATUSES, SX_STATUSES, SX_TAGS, SX_TYPES } from "@atende/domain";
import type { UrlFilters } from "../../../lib/url-filters";
import type { ProjectListParams } from "../api/keys";

export const PROJECT_FILTER_KEYS = [
  "q",
  "type",
  "status",
  "jobStatus",
  "serviceCode",
  "providerId",
  "plannedFrom",
  "plannedTo",
  "createdFrom",
  "createdTo",
  "tag",
  "storeId",
  "includeCancelled",
] as const;
export type ProjectFilterKey = (typeof PROJECT_FILTER_KEYS)[number];
export type ProjectFilters = UrlFilters<ProjectFilterKey>;

const oneOf = <T extends string>(values: readonly T[], value: string): T | undefined =>
  (values as readonly string[]).includes(value) ? (value as T) : undefined;

const ZId = z.uuid();
const ZDay = z.iso.date();
const uuidOrNone = (value: string) => (ZId.safeParse(value).success ? value : undefined);
const dayOrNone = (value: string) => (ZDay.safeParse(value).success ? value : undefined);

/**
 * URL filters -> the API's list query. A hand-edited URL with a value the API would refuse drops that filter rather
 * than showing an error page for a bookmark. "Show cancelled" is only sent when on, so the default URL stays clean.
 */
export function toProjectParams(filters: ProjectFilters): ProjectListParams {
  const q = filters.q.trim().slice(0, 100);
  const serviceCode = filters.serviceCode.trim().slice(0, 40);
  return {
    q: q || undefined,
    type: oneOf(SX_TYPES, filters.type),
    status: oneOf(PX_STATUSES, filters.status),
    jobStatus: oneOf(SX_STATUSES, filters.jobStatus),
    serviceCode: serviceCode || undefined,
    providerId: uuidOrNone(filters.providerId),
    plannedFrom: dayOrNone(filters.plannedFrom),
    plannedTo: dayOrNone(filters.plannedTo),
    createdFrom: dayOrNone(filters.createdFrom),
    createdTo: dayOrNone(filters.createdTo),
    tag: oneOf(SX_TAGS, filters.tag),
    storeId: uuidOrNone(filters.storeId),
    includeCancelled: filters.includeCancelled === "true" ? true : undefined,
  };
}

/** Whether anything narrows the list, so an empty list can suggest clearing filters ("show cancelled" widens it). */
export function hasNarrowingFilters(params: ProjectListParams): boolean {
  return Object.entries(params).some(([key, value]) => key !== "includeCancelled" && value !== undefined);
}

/** The URL patch clearing every narrowing filter; "show cancelled" is kept as the user set it. */
export const CLEARED_FILTERS: Partial<Record<ProjectFilterKey, null>> = Object.fromEntries(
  PROJECT_FILTER_KEYS.filter((key) => key !== "includeCancelled").map((key) => [key, null]),
);
