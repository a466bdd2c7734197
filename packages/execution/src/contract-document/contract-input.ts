import type { ContractLocale } from "./labels";

export type ContractServiceLine = { code: string; label: string; quantity: number; unitPriceMinor: number };

export type ContractProductLine = { sku: string; label: string; quantity: number; deliveryDate: string | null };

export type ContractDocumentInput = {
  locale: ContractLocale;
  tenantName: string;
  buName: string;
  /** ISO 4217 */
  currency: string;
  contractId: string;
  jobNumber: string;
  projectNumber: string;
  version: number;
  generatedAt: Date;
  timeZone: string;
  customer: { name: string; fiscalId: string | null; email: string | null; phone: string | null };
  worksite: { line1: string; postcode: string; city: string };
  /** YYYY-MM-DD */
  plannedDate: string;
  durationMinutes: number;
  jobType: string;
  services: readonly ContractServiceLine[];
  products: readonly ContractProductLine[];
  /** The BU's contract terms: plain text, paragraphs separated by blank lines; empty uses a default per locale. */
  terms: string;
};
