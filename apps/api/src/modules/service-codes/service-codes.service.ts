import {
  CATALOGUE_IMPORT_MAX_LINES,
  SERVICE_CODE_CSV_COLUMNS,
  ZServiceCodeInput,
  type TImportResult,
  type ZCatalogueQuery,
  type ZServiceCodeUpdate,
} from "@atende/contracts";
import type { z } from "zod";
import type { RequestContext } from "../../context";
import { notFound, staleVersion } from "../../errors";
import {
  decimalToMinor,
  importRejected,
  readCsvTable,
  repeatedKeys,
  wholeNumber,
  type LineError,
} from "../../lib/csv-import";
import { recordAudit } from "../audit/audit.repo";
import {
  canReadCatalogue,
  catalogueBuFilter,
  currencyDigits,
  duplicateKey,
  editableBu,
  EXECUTION_MODULE,
} from "./catalogue-access";
import * as repo from "./service-codes.repo";

type Input = z.output<typeof ZServiceCodeInput>;
type Update = z.output<typeof ZServiceCodeUpdate>;

export function listServiceCodes(ctx: RequestContext, q: z.output<typeof ZCatalogueQuery>) {
  return ctx.run((tx) => repo.listServiceCodes(tx, ctx.tenantId, { ...q, bu: catalogueBuFilter(ctx, q.buId) }));
}

export function createServiceCode(ctx: RequestContext, input: Input) {
  return ctx.run(async (tx) => {
    await editableBu(tx, ctx, input.buId, "body.buId");
    if (await repo.serviceCodeExists(tx, ctx.tenantId, input.buId, input.code))
      throw duplicateKey("body.code", "service code");
    const created = await repo.createServiceCode(tx, ctx.tenantId, input);
    await recordAudit(tx, ctx, {
      action: "service_code.create",
      module: EXECUTION_MODULE,
      entityType: "service_code",
      entityId: created.id,
      after: created,
    });
    return created;
  });
}

export function updateServiceCode(ctx: RequestContext, id: string, input: Update) {
  return ctx.run(async (tx) => {
    const before = await repo.findServiceCode(tx, ctx.tenantId, id);
    if (!before || !canReadCatalogue(ctx, before.buId)) throw notFound("service code");
    await editableBu(tx, ctx, before.buId, "params.id");
    const { version, ...changes } = input;
    if (before.version !== version) throw staleVersion("service code");
    const after = await repo.updateServiceCode(tx, ctx.tenantId, id, version, changes);
    if (!after) throw staleVersion("service code");
    await recordAudit(tx, ctx, {
      action: "service_code.update",
      module: EXECUTION_MODULE,
      entityType: "service_code",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

type Column = (typeof SERVICE_CODE_CSV_COLUMNS)[number];

/** The schema names prices in minor units; the file in decimals. */
const FILE_FIELD: Partial<Record<string, Column>> = {
  customerPriceMinor: "customerPrice",
  providerPriceMinor: "providerPrice",
};
const MAX_PRICE_MINOR = 100_000_000;

/** One file line -> a service code, or the problems of each of its fields. */
function lineToServiceCode(
  line: number,
  values: Record<Column, string>,
  buId: string,
  digits: number,
): { ok: true; value: Input } | { ok: false; errors: LineError[] } {
  const errors: LineError[] = [];
  const minor = (field: "customerPrice" | "providerPrice") => {
    const parsed = decimalToMinor(values[field], digits);
    if (!parsed.ok) errors.push({ line, field, message: parsed.message });
    else if (parsed.minor > MAX_PRICE_MINOR)
      errors.push({ line, field, message: `at most ${(MAX_PRICE_MINOR / 10 ** digits).toFixed(digits)}` });
    return parsed.ok ? parsed.minor : -1;
  };
  const duration = wholeNumber(values.durationMinutes);
  if (duration === null) errors.push({ line, field: "durationMinutes", message: "must be a whole number of minutes" });
  const candidate = {
    buId,
    code: values.code,
    label: values.label,
    profession: values.profession,
    specialty: values.specialty,
    durationMinutes: duration ?? 0,
    customerPriceMinor: minor("customerPrice"),
    providerPriceMinor: minor("providerPrice"),
    sxType: values.sxType,
  };
  const parsed = ZServiceCodeInput.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "line");
      const field = FILE_FIELD[key] ?? key;
      // Fields already refused above would only repeat the same problem in the schema's words.
      if (!errors.some((e) => e.field === field)) errors.push({ line, field, message: issue.message });
    }
  }
  return parsed.success && errors.length === 0 ? { ok: true, value: parsed.data } : { ok: false, errors };
}

/** All or nothing: every line is checked first, and one bad line refuses the whole file. */
export function importServiceCodes(ctx: RequestContext, buId: string, csv: string): Promise<TImportResult> {
  return ctx.run(async (tx) => {
    const bu = await editableBu(tx, ctx, buId, "querystring.buId");
    const table = readCsvTable(csv, SERVICE_CODE_CSV_COLUMNS, CATALOGUE_IMPORT_MAX_LINES);
    const digits = currencyDigits(bu.currency);
    const errors: LineError[] = [];
    const lines: repo.ServiceCodeLine[] = [];
    for (const { line, values } of table) {
      const result = lineToServiceCode(line, values, buId, digits);
      if (result.ok) {
        const { buId: _bu, ...rest } = result.value;
        lines.push(rest);
      } else errors.push(...result.errors);
    }
    errors.push(
      ...repeatedKeys(
        table.map((r) => ({ line: r.line, key: r.values.code })),
        "code",
      ),
    );
    if (errors.length > 0) throw importRejected(errors);
    const { created, updated } = await repo.upsertServiceCodes(tx, ctx.tenantId, buId, lines);
    const result = {
      created: created.length,
      updated: updated.length,
      unchanged: lines.length - created.length - updated.length,
    };
    await recordAudit(tx, ctx, {
      action: "service_code.import",
      module: EXECUTION_MODULE,
      entityType: "business_unit",
      entityId: buId,
      after: { ...result, createdCodes: created, updatedCodes: updated },
    });
    return result;
  });
}
