import type { Tx } from "@atende/db";
import type { ContractDocumentInput, ContractLocale } from "../contract-document";
import type { BuContext } from "../bu-context";
import type { JobRow } from "../job-lock";
import { isoDate } from "../transition";

type ServiceJson = { code: string; label: string; quantity: number; customerPriceMinor: number };
type ProductJson = { sku: string; label: string; quantity: number; expectedDeliveryDate: string | null };
type WorksiteJson = { line1: string; postcode: string; city: string };
type ContactJson = { name: string; email: string | null; phone: string | null };

function contractLocale(locale: string): ContractLocale {
  const lang = locale.slice(0, 2).toLowerCase();
  return lang === "es" || lang === "pt" ? lang : "en";
}

/** Everything the contract PDF shows, read from the job, its project's customer and the BU. */
export async function contractInputFor(
  tx: Tx,
  job: JobRow,
  bu: BuContext,
  contract: { id: string; version: number; generatedAt: Date },
): Promise<ContractDocumentInput> {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: job.tenantId }, select: { name: true } });
  const project = await tx.project.findFirstOrThrow({
    where: { tenantId: job.tenantId, id: job.projectId },
    select: { number: true, customerFiscalId: true, customerName: true },
  });
  const contact = job.contact as ContactJson;
  return {
    locale: contractLocale(bu.locale),
    tenantName: tenant.name,
    buName: bu.name,
    currency: bu.currency,
    contractId: contract.id,
    jobNumber: `SX-${job.number}`,
    projectNumber: `PX-${project.number}`,
    version: contract.version,
    generatedAt: contract.generatedAt,
    timeZone: bu.timezone,
    customer: {
      name: contact.name || project.customerName,
      fiscalId: project.customerFiscalId,
      email: contact.email,
      phone: contact.phone,
    },
    worksite: job.worksite as WorksiteJson,
    plannedDate: isoDate(job.plannedDate),
    durationMinutes: job.durationMinutes,
    jobType: job.type,
    services: (job.services as ServiceJson[]).map((s) => ({
      code: s.code,
      label: s.label,
      quantity: s.quantity,
      unitPriceMinor: s.customerPriceMinor,
    })),
    products: (job.products as ProductJson[]).map((p) => ({
      sku: p.sku,
      label: p.label,
      quantity: p.quantity,
      deliveryDate: p.expectedDeliveryDate,
    })),
    terms: bu.contractTerms,
  };
}
