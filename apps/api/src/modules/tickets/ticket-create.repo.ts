import { PrismaNamespace, type TenantQuery } from "@atende/db";
import type { ClockWrite, EmailPayload, SlaPolicyRow, TicketRow } from "@atende/desk";
import { TICKET_COLUMNS } from "./tickets.repo";

const { sql } = PrismaNamespace;

/**
 * Ticket creation is the desk's hottest write: through the ORM its ~25 statements cost ~20 ms of API CPU. Here it is at
 * most one call reading what the rules need (none when the configuration is cached and no customer is named) and one
 * call writing the ticket with its clocks, timers, event and e-mails, PL/pgSQL functions that pin the tenant
 * themselves, so no BEGIN or COMMIT round trip is spent (decisions 0011 and 0019).
 */

export type StoredEmailTemplate = { event: string; locale: string; subject: string; body: string };
export type CustomerFacts = { id: string; userId: string | null; email: string | null; name: string };

/**
 * The tenant's creation configuration: everything the creation rules check except the customer. Versioned per tenant
 * (any change to these tables bumps the version in the same transaction) and cached by the API (decisions 0013, 0019).
 */
export type CreationConfig = {
  /** Every business unit's locale and current parameters, by id. */
  businessUnits: Record<string, { locale: string; parameters: unknown }>;
  groupIds: string[];
  catalogueItemIds: string[];
  priorityCodes: string[];
  policies: SlaPolicyRow[];
  /** Calendar definitions of the active policies, by calendar id. */
  calendars: Record<string, unknown>;
  emailTemplates: StoredEmailTemplate[];
  /** The automatic replies the active policies' channel rules name, in every locale. */
  replyTemplates: Array<{ code: string; locale: string; body: string }>;
};

/** The configuration with the version it was read at, and the customers the creation names. */
export type LoadedFacts = {
  configVersion: number;
  config: CreationConfig;
  namedCustomer: CustomerFacts | null;
  ownCustomer: CustomerFacts | null;
};

/** What the creation rules check, for the business unit, group and catalogue item one creation names. */
export type CreationFacts = Omit<CreationConfig, "businessUnits" | "groupIds" | "catalogueItemIds"> & {
  configVersion: number;
  /** Null when the BU is unknown (or none was given). */
  buLocale: string | null;
  buParameters: unknown;
  groupFound: boolean;
  catalogueItemFound: boolean;
  namedCustomer: CustomerFacts | null;
  ownCustomer: CustomerFacts | null;
};

type IdSets = { groups: Set<string>; catalogueItems: Set<string> };
const idSets = new WeakMap<CreationConfig, IdSets>();

/** Membership tests against the configuration's ids, built once per configuration received. */
function idSetsOf(config: CreationConfig): IdSets {
  let sets = idSets.get(config);
  if (!sets) {
    sets = { groups: new Set(config.groupIds), catalogueItems: new Set(config.catalogueItemIds) };
    idSets.set(config, sets);
  }
  return sets;
}

export function creationFactsFor(
  loaded: LoadedFacts,
  refs: { buId: string | null; groupId: string | null; catalogueItemId: string | null },
): CreationFacts {
  const { businessUnits, groupIds: _groups, catalogueItemIds: _items, ...rules } = loaded.config;
  const bu = refs.buId ? (businessUnits[refs.buId] ?? null) : null;
  const sets = idSetsOf(loaded.config);
  return {
    ...rules,
    configVersion: loaded.configVersion,
    buLocale: bu?.locale ?? null,
    buParameters: bu?.parameters ?? null,
    groupFound: refs.groupId !== null && sets.groups.has(refs.groupId),
    catalogueItemFound: refs.catalogueItemId !== null && sets.catalogueItems.has(refs.catalogueItemId),
    namedCustomer: loaded.namedCustomer,
    ownCustomer: loaded.ownCustomer,
  };
}

type StoredFacts = {
  configVersion: number;
  /** Null when the version the call named is still the tenant's current one. */
  config: CreationConfig | null;
  namedCustomer: CustomerFacts | null;
  ownCustomer: CustomerFacts | null;
};
type CachedConfig = { version: number; config: CreationConfig };

/**
 * The tenant's creation configuration as last received, with its version. A creation planned from it names the version
 * to app_file_ticket, which refuses it after any change, so this saves reads, never freshness (decision 0019).
 * Bounded: the least recently used tenant is dropped first.
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

/** The creation facts from the cache alone, for a creation that names no customer; null when nothing is cached. */
export function cachedCreationFacts(tenantId: string): LoadedFacts | null {
  const entry = configCache.get(tenantId);
  if (!entry) return null;
  rememberConfig(tenantId, entry);
  return { configVersion: entry.version, config: entry.config, namedCustomer: null, ownCustomer: null };
}

/** Drops the tenant's cached configuration once app_file_ticket said it is out of date. */
export function forgetCreationConfig(tenantId: string): void {
  configCache.delete(tenantId);
}

/** The customers a creation names and, unless the cached copy is current, the configuration (app_ticket_creation_facts). */
export async function loadCreationFacts(
  query: TenantQuery,
  args: {
    tenantId: string;
    customerId: string | null;
    /** The signed-in customer's user, whose own customer record files the ticket. */
    customerUserId: string | null;
  },
): Promise<LoadedFacts> {
  const cached = configCache.get(args.tenantId);
  const rows = await query<{ facts: StoredFacts }>(sql`
    SELECT app_ticket_creation_facts(${args.tenantId}::uuid, ${args.customerId}::uuid, ${args.customerUserId}::uuid,
      ${cached?.version ?? -1}::bigint) AS facts`);
  const { config, configVersion, namedCustomer, ownCustomer } = rows[0]!.facts;
  const entry = config ? { version: configVersion, config } : cached;
  if (!entry) throw new Error("app_ticket_creation_facts sent no configuration for a version the API does not hold");
  rememberConfig(args.tenantId, entry);
  return { configVersion: entry.version, config: entry.config, namedCustomer, ownCustomer };
}

/** SQLSTATE of app_file_ticket's refusal: the configuration version the creation was planned with is out of date. */
const STALE_CONFIG = "AT001";

export function isStaleCreationConfig(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === STALE_CONFIG;
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
    /** The creation configuration version the ticket was planned with; a newer one refuses the call (AT001). */
    configVersion: number;
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
      ${input.numberSlot}, ${input.configVersion}::bigint) AS t`);
  return rows[0]!;
}
