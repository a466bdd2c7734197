/** Tenant-scoped change notices on Redis pub/sub; the API streams them to browsers as server-sent events. */
export type LiveEvent = { type: "ticket.changed"; ticketId: string } | { type: "ticket.created"; ticketId: string };

export const liveChannel = (prefix: string, tenantId: string) => `${prefix}:live:${tenantId}`;

export type LivePublisher = (tenantId: string, event: LiveEvent) => Promise<void>;
