import type { ClockKind } from "@atende/domain";

/** Timer subjects join the ticket id and what is timed with "_" (BullMQ job ids must avoid ":"). */
export const clockSubject = (ticketId: string, kind: ClockKind) => `${ticketId}_${kind}`;
export const escalationSubject = (ticketId: string, level: number) => `${ticketId}_L${level}`;

export function parseClockSubject(subject: string): { ticketId: string; kind: ClockKind } {
  const i = subject.indexOf("_");
  return { ticketId: subject.slice(0, i), kind: subject.slice(i + 1) as ClockKind };
}

export function parseEscalationSubject(subject: string): { ticketId: string; level: number } {
  const [ticketId, level] = subject.split("_L");
  return { ticketId: ticketId!, level: Number(level) };
}
