import { randomBytes } from "node:crypto";
import type { ZWebhookInput } from "@atende/contracts";
import type { z } from "zod";
import type { RequestContext } from "../../context";
import { notFound } from "../../errors";
import { recordAudit } from "../audit/audit.repo";
import * as repo from "./webhooks.repo";

const MODULE = "admin";

/** 32 random bytes, recognisable in configuration files by its prefix. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

export function listWebhooks(ctx: RequestContext, q: { limit: number; cursor?: string | undefined }) {
  return ctx.run((tx) => repo.listWebhooks(tx, ctx.tenantId, q));
}

/**
 * The secret is returned only in this response. Unlike API tokens it is stored as is: the worker needs it to sign
 * every delivery, so a hash would not do.
 */
export function createWebhook(ctx: RequestContext, input: z.output<typeof ZWebhookInput>) {
  const secret = newWebhookSecret();
  return ctx.run(async (tx) => {
    const created = await repo.createWebhook(tx, {
      tenantId: ctx.tenantId,
      url: input.url,
      events: [...new Set(input.events)],
      secret,
    });
    await recordAudit(tx, ctx, {
      action: "webhook.create",
      module: MODULE,
      entityType: "webhook",
      entityId: created.id,
      after: created,
    });
    return { ...created, secret };
  });
}

export function deleteWebhook(ctx: RequestContext, id: string) {
  return ctx.run(async (tx) => {
    const before = await repo.findWebhook(tx, ctx.tenantId, id);
    if (!before || !(await repo.deleteWebhook(tx, ctx.tenantId, id))) throw notFound("webhook");
    await recordAudit(tx, ctx, {
      action: "webhook.delete",
      module: MODULE,
      entityType: "webhook",
      entityId: id,
      before,
    });
  });
}
