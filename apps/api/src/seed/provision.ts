import { hash } from "@node-rs/argon2";
import type { Db, Tx } from "@atende/db";
import type { RoleAssignment } from "@atende/domain";

/** Creating tenants is a platform operation: it needs the owner connection (the app role may only read tenants). */
export async function provisionTenant(
  ownerDb: Db,
  input: { slug: string; name: string },
): Promise<{ id: string; created: boolean }> {
  const existing = await ownerDb.tenant.findUnique({ where: { slug: input.slug }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  const created = await ownerDb.tenant.create({ data: input, select: { id: true } });
  return { id: created.id, created: true };
}

export async function upsertUserWithRoles(
  tx: Tx,
  input: { tenantId: string; email: string; name: string; password: string; locale?: string; roles: RoleAssignment[] },
): Promise<string> {
  const email = input.email.toLowerCase();
  const existing = await tx.user.findFirst({ where: { tenantId: input.tenantId, email }, select: { id: true } });
  if (existing) return existing.id;
  const user = await tx.user.create({
    data: {
      tenantId: input.tenantId,
      email,
      name: input.name,
      locale: input.locale ?? "en",
      passwordHash: await hash(input.password),
    },
    select: { id: true },
  });
  await tx.roleAssignment.createMany({
    data: input.roles.map((r) => ({
      tenantId: input.tenantId,
      userId: user.id,
      role: r.role,
      buId: r.buId,
      storeId: r.storeId,
    })),
  });
  return user.id;
}
