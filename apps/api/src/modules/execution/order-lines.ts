import type { TOrderBody } from "@atende/contracts";
import type { SxType } from "@atende/domain";

export type ServiceCodeRow = {
  code: string;
  label: string;
  profession: string;
  specialty: string;
  durationMinutes: number;
  customerPriceMinor: number;
  providerPriceMinor: number;
  sxType: string;
  active: boolean;
};

export type ServiceLineJson = {
  code: string;
  label: string;
  quantity: number;
  durationMinutes: number;
  customerPriceMinor: number;
  providerPriceMinor: number;
};
export type ProductLineJson = { sku: string; label: string; quantity: number; expectedDeliveryDate: string | null };

/** One job per SX type and profession/specialty group of the order's service lines (DOMAIN 3.1). */
export type JobGroup = {
  key: string;
  type: SxType;
  profession: string;
  specialty: string;
  services: ServiceLineJson[];
  durationMinutes: number;
};

export function groupServices(lines: TOrderBody["services"], codes: Map<string, ServiceCodeRow>): JobGroup[] {
  const groups = new Map<string, JobGroup>();
  for (const line of lines) {
    const code = codes.get(line.code)!;
    const key = `${code.sxType}|${code.profession}|${code.specialty}`;
    const group = groups.get(key) ?? {
      key,
      type: code.sxType as SxType,
      profession: code.profession,
      specialty: code.specialty,
      services: [],
      durationMinutes: 0,
    };
    group.services.push({
      code: code.code,
      label: code.label,
      quantity: line.quantity,
      durationMinutes: code.durationMinutes,
      customerPriceMinor: code.customerPriceMinor,
      providerPriceMinor: code.providerPriceMinor,
    });
    group.durationMinutes += code.durationMinutes * line.quantity;
    groups.set(key, group);
  }
  return [...groups.values()];
}

export const groupKeyOf = (job: { type: string; profession: string; specialty: string }) =>
  `${job.type}|${job.profession}|${job.specialty}`;

/** The BU's local calendar date of an instant (YYYY-MM-DD). */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const asDate = (date: string) => new Date(`${date}T00:00:00Z`);

/** Keys sorted at every level: PostgreSQL jsonb does not keep the key order the values were written with. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** Same JSON value whatever the key order (a jsonb column read back against a request body). */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** Project search text: lower case without accents, so "alvarez" finds "Álvarez" on any database collation. */
export function searchable(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}
