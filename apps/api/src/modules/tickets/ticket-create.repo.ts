import { PrismaNamespace, type TenantQuery } from "@atende/db";
import type { ClockWrite, EmailPayload, SlaPolicyRow, TicketRow } from "@atende/desk";
import { TICKET_COLUMNS } from "./tickets.repo";

const { sql } = PrismaNamespace;

/**
 * Ticket creation runs on the raw paths (readAsTenant, writeAsTenant): it is the desk's hottest write, and through the
 * ORM its ~25 statements cost ~20 ms of API CPU. Here it is one read of everything the rules need and one insert of
 * the ticket with its clocks, timers, event and e-mails (decision 0011).
 */

export type StoredEmailTemplate = { event: string; locale: string; subject: string; body: string };
export type CustomerFacts = { id: string; userId: string | null; email: string | null; name: string };

export type CreationFacts = {
  priorityCodes: string[];
  /** Null when the BU is unknown (or none was given). */
  buLocale: string | null;
  buParameters: unknown;
  groupFound: boolean;
  catalogueItemFound: boolean;
  namedCustomer: CustomerFacts | null;
  ownCustomer: CustomerFacts | null;
  policies: SlaPolicyRow[];
  /** Calendar definitions of the active policies, by calendar id. */
  calendars: Record<string, unknown>;
  emailTemplates: StoredEmailTemplate[];
};

const customerJson = sql`json_build_object('id', c.id, 'userId', c.user_id, 'email', c.email, 'name', c.name)`;

/** Everything the creation rules read, in one statement (ids that were not given are null and find nothing). */
export async function loadCreationFacts(
  query: TenantQuery,
  args: {
    tenantId: string;
    buId: string | null;
    groupId: string | null;
    catalogueItemId: string | null;
    customerId: string | null;
    /** The signed-in customer's user, whose own customer record files the ticket. */
    customerUserId: string | null;
  },
): Promise<CreationFacts> {
  const tenant = sql`${args.tenantId}::uuid`;
  const rows = await query<CreationFacts>(sql`
    SELECT
      ARRAY(SELECT p.code FROM priorities p WHERE p.tenant_id = ${tenant}) AS "priorityCodes",
      (SELECT b.locale FROM business_units b WHERE b.tenant_id = ${tenant} AND b.id = ${args.buId}::uuid) AS "buLocale",
      (SELECT s.parameters FROM bu_parameter_sets s WHERE s.tenant_id = ${tenant} AND s.bu_id = ${args.buId}::uuid
        ORDER BY s.version DESC LIMIT 1) AS "buParameters",
      EXISTS (SELECT 1 FROM groups g WHERE g.tenant_id = ${tenant} AND g.id = ${args.groupId}::uuid) AS "groupFound",
      EXISTS (SELECT 1 FROM catalogue_items ci WHERE ci.tenant_id = ${tenant} AND ci.id = ${args.catalogueItemId}::uuid)
        AS "catalogueItemFound",
      (SELECT ${customerJson} FROM customers c WHERE c.tenant_id = ${tenant} AND c.id = ${args.customerId}::uuid)
        AS "namedCustomer",
      (SELECT ${customerJson} FROM customers c WHERE c.tenant_id = ${tenant} AND c.user_id = ${args.customerUserId}::uuid
        LIMIT 1) AS "ownCustomer",
      (SELECT coalesce(json_agg(json_build_object('id', p.id, 'name', p.name, 'rank', p.rank,
          'conditions', p.conditions, 'calendarId', p.calendar_id, 'targets', p.targets,
          'warningPercent', p.warning_percent, 'channelRules', p.channel_rules, 'escalation', p.escalation,
          'resolutionStartsAt', p.resolution_starts_at)), '[]')
        FROM sla_policies p WHERE p.tenant_id = ${tenant} AND p.active) AS policies,
      (SELECT coalesce(json_object_agg(cal.id, cal.definition), '{}') FROM calendars cal
        WHERE cal.tenant_id = ${tenant}
          AND cal.id IN (SELECT p.calendar_id FROM sla_policies p WHERE p.tenant_id = ${tenant} AND p.active))
        AS calendars,
      (SELECT coalesce(json_agg(json_build_object('event', n.event, 'locale', n.locale, 'subject', n.subject,
          'body', n.body)), '[]')
        FROM notification_templates n WHERE n.tenant_id = ${tenant} AND n.event IN ('ticket.created', 'ticket.updated'))
        AS "emailTemplates"`);
  return rows[0]!;
}

export type NewTicket = {
  id: string;
  tenantId: string;
  subject: string;
  description: string;
  channel: string;
  type: string;
  priority: string;
  buId: string | null;
  catalogueItemId: string | null;
  organisationTier: string | null;
  groupId: string | null;
  requesterCustomerId: string | null;
  requesterUserId: string | null;
  requesterEmail: string | null;
  tags: string[];
  channelFlag: string | null;
  slaPolicyId: string | null;
  nextDueAt: Date | null;
  breached: boolean;
  createdAt: Date;
};

export type NewTimer = { id: string; kind: string; subject: string; dueAt: Date };

/**
 * Inserts the ticket under its case number with its clocks, timers, creation event and e-mails, in one statement
 * (data-modifying CTEs; the foreign keys are checked at the statement's end, when the ticket exists).
 */
export async function insertNewTicket(
  query: TenantQuery,
  input: {
    ticket: NewTicket;
    number: number;
    clocks: ClockWrite[];
    timers: NewTimer[];
    actor: { userId: string | null; label: string };
    emails: EmailPayload[];
  },
): Promise<TicketRow> {
  const { ticket: t, actor } = input;
  const tenant = sql`${t.tenantId}::uuid`;
  const id = sql`${t.id}::uuid`;
  const at = sql`${t.createdAt}::timestamptz`;
  const rows = await query<TicketRow>(sql`
    WITH ticket AS (
      INSERT INTO tickets AS t (id, tenant_id, number, subject, description, channel, proposed_type,
        proposed_priority, type, priority, bu_id, catalogue_item_id, organisation_tier, group_id,
        requester_customer_id, requester_user_id, requester_email, tags, channel_flag, sla_policy_id, next_due_at,
        breached, created_at, updated_at)
      VALUES (${id}, ${tenant}, ${input.number}::int, ${t.subject}, ${t.description}, ${t.channel}, ${t.type},
        ${t.priority}, ${t.type}, ${t.priority}, ${t.buId}::uuid, ${t.catalogueItemId}::uuid, ${t.organisationTier},
        ${t.groupId}::uuid, ${t.requesterCustomerId}::uuid, ${t.requesterUserId}::uuid, ${t.requesterEmail},
        ${t.tags}::text[], ${t.channelFlag}, ${t.slaPolicyId}::uuid, ${t.nextDueAt}::timestamptz, ${t.breached},
        ${at}, ${at})
      RETURNING ${TICKET_COLUMNS}
    ), clocks AS (
      INSERT INTO sla_clocks (id, tenant_id, ticket_id, kind, target, status, started_at, due_at, warn_at, met_at,
        breached_at, updated_at)
      SELECT gen_random_uuid(), ${tenant}, ${id}, r.kind, r.target, r.status, r."startedAt", r."dueAt", r."warnAt",
        r."metAt", r."breachedAt", ${at}
      FROM jsonb_to_recordset(${JSON.stringify(input.clocks)}::jsonb) AS r(kind text, target jsonb, status text,
        "startedAt" timestamptz, "dueAt" timestamptz, "warnAt" timestamptz, "metAt" timestamptz,
        "breachedAt" timestamptz)
    ), timers AS (
      INSERT INTO timers (id, tenant_id, kind, subject, due_at, created_at)
      SELECT r.id, ${tenant}, r.kind, r.subject, r."dueAt", ${at}
      FROM jsonb_to_recordset(${JSON.stringify(input.timers)}::jsonb) AS r(id uuid, kind text, subject text,
        "dueAt" timestamptz)
    ), event AS (
      INSERT INTO ticket_events (id, tenant_id, ticket_id, at, actor_user_id, actor_label, type, data)
      VALUES (gen_random_uuid(), ${tenant}, ${id}, ${at}, ${actor.userId}::uuid, ${actor.label}, 'ticket.created',
        jsonb_build_object('number', ${input.number}::int, 'channel', ${t.channel}::text))
    ), mail AS (
      INSERT INTO outbox (id, tenant_id, kind, payload, status, attempts, available_at, created_at)
      SELECT gen_random_uuid(), ${tenant}, 'email', r.payload, 'pending', 0, ${at}, ${at}
      FROM jsonb_to_recordset(${JSON.stringify(input.emails.map((payload) => ({ payload })))}::jsonb)
        AS r(payload jsonb)
    )
    SELECT * FROM ticket`);
  return rows[0]!;
}

/** Writes pending e-mails to the outbox in the creating transaction. */
export async function insertEmails(
  query: TenantQuery,
  tenantId: string,
  emails: EmailPayload[],
  at: Date,
): Promise<void> {
  if (emails.length === 0) return;
  await query(sql`
    INSERT INTO outbox (id, tenant_id, kind, payload, status, attempts, available_at, created_at)
    SELECT gen_random_uuid(), ${tenantId}::uuid, 'email', r.payload, 'pending', 0, ${at}::timestamptz,
      ${at}::timestamptz
    FROM jsonb_to_recordset(${JSON.stringify(emails.map((payload) => ({ payload })))}::jsonb) AS r(payload jsonb)`);
}

/** The reply template in the ticket's locale, else in any locale; null when the tenant has none of that code. */
export async function findReplyTemplateBody(
  query: TenantQuery,
  tenantId: string,
  code: string,
  locale: string,
): Promise<string | null> {
  const rows = await query<{ body: string }>(sql`
    SELECT body FROM reply_templates WHERE tenant_id = ${tenantId}::uuid AND code = ${code}
    ORDER BY (locale = ${locale}) DESC, locale LIMIT 1`);
  return rows[0]?.body ?? null;
}

/** The channel rule's automatic public reply and its event (seed 001 channel rules). */
export async function insertAutoReply(
  query: TenantQuery,
  input: { tenantId: string; ticketId: string; body: string; allowedChannels: string[]; at: Date },
): Promise<void> {
  const tenant = sql`${input.tenantId}::uuid`;
  const at = sql`${input.at}::timestamptz`;
  await query(sql`
    WITH message AS (
      INSERT INTO ticket_messages (id, tenant_id, ticket_id, author_user_id, author_label, author_kind, visibility,
        body, created_at)
      VALUES (gen_random_uuid(), ${tenant}, ${input.ticketId}::uuid, NULL, 'system', 'system', 'public', ${input.body},
        ${at})
    )
    INSERT INTO ticket_events (id, tenant_id, ticket_id, actor_user_id, actor_label, type, data)
    VALUES (gen_random_uuid(), ${tenant}, ${input.ticketId}::uuid, NULL, 'system', 'ticket.channel_not_allowed',
      jsonb_build_object('allowedChannels', ${JSON.stringify(input.allowedChannels)}::jsonb))`);
}
