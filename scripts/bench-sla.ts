// `pnpm bench:sla`: computations per second of the business-time engine over one-year horizons, per calendar and
// kind of computation. Inputs come from a seeded generator so runs compare; BENCH_ITERATIONS scales the work.
import os from "node:os";
import { performance } from "node:perf_hooks";
import {
  addBusinessDays,
  addBusinessMinutes,
  elapsedBusinessMinutes,
  ZCalendar,
  type Calendar,
  type Pause,
} from "@atende/domain";

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 20_000);
const YEAR_MS = 365 * 86_400_000;
const START_2026 = Date.parse("2026-01-01T00:00:00Z");

const SPANISH_NATIONAL_HOLIDAYS = [
  ...["01-01", "01-06", "04-03", "05-01", "08-15", "10-12", "11-01", "12-06", "12-08", "12-25"].map((d) => `2026-${d}`),
  ...["01-01", "01-06", "03-26", "05-01", "08-15", "10-12", "11-01", "12-06", "12-08", "12-25"].map((d) => `2027-${d}`),
];

const office: Array<[string, string]> = [["09:00", "18:00"]];
const extended: Array<[string, string]> = [["06:00", "21:00"]];
const weekend: Array<[string, string]> = [["08:00", "17:00"]];

const CALENDARS: Array<{ name: string; calendar: Calendar; dayMinutes: number }> = [
  {
    name: "Madrid Mon-Fri 09-18 + holidays",
    calendar: ZCalendar.parse({
      timezone: "Europe/Madrid",
      hours: { mon: office, tue: office, wed: office, thu: office, fri: office },
      holidays: SPANISH_NATIONAL_HOLIDAYS,
    }),
    dayMinutes: 9 * 60,
  },
  {
    name: "Mexico City 06-21 / weekend 08-17",
    calendar: ZCalendar.parse({
      timezone: "America/Mexico_City",
      hours: { mon: extended, tue: extended, wed: extended, thu: extended, fri: extended, sat: weekend, sun: weekend },
    }),
    dayMinutes: 15 * 60,
  },
  { name: "24x7", calendar: ZCalendar.parse("24x7"), dayMinutes: 24 * 60 },
];

/** mulberry32: small, seeded, good enough to spread inputs. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Input = { start: Date; end: Date; minutes: number; days: number; pauses: Pause[] };

function inputs(dayMinutes: number, next: () => number): Input[] {
  return Array.from({ length: ITERATIONS }, () => {
    const start = new Date(START_2026 + Math.floor(next() * YEAR_MS));
    // Log-uniform from 10 minutes to 250 business days' worth of minutes.
    const minutes = Math.round(10 * Math.pow((250 * dayMinutes) / 10, next()));
    const pauses = Array.from({ length: 3 }, (_, i) => {
      const from = start.getTime() + (i + next()) * 7 * 86_400_000;
      return { from: new Date(from), to: new Date(from + next() * 2 * 86_400_000) };
    });
    const end = new Date(start.getTime() + Math.floor(next() * YEAR_MS));
    return { start, end, minutes, days: Math.floor(next() * 251), pauses };
  });
}

type Kind = { name: string; run: (calendar: Calendar, input: Input) => number };

const KINDS: Kind[] = [
  { name: "addBusinessMinutes 10 min..250 days", run: (c, i) => addBusinessMinutes(c, i.start, i.minutes).getTime() },
  {
    name: "addBusinessMinutes + 3 pauses",
    run: (c, i) => addBusinessMinutes(c, i.start, i.minutes, i.pauses).getTime(),
  },
  { name: "addBusinessDays 0..250", run: (c, i) => addBusinessDays(c, i.start, i.days).getTime() },
  { name: "addBusinessDays + 3 pauses", run: (c, i) => addBusinessDays(c, i.start, i.days, i.pauses).getTime() },
  { name: "elapsedBusinessMinutes up to 1 year", run: (c, i) => elapsedBusinessMinutes(c, i.start, i.end) },
  // A calendar freshly parsed per request pays for compiling it (holidays, weekly spans) each time.
  {
    name: "addBusinessMinutes, fresh calendar object",
    run: (c, i) => addBusinessMinutes(structuredClone(c), i.start, i.minutes).getTime(),
  },
];

function measure(kind: Kind, calendar: Calendar, data: Input[]): { perSecond: number; checksum: number } {
  let checksum = 0;
  for (const input of data.slice(0, 500)) checksum += kind.run(calendar, input);
  const began = performance.now();
  for (const input of data) checksum += kind.run(calendar, input);
  const seconds = (performance.now() - began) / 1000;
  return { perSecond: data.length / seconds, checksum };
}

function main(): void {
  const cpus = os.cpus();
  console.log(
    `machine: ${cpus.length} x ${cpus[0]?.model ?? "unknown cpu"}, node ${process.version}, ${os.platform()} ${os.arch()}`,
  );
  console.log(`iterations per row: ${ITERATIONS} (random starts in 2026)\n`);
  const rows: Array<Record<string, string>> = [];
  for (const { name, calendar, dayMinutes } of CALENDARS) {
    const data = inputs(dayMinutes, random(20_260_101));
    for (const kind of KINDS) {
      const { perSecond, checksum } = measure(kind, calendar, data);
      rows.push({
        calendar: name,
        kind: kind.name,
        "computations/s": Math.round(perSecond).toLocaleString("en"),
        checksum: String(Math.round(checksum) % 997),
      });
    }
  }
  console.table(rows);
}

main();
