import type { TSlaClock, TTicket } from "@atende/contracts";
import type { ClockKind, TicketChannel, TicketStatus, TicketType } from "@atende/domain";

/** A timestamp as the ORM returns it, or already written as ISO-8601 UTC by the query (passed through as is). */
export type Instant = Date | string;

export type TicketRow = {
  id: string;
  number: number | null;
  subject: string;
  description: string;
  channel: string;
  proposedType: string;
  proposedPriority: string;
  type: string;
  priority: string;
  finalClassifiedAt: Instant | null;
  catalogueItemId: string | null;
  status: string;
  pauseReason: string | null;
  resolutionKind: string | null;
  resolutionNote: string | null;
  buId: string | null;
  requesterCustomerId: string | null;
  requesterUserId: string | null;
  requesterEmail: string | null;
  organisationTier: string | null;
  groupId: string | null;
  assigneeId: string | null;
  tags: string[];
  channelFlag: string | null;
  slaPolicyId: string | null;
  escalationLevel: number;
  breached: boolean;
  nextDueAt: Instant | null;
  firstResponseAt: Instant | null;
  lastPublicUpdateAt: Instant | null;
  resolvedAt: Instant | null;
  closedAt: Instant | null;
  createdAt: Instant;
  updatedAt: Instant;
  version: number;
  /** Set on system tasks (DOMAIN 3.12); list queries that select columns by hand may leave them out. */
  jobId?: string | null;
  taskKind?: string | null;
};

export const isoInstant = (d: Instant) => (typeof d === "string" ? d : d.toISOString());
const iso = (d: Instant | null) => (d === null ? null : isoInstant(d));

export function toTicket(r: TicketRow): TTicket {
  return {
    id: r.id,
    number: r.number ?? 0,
    subject: r.subject,
    description: r.description,
    channel: r.channel as TicketChannel,
    proposedType: r.proposedType as TicketType,
    proposedPriority: r.proposedPriority,
    type: r.type as TicketType,
    priority: r.priority,
    finalClassifiedAt: iso(r.finalClassifiedAt),
    catalogueItemId: r.catalogueItemId,
    status: r.status as TicketStatus,
    pauseReason: r.pauseReason,
    resolutionKind: (r.resolutionKind as TTicket["resolutionKind"]) ?? null,
    resolutionNote: r.resolutionNote,
    buId: r.buId,
    requesterCustomerId: r.requesterCustomerId,
    requesterUserId: r.requesterUserId,
    requesterEmail: r.requesterEmail,
    organisationTier: r.organisationTier,
    groupId: r.groupId,
    assigneeId: r.assigneeId,
    tags: r.tags,
    channelFlag: r.channelFlag,
    slaPolicyId: r.slaPolicyId,
    escalationLevel: r.escalationLevel,
    breached: r.breached,
    nextDueAt: iso(r.nextDueAt),
    firstResponseAt: iso(r.firstResponseAt),
    resolvedAt: iso(r.resolvedAt),
    closedAt: iso(r.closedAt),
    createdAt: isoInstant(r.createdAt),
    updatedAt: isoInstant(r.updatedAt),
    version: r.version,
    jobId: r.jobId ?? null,
    taskKind: r.taskKind ?? null,
  };
}

export type ClockRow = {
  kind: string;
  status: string;
  startedAt: Date;
  dueAt: Date | null;
  warnAt: Date | null;
};

export function toClock(r: ClockRow): TSlaClock {
  return {
    kind: r.kind as ClockKind,
    status: r.status as TSlaClock["status"],
    startedAt: r.startedAt.toISOString(),
    dueAt: iso(r.dueAt),
    warnAt: iso(r.warnAt),
  };
}
