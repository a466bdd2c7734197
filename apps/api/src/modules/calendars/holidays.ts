import Holidays from "date-holidays";

export type PublicHoliday = { date: string; name: string };

const COUNTRIES = new Set(Object.keys(new Holidays().getCountries()));

export function isKnownCountry(country: string): boolean {
  return COUNTRIES.has(country);
}

/**
 * National public holidays of a country and year (regional ones are the admin's to add), one per date in date
 * order; two holidays on one date share it with both names. Null for a country the library does not know.
 */
export function publicHolidays(country: string, year: number, lang?: string): PublicHoliday[] | null {
  if (!isKnownCountry(country)) return null;
  const byDate = new Map<string, string>();
  for (const h of new Holidays(country).getHolidays(year, lang)) {
    if (h.type !== "public") continue;
    const date = h.date.slice(0, 10);
    const known = byDate.get(date);
    byDate.set(date, known && known !== h.name ? `${known} / ${h.name}` : h.name);
  }
  return [...byDate.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, name]) => ({ date, name }));
}
