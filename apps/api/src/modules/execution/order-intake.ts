import type { TOrderBody } from "@atende/contracts";
import type { Tx } from "@atende/db";
import {
  CONTRACT_SX_TYPES,
  contractAutoSendAt,
  defaultInstallationDate,
  earliestInstallationDate,
  initialSxStatus,
  initialSxTags,
} from "@atende/domain";
import {
  INTEGRATION_EXEC_ACTOR,
  loadBuContext,
  nextExecutionNumber,
  queueWebhooks,
  recordJobEvent,
  type BuContext,
} from "@atende/execution";
import { scheduleTimer, type TimerRef } from "@atende/jobs";
import { AppError } from "../../errors";
import {
  asDate,
  groupServices,
  localDate,
  type JobGroup,
  type ProductLineJson,
  type ServiceCodeRow,
} from "./order-lines";
import type { JobOutcome } from "./order-changes";
import * as repo from "./orders.repo";

export const invalid = (path: string, message: string) =>
  new AppError("VALIDATION_FAILED", { detail: `${path}: ${message}`, fields: [{ path, message }] });

export type ResolvedOrder = {
  bu: BuContext;
  storeId: string;
  codes: Map<string, ServiceCodeRow>;
  products: ProductLineJson[];
  groups: JobGroup[];
};

/** Store, service codes and products must exist in the tenant; every unknown one is named. */
export async function resolveOrder(tx: Tx, tenantId: string, body: TOrderBody): Promise<ResolvedOrder> {
  const store = await repo.findStoreByCode(tx, tenantId, body.storeCode);
  if (!store) throw invalid("body.storeCode", `unknown store "${body.storeCode}"`);
  const bu = await loadBuContext(tx, tenantId, store.buId);
  const rows = await repo.findServiceCodes(tx, tenantId, store.buId, [...new Set(body.services.map((s) => s.code))]);
  const codes = new Map(rows.map((row) => [row.code, row]));
  const fields = body.services.flatMap((line, i) => {
    const code = codes.get(line.code);
    if (!code)
      return [{ path: `body.services.${i}.code`, message: `unknown service code "${line.code}" in ${bu.code}` }];
    if (!code.active) return [{ path: `body.services.${i}.code`, message: `service code "${line.code}" is inactive` }];
    return [];
  });
  const known = new Map(
    (
      await repo.findProducts(
        tx,
        tenantId,
        store.buId,
        body.products.map((p) => p.sku),
      )
    ).map((p) => [p.sku, p.label]),
  );
  const products = body.products.map((line, i) => {
    const label = line.label ?? known.get(line.sku);
    if (!label) fields.push({ path: `body.products.${i}.sku`, message: `unknown product "${line.sku}": send a label` });
    return {
      sku: line.sku,
      label: label ?? "",
      quantity: line.quantity,
      expectedDeliveryDate: line.expectedDeliveryDate,
    };
  });
  if (fields.length > 0)
    throw new AppError("VALIDATION_FAILED", {
      detail: fields.map((f) => `${f.path}: ${f.message}`).join("; "),
      fields,
    });
  return { bu, storeId: store.id, codes, products, groups: groupServices(body.services, codes) };
}

export function datesFor(products: ProductLineJson[], orderedAt: Date, bu: BuContext) {
  const deliveries = products.flatMap((p) => (p.expectedDeliveryDate ? [p.expectedDeliveryDate] : []));
  const orderDate = localDate(orderedAt, bu.timezone);
  return {
    earliest: earliestInstallationDate(deliveries, orderDate, bu.params),
    planned: defaultInstallationDate(deliveries, orderDate, bu.params),
  };
}

/** Creates one job for a group of service lines in the project; contract jobs get their automatic-send timer. */
export async function createJob(
  tx: Tx,
  input: {
    tenantId: string;
    order: { id: string; externalId: string };
    project: { id: string; number: number };
    resolved: ResolvedOrder;
    group: JobGroup;
    body: TOrderBody;
    now: Date;
    orderedAt: Date;
  },
): Promise<{ outcome: JobOutcome; refs: TimerRef[] }> {
  const { tenantId, resolved, group, body, now } = input;
  const dates = datesFor(resolved.products, input.orderedAt, resolved.bu);
  const number = await nextExecutionNumber(tx, tenantId, "job");
  const status = initialSxStatus(group.type);
  const contact = body.contact ?? {
    name: body.customer.name,
    email: body.customer.email ?? null,
    phone: body.customer.phone ?? null,
  };
  const job = await tx.job.create({
    data: {
      tenantId,
      number,
      projectId: input.project.id,
      orderId: input.order.id,
      buId: resolved.bu.id,
      storeId: resolved.storeId,
      type: group.type,
      status,
      profession: group.profession,
      specialty: group.specialty,
      services: repo.json(group.services),
      products: repo.json(resolved.products),
      durationMinutes: group.durationMinutes,
      originalDurationMinutes: group.durationMinutes,
      plannedDate: asDate(dates.planned),
      earliestDate: asDate(dates.earliest),
      worksite: repo.json(body.worksite),
      contact: repo.json(contact),
      tags: initialSxTags(group.type),
      createdAt: now,
    },
  });
  await recordJobEvent(tx, {
    tenantId,
    jobId: job.id,
    actor: INTEGRATION_EXEC_ACTOR,
    name: "SX_CREATED",
    data: { orderId: input.order.externalId, type: group.type, services: group.services.map((s) => s.code) },
    at: now,
  });
  await queueWebhooks(
    tx,
    tenantId,
    "job.created",
    { jobId: job.id, jobNumber: number, orderId: input.order.externalId, projectNumber: input.project.number, status },
    now,
  );
  const refs: TimerRef[] = [];
  if (status === "pre_scheduled" && CONTRACT_SX_TYPES.includes(group.type)) {
    refs.push(
      await scheduleTimer(tx, {
        tenantId,
        kind: "contract-auto-send",
        subject: job.id,
        dueAt: contractAutoSendAt(now, resolved.bu.params, resolved.bu.timezone),
      }),
    );
  }
  return {
    outcome: {
      jobId: job.id,
      number,
      projectId: input.project.id,
      projectNumber: input.project.number,
      status,
      outcome: "created",
      message: null,
    },
    refs,
  };
}
