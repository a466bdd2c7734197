import type { TCreatePlaybookRequest, TFieldError, TPlaybook, TUpdatePlaybookRequest } from "@atende/contracts";
import type { Tx } from "@atende/db";
import type { RequestContext } from "../../context";
import { notFound, staleVersion } from "../../errors";
import { recordAudit } from "../audit/audit.repo";
import type { ListQuery } from "../calendars/listing";
import { codeTaken, requireEditable, SERVICE_DESK_MODULE } from "../calendars/service-desk-scope";
import { fieldErrors } from "../sla-policies/policy-references";
import { existingReplyTemplateCodes } from "../templates/reply-templates.repo";
import * as repo from "./playbooks.repo";

/** A step's message template must exist (in some locale) so starting the playbook can offer it. */
async function assertTemplates(tx: Tx, tenantId: string, steps: TPlaybook["steps"] | undefined) {
  if (!steps) return;
  const codes = steps.map((s) => s.templateCode).filter((c): c is string => c !== undefined);
  const known = await existingReplyTemplateCodes(tx, tenantId, [...new Set(codes)]);
  const errors: TFieldError[] = steps.flatMap((step, i) =>
    step.templateCode !== undefined && !known.has(step.templateCode)
      ? [{ path: `body.steps.${i}.templateCode`, message: `no reply template with the code ${step.templateCode}` }]
      : [],
  );
  if (errors.length) throw fieldErrors(errors);
}

export function listPlaybooks(ctx: RequestContext, q: ListQuery & { trigger?: string | undefined }) {
  return ctx.run((tx) => repo.listPlaybooks(tx, ctx.tenantId, q));
}

export async function getPlaybook(ctx: RequestContext, id: string) {
  const playbook = await ctx.run((tx) => repo.findPlaybook(tx, ctx.tenantId, id));
  if (!playbook) throw notFound("playbook");
  return playbook;
}

export function createPlaybook(ctx: RequestContext, input: TCreatePlaybookRequest) {
  return ctx.run(async (tx) => {
    await requireEditable(tx, ctx, null);
    await assertTemplates(tx, ctx.tenantId, input.steps);
    if (await repo.findPlaybookByCode(tx, ctx.tenantId, input.code)) throw codeTaken("playbook");
    const playbook = await repo.createPlaybook(tx, ctx.tenantId, { ...input, active: true });
    await recordAudit(tx, ctx, {
      action: "playbook.create",
      module: SERVICE_DESK_MODULE,
      entityType: "playbook",
      entityId: playbook.id,
      after: playbook,
    });
    return playbook;
  });
}

export function updatePlaybook(ctx: RequestContext, id: string, input: TUpdatePlaybookRequest) {
  return ctx.run(async (tx) => {
    const before = await repo.findPlaybook(tx, ctx.tenantId, id);
    if (!before) throw notFound("playbook");
    await requireEditable(tx, ctx, null);
    const { version, ...changes } = input;
    // A stale edit is refused before any other check: the client must reload whatever else is wrong.
    if (before.version !== version) throw staleVersion("playbook");
    await assertTemplates(tx, ctx.tenantId, input.steps);
    const after = await repo.updatePlaybook(tx, ctx.tenantId, id, version, changes);
    if (!after) throw staleVersion("playbook");
    await recordAudit(tx, ctx, {
      action: "playbook.update",
      module: SERVICE_DESK_MODULE,
      entityType: "playbook",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
