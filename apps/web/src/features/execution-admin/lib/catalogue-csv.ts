import { CATALOGUE_IMPORT_MAX_LINES, PRODUCT_CSV_COLUMNS, SERVICE_CODE_CSV_COLUMNS } from "@atende/contracts";
import type { CatalogueKind } from "../api/mutations";

/** The API's body limit; a larger file would be refused with 413 after the whole upload. */
export const MAX_IMPORT_BYTES = 1024 * 1024;
export const MAX_IMPORT_LINES = CATALOGUE_IMPORT_MAX_LINES;

export function csvColumns(kind: CatalogueKind): readonly string[] {
  return kind === "products" ? PRODUCT_CSV_COLUMNS : SERVICE_CODE_CSV_COLUMNS;
}

const EXAMPLES: Record<CatalogueKind, string[]> = {
  "service-codes": [
    '49-KIT-001,"Kitchen installation, up to 3 m",carpentry,kitchen,240,149.90,90.00,installation',
    "49-VIS-001,Technical visit,carpentry,kitchen,60,0,25.00,technical_visit",
  ],
  products: ["SKU-1001,Oven 60 cm", "SKU-1002,Induction hob"],
};

/** A file to start from: the header and two example lines. */
export function csvTemplate(kind: CatalogueKind): string {
  return [csvColumns(kind).join(","), ...EXAMPLES[kind]].join("\r\n") + "\r\n";
}

export function formatBytes(bytes: number, language: string): string {
  return new Intl.NumberFormat(language, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 }).format(
    bytes / (1024 * 1024),
  );
}
