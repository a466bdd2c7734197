import { z } from "zod";
import {
  CLOCK_KINDS,
  PAUSE_REASONS,
  RESOLUTION_KINDS,
  TICKET_LINK_RELATIONS,
  TICKET_ACTIONS,
  TICKET_CHANNELS,
  TICKET_STATUSES,
  TICKET_TYPES,
} from "@atende/domain";
import { ZVersion } from "./common";
import { ZPageQuery } from "./pagination";

const ZPriorityCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .meta({ examples: ["high"] });
const ZTag = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N} _.-]+$/u, "letters, digits, spaces, '.', '_' and '-' only");

export const ZSlaClock = z.object({
  kind: z.enum(CLOCK_KINDS),
  status: z.enum(["not_started", "running", "paused", "met", "breached", "stopped"]),
  startedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  warnAt: z.string().nullable(),
});
export type TSlaClock = z.infer<typeof ZSlaClock>;

export const ZTicket = z.object({
  id: z.uuid(),
  number: z.number().int(),
  subject: z.string(),
  description: z.string(),
  channel: z.enum(TICKET_CHANNELS),
  proposedType: z.enum(TICKET_TYPES),
  proposedPriority: z.string(),
  type: z.enum(TICKET_TYPES),
  priority: z.string(),
  finalClassifiedAt: z.string().nullable(),
  catalogueItemId: z.uuid().nullable(),
  status: z.enum(TICKET_STATUSES),
  pauseReason: z.string().nullable(),
  resolutionKind: z.enum(RESOLUTION_KINDS).nullable(),
  resolutionNote: z.string().nullable(),
  buId: z.uuid().nullable(),
  requesterCustomerId: z.uuid().nullable(),
  requesterUserId: z.uuid().nullable(),
  requesterEmail: z.string().nullable(),
  organisationTier: z.string().nullable(),
  groupId: z.uuid().nullable(),
  assigneeId: z.uuid().nullable(),
  tags: z.array(z.string()),
  channelFlag: z.string().nullable(),
  /** The job a system task belongs to, and the task's kind (DOMAIN 3.12). */
  jobId: z.uuid().nullable(),
  taskKind: z.string().nullable(),
  slaPolicyId: z.uuid().nullable(),
  escalationLevel: z.number().int(),
  breached: z.boolean(),
  nextDueAt: z.string().nullable(),
  firstResponseAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TTicket = z.infer<typeof ZTicket>;

export const ZTicketDetail = ZTicket.extend({
  /** The requester's name from their customer record or account, for greetings; null when only an address is known. */
  requesterName: z.string().nullable(),
  clocks: z.array(ZSlaClock),
  allowedActions: z.array(z.enum(TICKET_ACTIONS)),
});
export type TTicketDetail = z.infer<typeof ZTicketDetail>;

export const ZCreateTicketRequest = z.strictObject({
  subject: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(20_000),
  channel: z.enum(TICKET_CHANNELS),
  type: z.enum(TICKET_TYPES),
  priority: ZPriorityCode,
  buId: z.uuid().nullable().optional(),
  requesterCustomerId: z.uuid().nullable().optional(),
  requesterEmail: z.email().max(254).nullable().optional(),
  catalogueItemId: z.uuid().nullable().optional(),
  organisationTier: z.string().trim().min(1).max(40).nullable().optional(),
  groupId: z.uuid().nullable().optional(),
  tags: z.array(ZTag).max(20).optional(),
});
export type TCreateTicketRequest = z.infer<typeof ZCreateTicketRequest>;

export const TICKET_VIEWS = ["all", "mine", "unassigned", "due_soon", "breached", "pending", "open"] as const;
export const ZTicketListQuery = ZPageQuery.extend({
  view: z.enum(TICKET_VIEWS).default("open"),
  groupId: z.uuid().optional(),
  assigneeId: z.uuid().optional(),
  status: z.enum(TICKET_STATUSES).optional(),
  priority: ZPriorityCode.optional(),
  type: z.enum(TICKET_TYPES).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  sort: z.enum(["nextDueAt", "-createdAt", "-number"]).default("nextDueAt"),
}).strict();
export type TTicketListQuery = z.infer<typeof ZTicketListQuery>;

export const ZTicketActionRequest = z.strictObject({
  action: z.enum(TICKET_ACTIONS),
  version: ZVersion,
  pauseReason: z.enum(PAUSE_REASONS).optional(),
  resolution: z.strictObject({ kind: z.enum(RESOLUTION_KINDS), note: z.string().trim().min(1).max(5000) }).optional(),
});
export type TTicketActionRequest = z.infer<typeof ZTicketActionRequest>;

export const ZClassifyTicketRequest = z.strictObject({
  type: z.enum(TICKET_TYPES),
  priority: ZPriorityCode,
  version: ZVersion,
});
export type TClassifyTicketRequest = z.infer<typeof ZClassifyTicketRequest>;

export const ZAssignTicketRequest = z.strictObject({
  groupId: z.uuid().nullable(),
  assigneeId: z.uuid().nullable(),
  version: ZVersion,
});
export type TAssignTicketRequest = z.infer<typeof ZAssignTicketRequest>;

export const ZUpdateTicketTagsRequest = z.strictObject({ tags: z.array(ZTag).max(20), version: ZVersion });

export const ZTicketMessage = z.object({
  id: z.uuid(),
  visibility: z.enum(["public", "internal"]),
  authorLabel: z.string(),
  authorKind: z.enum(["staff", "requester", "system"]),
  body: z.string(),
  createdAt: z.string(),
});
export type TTicketMessage = z.infer<typeof ZTicketMessage>;
export const ZCreateTicketMessageRequest = z.strictObject({
  visibility: z.enum(["public", "internal"]),
  body: z.string().trim().min(1).max(20_000),
});
export type TCreateTicketMessageRequest = z.infer<typeof ZCreateTicketMessageRequest>;

export const ZTicketEvent = z.object({
  id: z.uuid(),
  at: z.string(),
  actorLabel: z.string(),
  type: z.string(),
  data: z.unknown(),
});
export type TTicketEvent = z.infer<typeof ZTicketEvent>;

export const ZBulkTicketRequest = z.strictObject({
  ids: z.array(z.uuid()).min(1).max(200),
  assign: z.strictObject({ groupId: z.uuid().nullable(), assigneeId: z.uuid().nullable() }).optional(),
  action: z.enum(["acknowledge", "start"]).optional(),
});
export const ZBulkTicketResponse = z.object({
  updated: z.array(z.uuid()),
  failed: z.array(z.object({ id: z.uuid(), code: z.string(), detail: z.string() })),
});

export const ZSurveyAnswerRequest = z.strictObject({
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(2000).optional(),
});
/** sentAt null: no survey was sent (the ticket was never resolved). */
export const ZSurvey = z.object({
  score: z.number().int().nullable(),
  comment: z.string().nullable(),
  sentAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
});

export const ZOutboxListQuery = ZPageQuery.extend({
  status: z.enum(["pending", "sending", "sent", "failed"]).optional(),
}).strict();
export const ZOutboxItem = z.object({
  id: z.uuid(),
  kind: z.string(),
  status: z.string(),
  attempts: z.number().int(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  lastError: z.string().nullable(),
  to: z.string().nullable(),
  subject: z.string().nullable(),
});
export type TOutboxItem = z.infer<typeof ZOutboxItem>;

/** The queue's filters without paging, for the CSV export. */
export const ZTicketExportQuery = ZTicketListQuery.omit({ limit: true, cursor: true });

export const ZChecklistItem = z.object({
  id: z.uuid(),
  position: z.number().int(),
  title: z.string(),
  templateCode: z.string().nullable(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
});
export const ZTicketLink = z.object({
  id: z.uuid(),
  targetType: z.enum(["ticket", "service_execution", "project"]),
  targetId: z.string(),
  relation: z.enum(TICKET_LINK_RELATIONS),
});
export const ZTicketRelations = z.object({
  checklist: z.array(ZChecklistItem),
  /** Done steps over all steps, in whole percent (seed 001 answers status requests with it); null without a checklist. */
  progress: z.number().int().nullable(),
  links: z.array(ZTicketLink),
  watcherIds: z.array(z.uuid()),
  escalations: z.array(
    z.object({ level: z.number().int(), label: z.string(), actions: z.array(z.string()), at: z.string() }),
  ),
});
export type TTicketRelations = z.infer<typeof ZTicketRelations>;
export const ZCreateTicketLinkRequest = z.strictObject({
  targetType: z.enum(["ticket", "service_execution", "project"]),
  targetId: z.uuid(),
  relation: z.enum(TICKET_LINK_RELATIONS).default("relates"),
});
export const ZWatcherRequest = z.strictObject({ userId: z.uuid() });
export const ZChecklistItemParams = z.strictObject({ id: z.uuid(), itemId: z.uuid() });
export const ZUpdateChecklistItemRequest = z.strictObject({ done: z.boolean() });
export const ZStartPlaybookRequest = z.strictObject({
  /** Attach the checklist to this ticket; without it a new ticket is opened. */
  ticketId: z.uuid().optional(),
  requesterCustomerId: z.uuid().optional(),
});
export const ZCreateChecklistItemRequest = z.strictObject({
  title: z.string().trim().min(1).max(200),
  templateCode: z.string().trim().min(1).max(100).optional(),
});

export const ZTicketAttachment = z.object({
  id: z.uuid(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
});
export const ZAttachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });
