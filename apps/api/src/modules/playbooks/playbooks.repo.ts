import type { Tx } from "@atende/db";
import { PrismaNamespace } from "@atende/db";
import type { TPlaybook } from "@atende/contracts";
import { decodeCursor } from "../../lib/cursor";
import { orderFor, seekAfter } from "../../lib/keyset";
import { codeOrNameContains, pageOf, ZListCursor, type ListQuery } from "../calendars/listing";

type Row = {
  id: string;
  code: string;
  name: string;
  trigger: string;
  steps: PrismaNamespace.JsonValue;
  active: boolean;
  version: number;
  createdAt: Date;
};

export type PlaybookData = Pick<TPlaybook, "code" | "name" | "trigger" | "steps" | "active">;

export function toPlaybook(r: Row): TPlaybook {
  return {
    ...r,
    trigger: r.trigger as TPlaybook["trigger"],
    steps: r.steps as TPlaybook["steps"],
    createdAt: r.createdAt.toISOString(),
  };
}

export async function listPlaybooks(tx: Tx, tenantId: string, q: ListQuery & { trigger?: string | undefined }) {
  const after = decodeCursor(q.cursor, ZListCursor);
  const where: PrismaNamespace.PlaybookWhereInput = {
    tenantId,
    ...(q.trigger ? { trigger: q.trigger } : {}),
    AND: [codeOrNameContains(q.q), after ? seekAfter(q.sort, after) : {}],
  };
  const rows = await tx.playbook.findMany({ where, orderBy: orderFor(q.sort), take: q.limit + 1 });
  return pageOf(rows, q, toPlaybook);
}

export async function findPlaybook(tx: Tx, tenantId: string, id: string) {
  const row = await tx.playbook.findFirst({ where: { id, tenantId } });
  return row ? toPlaybook(row) : null;
}

export async function findPlaybookByCode(tx: Tx, tenantId: string, code: string) {
  const row = await tx.playbook.findFirst({ where: { tenantId, code } });
  return row ? toPlaybook(row) : null;
}

export async function createPlaybook(tx: Tx, tenantId: string, data: PlaybookData) {
  const row = await tx.playbook.create({
    data: { ...data, steps: data.steps as PrismaNamespace.InputJsonValue, tenantId },
  });
  return toPlaybook(row);
}

/** Optimistic concurrency: the update applies only to the version the client read. Returns null when stale. */
export async function updatePlaybook(
  tx: Tx,
  tenantId: string,
  id: string,
  version: number,
  data: Partial<Omit<PlaybookData, "code">>,
) {
  const { steps, ...rest } = data;
  const res = await tx.playbook.updateMany({
    where: { id, tenantId, version },
    data: {
      ...rest,
      ...(steps !== undefined ? { steps: steps as PrismaNamespace.InputJsonValue } : {}),
      version: { increment: 1 },
    },
  });
  if (res.count === 0) return null;
  return findPlaybook(tx, tenantId, id);
}
