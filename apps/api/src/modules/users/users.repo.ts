import type { Tx } from "@atende/db";
import { PrismaNamespace } from "@atende/db";
import type { Role, RoleAssignment } from "@atende/domain";
import type { TUser } from "@atende/contracts";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "../../lib/cursor";
import { orderFor, seekAfter } from "../../lib/keyset";

// Never select password_hash here: these rows become API responses and audit entries.
const SELECT = {
  id: true,
  email: true,
  name: true,
  locale: true,
  status: true,
  lockedUntil: true,
  lastLoginAt: true,
  version: true,
  createdAt: true,
  roleAssignments: {
    select: { role: true, buId: true, storeId: true },
    orderBy: [{ role: "asc" }, { buId: { sort: "asc", nulls: "first" } }, { storeId: { sort: "asc", nulls: "first" } }],
  },
  memberships: { select: { groupId: true }, orderBy: { groupId: "asc" } },
} satisfies PrismaNamespace.UserSelect;

type Row = PrismaNamespace.UserGetPayload<{ select: typeof SELECT }>;

export function toUser(r: Row): TUser {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    locale: r.locale,
    status: r.status === "disabled" ? "disabled" : "active",
    roles: r.roleAssignments.map((a) => ({ role: a.role as Role, buId: a.buId, storeId: a.storeId })),
    groupIds: r.memberships.map((m) => m.groupId),
    lockedUntil: r.lockedUntil?.toISOString() ?? null,
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  };
}

// Every sort field here is text or a timestamp sent as ISO text; a number would fail in the query, not as a 400.
const ZCursor = z.object({ v: z.string().max(300), id: z.uuid() });

export async function listUsers(
  tx: Tx,
  tenantId: string,
  q: { limit: number; cursor?: string | undefined; q?: string | undefined; role?: Role | undefined; sort: string },
) {
  const field = q.sort.replace(/^-/, "") as "email" | "name" | "createdAt";
  const after = decodeCursor(q.cursor, ZCursor);
  const where: PrismaNamespace.UserWhereInput = {
    tenantId,
    ...(q.role ? { roleAssignments: { some: { role: q.role } } } : {}),
    // Both the text filter and the keyset seek are ORs: AND keeps one from replacing the other.
    AND: [
      q.q
        ? { OR: [{ name: { contains: q.q, mode: "insensitive" } }, { email: { contains: q.q, mode: "insensitive" } }] }
        : {},
      after ? seekAfter(q.sort, after) : {},
    ],
  };
  const rows = await tx.user.findMany({ where, select: SELECT, orderBy: orderFor(q.sort), take: q.limit + 1 });
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  const v = last ? (field === "createdAt" ? last.createdAt.toISOString() : last[field]) : null;
  return {
    items: items.map(toUser),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ v, id: last.id }) : null,
  };
}

export async function findUser(tx: Tx, tenantId: string, id: string) {
  const row = await tx.user.findFirst({ where: { id, tenantId }, select: SELECT });
  return row ? toUser(row) : null;
}

export async function emailTaken(tx: Tx, tenantId: string, email: string) {
  const row = await tx.user.findFirst({
    where: { tenantId, email: { equals: email, mode: "insensitive" } },
    select: { id: true },
  });
  return row !== null;
}

export async function existingUserIds(tx: Tx, tenantId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.user.findMany({ where: { tenantId, id: { in: ids } }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

export async function existingBuIds(tx: Tx, tenantId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.businessUnit.findMany({ where: { tenantId, id: { in: ids } }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

function isUniqueViolation(error: unknown) {
  return error instanceof PrismaNamespace.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Emails are unique across all tenants because sign-in looks them up globally: the login directory's key (kept by a
 * trigger) refuses an email another tenant already uses, which this tenant cannot see. Returns null then.
 */
export async function createUser(
  tx: Tx,
  tenantId: string,
  data: { email: string; name: string; locale: string; passwordHash: string },
): Promise<string | null> {
  try {
    const row = await tx.user.create({ data: { ...data, tenantId }, select: { id: true } });
    return row.id;
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/** Optimistic concurrency: applies only to the version the client read. Returns false when stale. */
export async function updateUser(
  tx: Tx,
  tenantId: string,
  id: string,
  version: number,
  data: {
    name?: string;
    locale?: string;
    status?: string;
    passwordHash?: string;
    failedLogins?: number;
    lockedUntil?: null;
  },
) {
  const res = await tx.user.updateMany({
    where: { id, tenantId, version },
    data: { ...data, version: { increment: 1 } },
  });
  return res.count > 0;
}

export async function replaceRoles(tx: Tx, tenantId: string, userId: string, roles: RoleAssignment[]) {
  await tx.roleAssignment.deleteMany({ where: { tenantId, userId } });
  await tx.roleAssignment.createMany({
    data: roles.map((r) => ({ tenantId, userId, role: r.role, buId: r.buId, storeId: r.storeId })),
  });
}

/** Ends the user's sessions, except the one making the request when they change their own password. */
export async function revokeSessions(tx: Tx, tenantId: string, userId: string, at: Date, keepSessionId: string | null) {
  await tx.session.updateMany({
    where: { tenantId, userId, revokedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
    data: { revokedAt: at },
  });
}
