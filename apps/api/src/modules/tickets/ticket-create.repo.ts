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

type CreationConfig = Pick<
  CreationFacts,
  "priorityCodes" | "policies" | "calendars" | "emailTemplates" | "replyTemplates"
>;
type StoredFacts = Omit<CreationFacts, keyof CreationConfig> & {
  configVersion: number;
  /** Null when the version the call named is still the tenant's current one. */
  config: CreationConfig | null;
};
type CachedConfig = { version: number; config: CreationConfig };

/**
 * The tenant's creation configuration as last received, with its version. Every call still names the version it holds
 * and gets the configuration again after any change, so this saves the transfer and parsing, never freshness
 * (decision 0013). Bounded: the least recently used tenant is dropped first.
 */
const configCache = new Map<string, CachedConfig>();
const CONFIG_CACHE_TENANTS = 1_000;

function rememberConfig(tenantId: string, entry: CachedConfig): void {
  configCache.delete(tenantId);
  configCache.set(tenantId, entry);
  if (configCache.size > CONFIG_CACHE_TENANTS) {
    const oldest = configCache.keys().next().value;
    if (oldest !== undefined) configCache.delete(oldest);
  }
}

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
  const cached = configCache.get(args.tenantId);
  const rows = await query<{ facts: StoredFacts }>(sql`
    SELECT app_ticket_creation_facts(${args.tenantId}::uuid, ${args.buId}::uuid, ${args.groupId}::uuid,
      ${args.catalogueItemId}::uuid, ${args.customerId}::uuid, ${args.customerUserId}::uuid,
      ${cached?.version ?? -1}::bigint) AS facts`);
  const { config, configVersion, ...facts } = rows[0]!.facts;
  const entry = config ? { version: configVersion, config } : cached;
  if (!entry) throw new Error("app_ticket_creation_facts sent no configuration for a version the API does not hold");
  rememberConfig(args.tenantId, entry);
  return { ...facts, ...entry.config };
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

/** `enqueue`: its job is added right after the commit, so the insert already marks it enqueued (decision 0013). */
export type NewTimer = { id: string; kind: string; subject: string; dueAt: Date; enqueue: boolean };
export type AutoReply = { body: string; allowedChannels: string[] };

/**
 * Takes the case number and writes the ticket under it with its clocks, timers, creation event, e-mails and any
 * automatic reply, in one call that pins the tenant itself (app_file_ticket). The e-mails and the reply carry
 * `numberSlot` where the number goes (decision 0016).
 */
export async function fileNewTicket(
  query: TenantQuery,
  input: {
    ticket: NewTicket;
    numberSlot: string;
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
    FROM app_file_ticket(${t.tenantId}::uuid, ${JSON.stringify(ticket)}::jsonb, ${JSON.stringify(input.clocks)}::jsonb,
      ${JSON.stringify(input.timers)}::jsonb, ${actor.userId}::uuid, ${actor.label},
      ${JSON.stringify(input.emails)}::jsonb, ${input.autoReply ? JSON.stringify(input.autoReply) : null}::jsonb,
      ${input.numberSlot}) AS t`);
  return rows[0]!;
}
