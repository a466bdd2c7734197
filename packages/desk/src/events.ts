import type { Tx } from "@atende/db";
import { PrismaNamespace } from "@atende/db";

export type DeskActor = { userId: string | null; label: string };

/** Every change to a ticket is an event in its history (append-only, like the audit log). */
export async function recordTicketEvent(
  tx: Tx,
  e: { tenantId: string; ticketId: string; actor: DeskActor; type: string; data?: Record<string, unknown>; at?: Date },
): Promise<void> {
  await tx.ticketEvent.create({
    data: {
      tenantId: e.tenantId,
      ticketId: e.ticketId,
      actorUserId: e.actor.userId,
      actorLabel: e.actor.label,
      type: e.type,
      data: (e.data ?? {}) as PrismaNamespace.InputJsonValue,
      ...(e.at ? { at: e.at } : {}),
    },
  });
}
