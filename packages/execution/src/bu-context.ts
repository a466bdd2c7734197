import type { Tx } from "@atende/db";
import { ZBuParameters, type BuParameters } from "@atende/domain";

export type BuContext = {
  id: string;
  code: string;
  name: string;
  timezone: string;
  locale: string;
  currency: string;
  country: string;
  contractTerms: string;
  params: BuParameters;
};

/** The BU and its current parameter set (the domain defaults fill anything an older set lacks). */
export async function loadBuContext(tx: Tx, tenantId: string, buId: string): Promise<BuContext> {
  const bu = await tx.businessUnit.findFirstOrThrow({ where: { tenantId, id: buId } });
  const set = await tx.buParameterSet.findFirst({
    where: { tenantId, buId },
    orderBy: { version: "desc" },
    select: { parameters: true },
  });
  const params = ZBuParameters.parse(set?.parameters ?? {});
  return {
    id: bu.id,
    code: bu.code,
    name: bu.name,
    timezone: bu.timezone,
    locale: bu.locale,
    currency: bu.currency,
    country: bu.country,
    contractTerms: bu.contractTerms,
    params,
  };
}
