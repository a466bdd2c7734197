import type { Calendar } from "../calendar/calendar";

export const SEED_CALENDAR_CODES = ["24x7", "business-es", "back-office", "back-office-weekdays"] as const;
export type SeedCalendarCode = (typeof SEED_CALENDAR_CODES)[number];

const NONE: Array<[string, string]> = [];
const weekdays = (from: string, to: string) => {
  const day: Array<[string, string]> = [[from, to]];
  return { mon: day, tue: day, wed: day, thu: day, fri: day };
};

// Spain's national holidays; regional ones are the BU admin's to add.
const SPANISH_HOLIDAYS = [
  "2026-01-01",
  "2026-01-06",
  "2026-04-03",
  "2026-05-01",
  "2026-08-15",
  "2026-10-12",
  "2026-12-08",
  "2026-12-25",
  "2027-01-01",
  "2027-01-06",
  "2027-03-26",
  "2027-05-01",
  "2027-08-15",
  "2027-10-12",
  "2027-11-01",
  "2027-12-06",
  "2027-12-08",
  "2027-12-25",
];

/**
 * Suggested definitions for the calendar codes the seed policies reference. The seeds state their hours in Colombian
 * time; the demo tenant's BU is Spain, so the same opening hours are kept in Europe/Madrid.
 */
export const SEED_CALENDARS: Record<SeedCalendarCode, { name: string; calendar: Calendar }> = {
  "24x7": { name: "24x7", calendar: "24x7" },
  "business-es": {
    // Seed 004: e-mail and WhatsApp lines for medium/low incidents, onboarding and training (Mon-Fri 8am-6pm).
    name: "Business hours (Mon-Fri 08:00-18:00)",
    calendar: {
      timezone: "Europe/Madrid",
      hours: { ...weekdays("08:00", "18:00"), sat: NONE, sun: NONE },
      holidays: SPANISH_HOLIDAYS,
    },
  },
  "back-office": {
    // Seed 004 back-office campaign sends: Mon-Fri 7am-9pm, Sat-Sun 8am-5pm.
    name: "Back-office sends (Mon-Fri 07:00-21:00, Sat-Sun 08:00-17:00)",
    calendar: {
      timezone: "Europe/Madrid",
      hours: { ...weekdays("07:00", "21:00"), sat: [["08:00", "17:00"]], sun: [["08:00", "17:00"]] },
      holidays: [],
    },
  },
  "back-office-weekdays": {
    // Seed 004 back-office reports, platform management and template approvals: Mon-Fri 7am-9pm.
    name: "Back-office (Mon-Fri 07:00-21:00)",
    calendar: {
      timezone: "Europe/Madrid",
      hours: { ...weekdays("07:00", "21:00"), sat: NONE, sun: NONE },
      holidays: SPANISH_HOLIDAYS,
    },
  },
};
