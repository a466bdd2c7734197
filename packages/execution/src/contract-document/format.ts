import type { ContractLocale } from "./labels";

export type MoneyFormatter = {
  /** Formats an amount in minor units (cents) of the currency. */
  format(minor: number): string;
};

export function moneyFormatter(locale: ContractLocale, currency: string): MoneyFormatter {
  const formatter = new Intl.NumberFormat(locale, { style: "currency", currency });
  // ISO 4217 exponents differ (JPY 0, EUR 2, BHD 3); Intl knows them.
  const exponent = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  const scale = 10 ** exponent;
  return { format: (minor) => formatter.format(minor / scale) };
}

export function lineAmountMinor(quantity: number, unitPriceMinor: number): number {
  return Math.round(quantity * unitPriceMinor);
}

export function formatQuantity(locale: ContractLocale, quantity: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(quantity);
}

export function formatDateTime(locale: ContractLocale, date: Date, timeZone: string): string {
  const formatted = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone }).format(date);
  return `${formatted} (${timeZone})`;
}

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Formats a calendar date (YYYY-MM-DD) without any time-zone shift; anything else is returned unchanged. */
export function formatPlainDate(locale: ContractLocale, isoDate: string): string {
  const match = PLAIN_DATE.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== isoDate) return isoDate;
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(date);
}

export function formatDuration(minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
