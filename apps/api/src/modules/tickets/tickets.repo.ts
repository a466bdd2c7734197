import type { TenantQuery, Tx } from "@atende/db";
import { PrismaNamespace } from "@atende/db";
import type { TTicket, TTicketListQuery } from "@atende/contracts";
import { DUE_SOON_MINUTES, toClock } from "@atende/desk";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "../../lib/cursor";

/**
 * Case numbers are consecutive per tenant, so the increment locks the tenant's counter row until commit. Callers take
 * the number as late as possible in the creating transaction: creations then overlap for all their other work.
 */
export { assignTicketNumber } from "@atende/desk";

export async function insertTicket(tx: Tx, data: PrismaNamespace.TicketUncheckedCreateInput) {
  return tx.ticket.create({ data });
}

export async function findTicketRow(tx: Tx, tenantId: string, id: string) {
  return tx.ticket.findFirst({ where: { tenantId, id } });
}

export async function findClocks(tx: Tx, tenantId: string, ticketId: string) {
  const rows = await tx.slaClock.findMany({ where: { tenantId, ticketId }, orderBy: { kind: "asc" } });
  return rows.map(toClock);
}

/** Optimistic concurrency: null when the version moved on. */
export async function updateTicketVersioned(
  tx: Tx,
  tenantId: string,
  id: string,
  version: number,
  data: PrismaNamespace.TicketUncheckedUpdateManyInput,
) {
  const res = await tx.ticket.updateMany({
    where: { tenantId, id, version },
    data: { ...data, version: { increment: 1 } },
  });
  return res.count === 1;
}

export async function openPause(tx: Tx, tenantId: string, ticketId: string, from: Date, reason: string | null) {
  await tx.ticketPause.create({ data: { tenantId, ticketId, from, reason } });
}

export async function closeOpenPauses(tx: Tx, tenantId: string, ticketId: string, to: Date) {
  await tx.ticketPause.updateMany({ where: { tenantId, ticketId, to: null }, data: { to } });
}

const ZQueueCursor = z.object({ v: z.string().max(40).nullable(), id: z.uuid() });

export type TicketScope =
  { kind: "staff"; buIds: "all" | string[]; userId: string | null } | { kind: "requester"; userId: string };

const { sql, join } = PrismaNamespace;
type Sql = PrismaNamespace.Sql;

// Timestamps leave PostgreSQL already written as the API writes them (ISO-8601 UTC, milliseconds): parsing 50 rows' worth
// into Date objects and writing them back out was a tenth of the queue's CPU.
const isoUtc = (column: string) => `to_char(t.${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A ticket row's columns (alias t): each field's name in the ticket model and the expression that reads it. */
const TICKET_FIELDS: ReadonlyArray<readonly [name: string, expression: string]> = [
  ["id", "t.id"],
  ["number", "t.number"],
  ["subject", "t.subject"],
  ["description", "t.description"],
  ["channel", "t.channel"],
  ["proposedType", "t.proposed_type"],
  ["proposedPriority", "t.proposed_priority"],
  ["type", "t.type"],
  ["priority", "t.priority"],
  ["finalClassifiedAt", isoUtc("final_classified_at")],
  ["catalogueItemId", "t.catalogue_item_id"],
  ["status", "t.status"],
  ["pauseReason", "t.pause_reason"],
  ["resolutionKind", "t.resolution_kind"],
  ["resolutionNote", "t.resolution_note"],
  ["buId", "t.bu_id"],
  ["requesterCustomerId", "t.requester_customer_id"],
  ["requesterUserId", "t.requester_user_id"],
  ["requesterEmail", "t.requester_email"],
  ["organisationTier", "t.organisation_tier"],
  ["groupId", "t.group_id"],
  ["assigneeId", "t.assignee_id"],
  ["tags", "t.tags"],
  ["channelFlag", "t.channel_flag"],
  ["slaPolicyId", "t.sla_policy_id"],
  ["escalationLevel", "t.escalation_level"],
  ["breached", "t.breached"],
  ["nextDueAt", isoUtc("next_due_at")],
  ["firstResponseAt", isoUtc("first_response_at")],
  ["lastPublicUpdateAt", isoUtc("last_public_update_at")],
  ["resolvedAt", isoUtc("resolved_at")],
  ["closedAt", isoUtc("closed_at")],
  ["createdAt", isoUtc("created_at")],
  ["updatedAt", isoUtc("updated_at")],
  ["version", "t.version"],
  ["jobId", "t.job_id"],
  ["taskKind", "t.task_kind"],
];

const selectList = (fields: ReadonlyArray<readonly [string, string]>) =>
  fields.map(([name, expression]) => `${expression} AS "${name}"`).join(", ");

/** A ticket row's columns (alias t) under the names of the ticket model, so toTicket maps them as it maps an ORM row. */
export const TICKET_COLUMNS = PrismaNamespace.raw(selectList(TICKET_FIELDS));

// What toTicket makes of a row: the number never null, the last public update left out.
const API_TICKET_FIELDS = TICKET_FIELDS.filter(([name]) => name !== "lastPublicUpdateAt").map(
  ([name, expression]) => [name, name === "number" ? `coalesce(${expression}, 0)` : expression] as const,
);

/**
 * A ticket (alias t) as the API writes it (TTicket, the shape toTicket gives), rendered to JSON text by PostgreSQL: the
 * queue sends a page of these without parsing ~36 columns a row into objects and serialising them again, which was
 * most of the queue's API CPU (decision 0020).
 */
const TICKET_JSON = PrismaNamespace.raw(
  `(SELECT row_to_json(j)::text FROM (SELECT ${selectList(API_TICKET_FIELDS)}) j)`,
);

function scopeWhere(scope: TicketScope): Sql[] {
  if (scope.kind === "requester") return [sql`t.requester_user_id = ${scope.userId}::uuid`];
  return scope.buIds === "all" ? [] : [sql`(t.bu_id IS NULL OR t.bu_id = ANY(${scope.buIds}::uuid[]))`];
}

function viewWhere(q: TTicketListQuery, scope: TicketScope, now: Date): Sql[] {
  const open = sql`t.is_open = true`;
  const assignee = (id: string | null) => (id ? sql`t.assignee_id = ${id}::uuid` : sql`t.assignee_id IS NULL`);
  switch (q.view) {
    case "all":
      return [];
    case "open":
      return [open];
    case "mine":
      // A requester's tickets are all theirs; staff see what is assigned to them.
      return scope.kind === "requester" ? [open] : [open, assignee(scope.userId)];
    case "unassigned":
      return [open, assignee(null)];
    case "due_soon":
      return [
        open,
        sql`t.next_due_at <= ${new Date(now.getTime() + DUE_SOON_MINUTES * 60_000)}::timestamptz`,
        sql`t.breached = false`,
      ];
    case "breached":
      return [open, sql`t.breached = true`];
    case "pending":
      return [sql`t.status = 'pending'`];
  }
}

/** A queue page whose items are JSON text, ready to be sent as they are (see TICKET_JSON). */
export type TicketJsonPage = { itemsJson: string; nextCursor: string | null };

/**
 * The queue: keyset pages over (nextDueAt nulls last, id), (createdAt desc, id) or (number desc). One statement on the
 * raw read path, each row rendered to JSON by PostgreSQL: the hottest read of the desk (decisions 0010 and 0020).
 */
export async function listTickets(
  query: TenantQuery,
  tenantId: string,
  q: TTicketListQuery,
  scope: TicketScope,
  now: Date,
): Promise<TicketJsonPage> {
  const after = decodeCursor(q.cursor, ZQueueCursor);
  const where: Sql[] = [sql`t.tenant_id = ${tenantId}::uuid`, ...scopeWhere(scope), ...viewWhere(q, scope, now)];
  if (q.groupId) where.push(sql`t.group_id = ${q.groupId}::uuid`);
  if (q.assigneeId) where.push(sql`t.assignee_id = ${q.assigneeId}::uuid`);
  if (q.status) where.push(sql`t.status = ${q.status}`);
  if (q.priority) where.push(sql`t.priority = ${q.priority}`);
  if (q.type) where.push(sql`t.type = ${q.type}`);
  if (q.q) {
    const matches = await searchCondition(query, q.q);
    const asNumber = /^\d{1,9}$/.test(q.q) ? Number(q.q) : null;
    where.push(asNumber === null ? matches : sql`(${matches} OR t.number = ${asNumber}::int)`);
  }
  if (after) where.push(seek(q.sort, after));
  const rows = await query<{ item: string; id: string; position: string | null }>(sql`
    SELECT ${TICKET_JSON} AS item, t.id, ${position(q.sort)} AS position FROM tickets t
    WHERE ${join(where, " AND ")}
    ORDER BY ${order(q.sort)}
    LIMIT ${q.limit + 1}::int`);
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  return {
    itemsJson: `[${items.map((row) => row.item).join(",")}]`,
    nextCursor: rows.length > q.limit && last ? encodeCursor({ v: last.position, id: last.id }) : null,
  };
}

/** The page's items as objects, for callers that work on them rather than send them (the CSV export). */
export function ticketsOf(page: TicketJsonPage): TTicket[] {
  return JSON.parse(page.itemsJson) as TTicket[];
}

/** Most word-index matches a search takes by id; a search matching more walks the queue's own order instead. */
export const SEARCH_BY_ID_MAX = 1000;

/**
 * A search's condition. Under row-level security the word index is reached through app_search_tickets (decision
 * 0009): a search matching up to SEARCH_BY_ID_MAX tickets is those ids. A common word matches more, and any subset of
 * its matches taken from the index would be arbitrary (the most urgent open ticket could be left out), so it is tested
 * row by row while the queue's index is walked in page order, which finds a page of common matches quickly.
 */
async function searchCondition(query: TenantQuery, text: string): Promise<Sql> {
  const words = sql`plainto_tsquery('simple', ${text})`;
  const ids = await query<{ id: string }>(
    sql`SELECT s.id FROM app_search_tickets(${words}, ${SEARCH_BY_ID_MAX + 1}::int) s`,
  );
  if (ids.length > SEARCH_BY_ID_MAX) return sql`t.search @@ ${words}`;
  return sql`t.id = ANY(${ids.map((row) => row.id)}::uuid[])`;
}

function order(sort: TTicketListQuery["sort"]): Sql {
  if (sort === "-createdAt") return sql`t.created_at DESC, t.id DESC`;
  if (sort === "-number") return sql`t.number DESC`;
  return sql`t.next_due_at ASC NULLS LAST, t.id ASC`;
}

/** The sort key of a row as its page's cursor carries it: the instant as the API writes it, or the number. */
function position(sort: TTicketListQuery["sort"]): Sql {
  if (sort === "-createdAt") return PrismaNamespace.raw(isoUtc("created_at"));
  if (sort === "-number") return sql`t.number::text`;
  return PrismaNamespace.raw(isoUtc("next_due_at"));
}

function seek(sort: TTicketListQuery["sort"], after: { v: string | null; id: string }): Sql {
  // A cursor value no page could have written (edited by hand) is a position after every ticket: an empty page.
  if (sort === "-number")
    return after.v && /^\d{1,9}$/.test(after.v) ? sql`t.number < ${Number(after.v)}::int` : sql`false`;
  const at = after.v ? new Date(after.v) : null;
  if (at && !(at.getUTCFullYear() >= 1970 && at.getUTCFullYear() <= 9999)) return sql`false`;
  if (sort === "-createdAt") {
    return at ? sql`(t.created_at, t.id) < (${at}::timestamptz, ${after.id}::uuid)` : sql`false`;
  }
  // nextDueAt ascending with nulls last: after a dated row come later dates, then every undated row.
  if (at === null) return sql`(t.next_due_at IS NULL AND t.id > ${after.id}::uuid)`;
  return sql`(t.next_due_at > ${at}::timestamptz OR (t.next_due_at = ${at}::timestamptz AND t.id > ${after.id}::uuid)
    OR t.next_due_at IS NULL)`;
}

export async function insertMessage(
  tx: Tx,
  data: {
    tenantId: string;
    ticketId: string;
    authorUserId: string | null;
    authorLabel: string;
    authorKind: string;
    visibility: string;
    body: string;
    createdAt: Date;
  },
) {
  return tx.ticketMessage.create({ data });
}

export async function listMessages(tx: Tx, tenantId: string, ticketId: string, includeInternal: boolean) {
  return tx.ticketMessage.findMany({
    where: { tenantId, ticketId, ...(includeInternal ? {} : { visibility: "public" }) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 1000,
  });
}

export async function listEvents(tx: Tx, tenantId: string, ticketId: string) {
  return tx.ticketEvent.findMany({
    where: { tenantId, ticketId },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    take: 2000,
  });
}
