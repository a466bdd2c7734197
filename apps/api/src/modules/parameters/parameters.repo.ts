import type { Tx } from "@atende/db";
import { PrismaNamespace } from "@atende/db";

export type ParameterSetRow = {
  buId: string;
  version: number;
  parameters: unknown;
  changedBy: { id: string; name: string } | null;
  comment: string | null;
  createdAt: Date;
};

export async function insertParameterSet(
  tx: Tx,
  data: {
    tenantId: string;
    buId: string;
    version: number;
    parameters: PrismaNamespace.InputJsonValue;
    changedBy: string | null;
    comment: string | null;
  },
): Promise<void> {
  await tx.buParameterSet.create({ data });
}

async function withAuthors(
  tx: Tx,
  tenantId: string,
  rows: Array<Omit<ParameterSetRow, "changedBy"> & { changedBy: string | null }>,
) {
  const ids = [...new Set(rows.map((r) => r.changedBy).filter((x): x is string => x !== null))];
  const users = ids.length
    ? await tx.user.findMany({ where: { tenantId, id: { in: ids } }, select: { id: true, name: true } })
    : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  return rows.map((r) => ({
    ...r,
    changedBy: r.changedBy ? (byId.get(r.changedBy) ?? { id: r.changedBy, name: "?" }) : null,
  }));
}

const SELECT = {
  buId: true,
  version: true,
  parameters: true,
  changedBy: true,
  comment: true,
  createdAt: true,
} as const;

export async function latestParameterSet(tx: Tx, tenantId: string, buId: string): Promise<ParameterSetRow | null> {
  const row = await tx.buParameterSet.findFirst({
    where: { tenantId, buId },
    orderBy: { version: "desc" },
    select: SELECT,
  });
  return row ? ((await withAuthors(tx, tenantId, [row]))[0] ?? null) : null;
}

export async function parameterHistory(
  tx: Tx,
  tenantId: string,
  buId: string,
  limit: number,
): Promise<ParameterSetRow[]> {
  const rows = await tx.buParameterSet.findMany({
    where: { tenantId, buId },
    orderBy: { version: "desc" },
    take: limit,
    select: SELECT,
  });
  return withAuthors(tx, tenantId, rows);
}
