import type { TCreateApiTokenRequest, ZApiTokenListQuery } from "@atende/contracts";
import type { z } from "zod";
import type { RequestContext } from "../../context";
import { AppError, notFound } from "../../errors";
import { recordAudit } from "../audit/audit.repo";
import { formatApiToken, hashSecret, newSecret } from "../auth/secrets";
import * as repo from "./api-tokens.repo";

const MODULE = "admin";
const PREFIX_LENGTH = 12;

/** `sessionSecret` keys the HMAC the bearer-token lookup compares against. */
export type ApiTokenDeps = { now: () => Date; sessionSecret: string };

export function listApiTokens(ctx: RequestContext, q: z.output<typeof ZApiTokenListQuery>) {
  return ctx.run((tx) => repo.listApiTokens(tx, ctx.tenantId, q));
}

/** The secret exists only in this response: the database keeps its keyed hash and a short prefix to recognise it by. */
export function createApiToken(ctx: RequestContext, deps: ApiTokenDeps, input: TCreateApiTokenRequest) {
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt <= deps.now()) {
    throw new AppError("VALIDATION_FAILED", {
      detail: "body.expiresAt: must be in the future",
      fields: [{ path: "body.expiresAt", message: "must be in the future" }],
    });
  }
  const secret = newSecret();
  const token = formatApiToken(ctx.tenantId, secret);
  return ctx.run(async (tx) => {
    const created = await repo.createApiToken(tx, {
      tenantId: ctx.tenantId,
      name: input.name,
      prefix: token.slice(0, PREFIX_LENGTH),
      tokenHash: hashSecret(deps.sessionSecret, secret),
      scopes: [...new Set(input.scopes)],
      createdBy: ctx.actor.userId,
      expiresAt,
    });
    await recordAudit(tx, ctx, {
      action: "api_token.create",
      module: MODULE,
      entityType: "api_token",
      entityId: created.id,
      after: created,
    });
    return { ...created, token };
  });
}

export function revokeApiToken(ctx: RequestContext, deps: ApiTokenDeps, id: string) {
  return ctx.run(async (tx) => {
    const before = await repo.findApiToken(tx, ctx.tenantId, id);
    if (!before) throw notFound("API token");
    if (!(await repo.revokeApiToken(tx, ctx.tenantId, id, deps.now()))) return before;
    const after = (await repo.findApiToken(tx, ctx.tenantId, id))!;
    await recordAudit(tx, ctx, {
      action: "api_token.revoke",
      module: MODULE,
      entityType: "api_token",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
