import type { ContractDocumentInput } from "./contract-input";

export function words(count: number): string {
  const vocabulary = ["servicio", "instalación", "garantía", "cliente", "obra", "plazo", "pago", "días", "técnico"];
  const out: string[] = [];
  for (let index = 0; index < count; index += 1) out.push(vocabulary[index % vocabulary.length] ?? "x");
  return out.join(" ");
}

export function contractInput(overrides: Partial<ContractDocumentInput> = {}): ContractDocumentInput {
  return {
    locale: "es",
    tenantName: "Climatización Ñandú S.L.",
    buName: "Instalaciones Madrid",
    currency: "EUR",
    contractId: "3f0c9a52-8d3e-4c51-9b1e-2f7f0e5a1c77",
    jobNumber: "JOB-2025-00042",
    projectNumber: "PRJ-2025-0007",
    version: 2,
    generatedAt: new Date("2025-03-14T09:30:00Z"),
    timeZone: "Europe/Madrid",
    customer: { name: "José Müller 😀 李", fiscalId: "B12345678", email: "jose@example.com", phone: "+34 600 000 000" },
    worksite: { line1: "Calle de Alcalá 123, 4º B", postcode: "28009", city: "Madrid" },
    plannedDate: "2025-04-02",
    durationMinutes: 150,
    jobType: "Instalación aire acondicionado",
    services: [
      {
        code: "INST-AC",
        label: "Instalación de split 1x1 hasta 3 m de línea frigorífica",
        quantity: 1,
        unitPriceMinor: 45_000,
      },
      { code: "MAT-TUB", label: "Metro adicional de tubería", quantity: 2.5, unitPriceMinor: 2_250 },
    ],
    products: [
      { sku: "DAIKIN-FTXM35", label: "Daikin Perfera FTXM35R", quantity: 1, deliveryDate: "2025-03-28" },
      { sku: "SOPORTE-01", label: "Soporte de pared", quantity: 1, deliveryDate: null },
    ],
    terms: "",
    ...overrides,
  };
}
