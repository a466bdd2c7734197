import {
  CATALOGUE_IMPORT_MAX_LINES,
  PRODUCT_CSV_COLUMNS,
  ZProductInput,
  type TImportResult,
  type ZCatalogueQuery,
  type ZProductUpdate,
} from "@atende/contracts";
import type { z } from "zod";
import type { RequestContext } from "../../context";
import { notFound, staleVersion } from "../../errors";
import { importRejected, readCsvTable, repeatedKeys, type LineError } from "../../lib/csv-import";
import { recordAudit } from "../audit/audit.repo";
import {
  canReadCatalogue,
  catalogueBuFilter,
  duplicateKey,
  editableBu,
  EXECUTION_MODULE,
} from "../service-codes/catalogue-access";
import * as repo from "./products.repo";

type Input = z.output<typeof ZProductInput>;
type Update = z.output<typeof ZProductUpdate>;

export function listProducts(ctx: RequestContext, q: z.output<typeof ZCatalogueQuery>) {
  return ctx.run((tx) => repo.listProducts(tx, ctx.tenantId, { ...q, bu: catalogueBuFilter(ctx, q.buId) }));
}

export function createProduct(ctx: RequestContext, input: Input) {
  return ctx.run(async (tx) => {
    await editableBu(tx, ctx, input.buId, "body.buId");
    if (await repo.productExists(tx, ctx.tenantId, input.buId, input.sku)) throw duplicateKey("body.sku", "product");
    const created = await repo.createProduct(tx, ctx.tenantId, input);
    await recordAudit(tx, ctx, {
      action: "product.create",
      module: EXECUTION_MODULE,
      entityType: "product",
      entityId: created.id,
      after: created,
    });
    return created;
  });
}

export function updateProduct(ctx: RequestContext, id: string, input: Update) {
  return ctx.run(async (tx) => {
    const before = await repo.findProduct(tx, ctx.tenantId, id);
    if (!before || !canReadCatalogue(ctx, before.buId)) throw notFound("product");
    await editableBu(tx, ctx, before.buId, "params.id");
    const { version, ...changes } = input;
    if (before.version !== version) throw staleVersion("product");
    const after = await repo.updateProduct(tx, ctx.tenantId, id, version, changes);
    if (!after) throw staleVersion("product");
    await recordAudit(tx, ctx, {
      action: "product.update",
      module: EXECUTION_MODULE,
      entityType: "product",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

const ZProductLine = ZProductInput.omit({ buId: true });

/** All or nothing: every line is checked first, and one bad line refuses the whole file. */
export function importProducts(ctx: RequestContext, buId: string, csv: string): Promise<TImportResult> {
  return ctx.run(async (tx) => {
    await editableBu(tx, ctx, buId, "querystring.buId");
    const table = readCsvTable(csv, PRODUCT_CSV_COLUMNS, CATALOGUE_IMPORT_MAX_LINES);
    const errors: LineError[] = [];
    const lines: repo.ProductLine[] = [];
    for (const { line, values } of table) {
      const parsed = ZProductLine.safeParse(values);
      if (parsed.success) lines.push(parsed.data);
      else
        for (const issue of parsed.error.issues)
          errors.push({ line, field: String(issue.path[0] ?? "line"), message: issue.message });
    }
    errors.push(
      ...repeatedKeys(
        table.map((r) => ({ line: r.line, key: r.values.sku })),
        "sku",
      ),
    );
    if (errors.length > 0) throw importRejected(errors);
    const { created, updated } = await repo.upsertProducts(tx, ctx.tenantId, buId, lines);
    const result = {
      created: created.length,
      updated: updated.length,
      unchanged: lines.length - created.length - updated.length,
    };
    await recordAudit(tx, ctx, {
      action: "product.import",
      module: EXECUTION_MODULE,
      entityType: "business_unit",
      entityId: buId,
      after: { ...result, createdSkus: created, updatedSkus: updated },
    });
    return result;
  });
}
