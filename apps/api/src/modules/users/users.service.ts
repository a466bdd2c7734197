import type { TUser, ZCreateUserRequest, ZUpdateUserRequest } from "@atende/contracts";
import type { Role, RoleAssignment } from "@atende/domain";
import type { z } from "zod";
import type { RequestContext } from "../../context";
import { AppError, notFound, staleVersion } from "../../errors";
import { recordAudit } from "../audit/audit.repo";
import { hashPassword } from "../auth/auth.service";
import type { AnnounceRevocation } from "../auth/session-revocations";
import { assertRoleScopes, uniqueRoles } from "./role-scopes.service";
import * as repo from "./users.repo";

const MODULE = "admin";

export type UserDeps = {
  now: () => Date;
  /** Drops the user's cached sessions in every API process once a change committed. */
  announceRevocation: AnnounceRevocation;
};
type CreateInput = z.output<typeof ZCreateUserRequest>;
type UpdateInput = z.output<typeof ZUpdateUserRequest>;

const emailConflict = (message: string) =>
  new AppError("CONFLICT", { detail: `body.email: ${message}`, fields: [{ path: "body.email", message }] });

export function listUsers(
  ctx: RequestContext,
  q: { limit: number; cursor?: string | undefined; q?: string | undefined; role?: Role | undefined; sort: string },
) {
  return ctx.run((tx) => repo.listUsers(tx, ctx.tenantId, q));
}

export async function getUser(ctx: RequestContext, id: string) {
  const user = await ctx.run((tx) => repo.findUser(tx, ctx.tenantId, id));
  if (!user) throw notFound("user");
  return user;
}

export async function createUser(ctx: RequestContext, input: CreateInput) {
  const email = input.email.toLowerCase();
  const roles = uniqueRoles(input.roles);
  // Hashing is slow on purpose: keep it outside the transaction.
  const passwordHash = await hashPassword(input.password);
  return ctx.run(async (tx) => {
    await assertRoleScopes(tx, ctx.tenantId, roles);
    if (await repo.emailTaken(tx, ctx.tenantId, email)) throw emailConflict("a user with this email already exists");
    const id = await repo.createUser(tx, ctx.tenantId, { email, name: input.name, locale: input.locale, passwordHash });
    // Deliberately vague: the email belongs to an account this tenant cannot see.
    if (id === null) throw emailConflict("this email is already registered; use another one");
    await repo.replaceRoles(tx, ctx.tenantId, id, roles);
    const user = (await repo.findUser(tx, ctx.tenantId, id))!;
    await recordAudit(tx, ctx, {
      action: "user.create",
      module: MODULE,
      entityType: "user",
      entityId: id,
      after: user,
    });
    return user;
  });
}

const isWideAdmin = (r: RoleAssignment) => r.role === "tenant_admin" && r.buId === null;

/** An admin locking themselves out would leave nobody able to undo it, so self-service refuses it. */
function assertNoSelfLockout(
  ctx: RequestContext,
  before: TUser,
  input: UpdateInput,
  roles: RoleAssignment[] | undefined,
) {
  if (ctx.actor.userId !== before.id) return;
  if (input.status === "disabled") {
    throw new AppError("RULE_VIOLATION", { detail: "you cannot disable your own account" });
  }
  if (roles && before.roles.some(isWideAdmin) && !roles.some(isWideAdmin)) {
    throw new AppError("RULE_VIOLATION", { detail: "you cannot remove your own tenant_admin role" });
  }
}

export async function updateUser(ctx: RequestContext, deps: UserDeps, id: string, input: UpdateInput) {
  const roles = input.roles ? uniqueRoles(input.roles) : undefined;
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const after = await ctx.run(async (tx) => {
    const before = await repo.findUser(tx, ctx.tenantId, id);
    if (!before) throw notFound("user");
    assertNoSelfLockout(ctx, before, input, roles);
    if (roles) await assertRoleScopes(tx, ctx.tenantId, roles);
    const saved = await repo.updateUser(tx, ctx.tenantId, id, input.version, {
      name: input.name,
      locale: input.locale,
      status: input.status,
      passwordHash,
      ...(input.unlock ? { failedLogins: 0, lockedUntil: null } : {}),
    });
    if (!saved) throw staleVersion("user");
    if (roles) await repo.replaceRoles(tx, ctx.tenantId, id, roles);
    if (passwordHash || (input.status === "disabled" && before.status !== "disabled")) {
      const keep = ctx.principal.kind === "user" && ctx.actor.userId === id ? ctx.principal.sessionId : null;
      await repo.revokeSessions(tx, ctx.tenantId, id, deps.now(), keep);
    }
    const after = (await repo.findUser(tx, ctx.tenantId, id))!;
    await recordAudit(tx, ctx, {
      action: "user.update",
      module: MODULE,
      entityType: "user",
      entityId: id,
      before,
      after: {
        ...after,
        ...(passwordHash ? { passwordChanged: true } : {}),
        ...(input.unlock ? { unlocked: true } : {}),
      },
    });
    return after;
  });
  // Roles, status, password, name or locale: the signed-in sessions' cached view of the user is stale.
  await deps.announceRevocation({ tenantId: ctx.tenantId, userId: id });
  return after;
}
