import type { TCreateReplyTemplateRequest, TUpdateReplyTemplateRequest } from "@atende/contracts";
import type { RequestContext } from "../../context";
import { AppError, notFound, staleVersion } from "../../errors";
import { recordAudit } from "../audit/audit.repo";
import type { ListQuery } from "../calendars/listing";
import { requireEditable, SERVICE_DESK_MODULE } from "../calendars/service-desk-scope";
import * as repo from "./reply-templates.repo";

export function listReplyTemplates(ctx: RequestContext, q: ListQuery & { locale?: string | undefined }) {
  return ctx.run((tx) => repo.listReplyTemplates(tx, ctx.tenantId, q));
}

export function createReplyTemplate(ctx: RequestContext, input: TCreateReplyTemplateRequest) {
  return ctx.run(async (tx) => {
    await requireEditable(tx, ctx, null);
    if (await repo.replyTemplateExists(tx, ctx.tenantId, input.code, input.locale)) {
      throw new AppError("CONFLICT", {
        detail: "body.code: this code already has a template in this locale",
        fields: [{ path: "body.code", message: "this code already has a template in this locale" }],
      });
    }
    const template = await repo.createReplyTemplate(tx, ctx.tenantId, input);
    await recordAudit(tx, ctx, {
      action: "reply_template.create",
      module: SERVICE_DESK_MODULE,
      entityType: "reply_template",
      entityId: template.id,
      after: template,
    });
    return template;
  });
}

export function updateReplyTemplate(ctx: RequestContext, id: string, input: TUpdateReplyTemplateRequest) {
  return ctx.run(async (tx) => {
    const before = await repo.findReplyTemplate(tx, ctx.tenantId, id);
    if (!before) throw notFound("reply template");
    await requireEditable(tx, ctx, null);
    const { version, ...changes } = input;
    // A stale edit is refused before any other check: the client must reload whatever else is wrong.
    if (before.version !== version) throw staleVersion("reply template");
    const after = await repo.updateReplyTemplate(tx, ctx.tenantId, id, version, changes);
    if (!after) throw staleVersion("reply template");
    await recordAudit(tx, ctx, {
      action: "reply_template.update",
      module: SERVICE_DESK_MODULE,
      entityType: "reply_template",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
