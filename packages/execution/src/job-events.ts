import { PrismaNamespace, type Tx } from "@atende/db";
import { sxEvent, type SxEventName } from "@atende/domain";
import type { ExecActor } from "./exec-deps";

/** Every action on a job is a numbered event in its history (append-only in the database). */
export async function recordJobEvent(
  tx: Tx,
  e: {
    tenantId: string;
    jobId: string;
    actor: Pick<ExecActor, "userId" | "label">;
    name: SxEventName;
    data?: Record<string, unknown>;
    at: Date;
  },
): Promise<void> {
  const event = sxEvent(e.name);
  await tx.jobEvent.create({
    data: {
      tenantId: e.tenantId,
      jobId: e.jobId,
      code: event.code,
      name: event.name,
      actorUserId: e.actor.userId,
      actorLabel: e.actor.label,
      data: (e.data ?? {}) as PrismaNamespace.InputJsonValue,
      at: e.at,
    },
  });
}
