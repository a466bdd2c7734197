import { scheduleTimer, type TimerHandler } from "@atende/jobs";

/**
 * Deletes the session named by the timer's subject once it has expired. A session extended after the timer was set
 * gets the timer re-armed for its new expiry in this same transaction; the sweep enqueues it (enqueued_at is empty).
 */
export const sessionExpiry: TimerHandler = async (tx, job, now) => {
  const session = await tx.session.findFirst({
    where: { id: job.subject, tenantId: job.tenantId },
    select: { expiresAt: true },
  });
  if (!session) return;
  if (session.expiresAt <= now) {
    await tx.session.deleteMany({ where: { id: job.subject, tenantId: job.tenantId, expiresAt: { lte: now } } });
    return;
  }
  await scheduleTimer(tx, {
    tenantId: job.tenantId,
    kind: "session-expiry",
    subject: job.subject,
    dueAt: session.expiresAt,
  });
};
