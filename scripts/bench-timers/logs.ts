import { readFile } from "node:fs/promises";

export type WorkerLogSummary = {
  sweepRuns: number;
  enqueued: number;
  firedDirectly: number;
  rewoken: number;
  /** Warnings and errors by message, e.g. "timer job failed" x 3. */
  problems: Map<string, number>;
};

type LogLine = {
  level?: unknown;
  msg?: unknown;
  enqueued?: unknown;
  firedDirectly?: unknown;
  rewoken?: unknown;
  err?: unknown;
};

/** Reads a worker child's pino output; the maintenance worker logs each sweep that repaired something at info. */
export async function summariseLog(file: string): Promise<WorkerLogSummary> {
  const summary: WorkerLogSummary = { sweepRuns: 0, enqueued: 0, firedDirectly: 0, rewoken: 0, problems: new Map() };
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return summary;
  }
  for (const raw of text.split("\n")) {
    if (!raw.startsWith("{")) {
      if (raw.trim()) count(summary.problems, `stderr: ${raw.trim().slice(0, 80)}`);
      continue;
    }
    let line: LogLine;
    try {
      line = JSON.parse(raw) as LogLine;
    } catch {
      continue;
    }
    const msg = typeof line.msg === "string" ? line.msg : "?";
    if (msg === "timer sweep repaired timers") {
      summary.sweepRuns += 1;
      summary.enqueued += Number(line.enqueued ?? 0);
      summary.firedDirectly += Number(line.firedDirectly ?? 0);
      summary.rewoken += Number(line.rewoken ?? 0);
    }
    if (typeof line.level === "number" && line.level >= 40) count(summary.problems, `${msg}${errorMessage(line.err)}`);
  }
  return summary;
}

export function mergeSummaries(summaries: WorkerLogSummary[]): WorkerLogSummary {
  const merged: WorkerLogSummary = { sweepRuns: 0, enqueued: 0, firedDirectly: 0, rewoken: 0, problems: new Map() };
  for (const s of summaries) {
    merged.sweepRuns += s.sweepRuns;
    merged.enqueued += s.enqueued;
    merged.firedDirectly += s.firedDirectly;
    merged.rewoken += s.rewoken;
    for (const [msg, n] of s.problems) count(merged.problems, msg, n);
  }
  return merged;
}

export function describeSummary(s: WorkerLogSummary): string {
  const parts = [
    `${s.sweepRuns} sweep passes repaired timers: wake-ups added ${s.enqueued}, fired directly ${s.firedDirectly}, wake-up slots re-added ${s.rewoken}`,
  ];
  const problems = [...s.problems].sort((a, b) => b[1] - a[1]).slice(0, 4);
  if (problems.length > 0) parts.push(`worker log: ${problems.map(([msg, n]) => `"${msg}" x${n}`).join(", ")}`);
  return parts.join("; ");
}

function count(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

function errorMessage(err: unknown): string {
  if (typeof err !== "object" || err === null || !("message" in err)) return "";
  const message = (err as { message: unknown }).message;
  return typeof message === "string" ? ` (${message.slice(0, 80)})` : "";
}
