import type { Tx } from "@atende/db";

export type StoredNotificationTemplate = {
  id: string;
  event: string;
  locale: string;
  subject: string;
  body: string;
  version: number;
};

const SELECT = { id: true, event: true, locale: true, subject: true, body: true, version: true } as const;

export function listNotificationTemplates(
  tx: Tx,
  tenantId: string,
  q: { event?: string | undefined; locale?: string | undefined },
): Promise<StoredNotificationTemplate[]> {
  return tx.notificationTemplate.findMany({
    where: { tenantId, ...(q.event ? { event: q.event } : {}), ...(q.locale ? { locale: q.locale } : {}) },
    select: SELECT,
    orderBy: [{ event: "asc" }, { locale: "asc" }],
  });
}

export function findNotificationTemplate(
  tx: Tx,
  tenantId: string,
  event: string,
  locale: string,
): Promise<StoredNotificationTemplate | null> {
  return tx.notificationTemplate.findFirst({ where: { tenantId, event, locale }, select: SELECT });
}

export async function createNotificationTemplate(
  tx: Tx,
  tenantId: string,
  data: { event: string; locale: string; subject: string; body: string },
): Promise<StoredNotificationTemplate> {
  return tx.notificationTemplate.create({ data: { ...data, tenantId }, select: SELECT });
}

/** Applies only to the version read; null when it moved on. */
export async function updateNotificationTemplate(
  tx: Tx,
  tenantId: string,
  id: string,
  version: number,
  data: { subject: string; body: string },
): Promise<StoredNotificationTemplate | null> {
  const res = await tx.notificationTemplate.updateMany({
    where: { id, tenantId, version },
    data: { ...data, version: { increment: 1 } },
  });
  if (res.count === 0) return null;
  return tx.notificationTemplate.findFirst({ where: { id, tenantId }, select: SELECT });
}
