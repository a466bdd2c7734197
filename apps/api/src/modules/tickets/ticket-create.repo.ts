import { PrismaNamespace, type TenantQuery } from "@atende/db";
import type { ClockWrite, EmailPayload, SlaPolicyRow, TicketRow } from "@atende/desk";
import { TICKET_COLUMNS } from "./tickets.repo";

const { sql } = PrismaNamespace;

/**
 * Ticket creation is the desk's hottest write: through the ORM its ~25 statements cost ~20 ms of API CPU. Here it is one
 * call reading everything the rules need and one call writing the ticket with its clocks, timers, event and e-mails,
 * two PL/pgSQL functions that pin the tenant themselves, so no BEGIN or COMMIT round trip is spent (decision 0011).
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
  /** The automatic replies the active policies' channel rules name, in every locale. */
  replyTemplates: Array<{ code: string; locale: string; body: string }>;
};

/** Everything the creation rules read, in one call that pins the tenant itself (app_ticket_creation_facts). */
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
  const rows = await query<{ facts: CreationFacts }>(sql`
    SELECT app_ticket_creation_facts(${args.tenantId}::uuid, ${args.buId}::uuid, ${args.groupId}::uuid,
      ${args.catalogueItemId}::uuid, ${args.customerId}::uuid, ${args.customerUserId}::uuid) AS facts`);
  return rows[0]!.facts;
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
export type AutoReply = { body: string; allowedChannels: string[] };

/**
 * Writes the ticket under its case number with its clocks, timers, creation event, e-mails and any automatic reply, in
 * one call that pins the tenant itself and is its own transaction (app_create_ticket).
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
    autoReply: AutoReply | null;
  },
): Promise<TicketRow> {
  const { ticket: t, actor } = input;
  // The columns' own names: the function reads this with jsonb_populate_record(NULL::tickets, ...).
  const ticket = {
    id: t.id,
    number: input.number,
    subject: t.subject,
    description: t.description,
    channel: t.channel,
    type: t.type,
    priority: t.priority,
    bu_id: t.buId,
    catalogue_item_id: t.catalogueItemId,
    organisation_tier: t.organisationTier,
    group_id: t.groupId,
    requester_customer_id: t.requesterCustomerId,
    requester_user_id: t.requesterUserId,
    requester_email: t.requesterEmail,
    tags: t.tags,
    channel_flag: t.channelFlag,
    sla_policy_id: t.slaPolicyId,
    next_due_at: t.nextDueAt,
    breached: t.breached,
    created_at: t.createdAt,
  };
  const rows = await query<TicketRow>(sql`
    SELECT ${TICKET_COLUMNS}
    FROM app_create_ticket(${t.tenantId}::uuid, ${JSON.stringify(ticket)}::jsonb, ${JSON.stringify(input.clocks)}::jsonb,
      ${JSON.stringify(input.timers)}::jsonb, ${actor.userId}::uuid, ${actor.label},
      ${JSON.stringify(input.emails)}::jsonb, ${input.autoReply ? JSON.stringify(input.autoReply) : null}::jsonb) AS t`);
  return rows[0]!;
}
