import type { Tx } from "@atende/db";
import { DEFAULT_PRIORITIES, type PriorityLevel } from "@atende/domain";
import { isUuid } from "./recipients";

/** Longer than any ordinary ticket transaction, shorter than PostgreSQL's deadlock_timeout (1 s by default). */
export const TICKET_LOCK_TIMEOUT = "500ms";

/**
 * Reads a ticket after locking its row, so a timer handler and a concurrent change by the API (which updates the row
 * early in its transaction) run one after the other and the handler acts on the committed state; null when absent.
 *
 * A timer handler already holds its claimed timer row when it asks for the ticket, while an API change holds the
 * ticket and may then reschedule that same timer: the two would deadlock. The short lock timeout makes the handler
 * the one that gives up; its claim rolls back with it and the job is retried (or the sweep fires it) later.
 */
export async function lockTicket(tx: Tx, tenantId: string, ticketId: string) {
  if (!isUuid(ticketId)) return null;
  // One round trip: the function sets the short lock timeout, locks, and restores the caller's timeout.
  const [locked] = await tx.$queryRaw<Array<{ found: boolean }>>`
    SELECT app_lock_ticket(${tenantId}::uuid, ${ticketId}::uuid, ${TICKET_LOCK_TIMEOUT}) AS found`;
  if (!locked?.found) return null;
  return tx.ticket.findFirst({ where: { tenantId, id: ticketId } });
}

/** The tenant's priority levels, or the defaults while it has not configured any. */
export async function loadPriorityLevels(tx: Tx, tenantId: string): Promise<PriorityLevel[]> {
  const rows = await tx.priority.findMany({ where: { tenantId }, select: { code: true, rank: true } });
  return rows.length > 0 ? rows : [...DEFAULT_PRIORITIES];
}
