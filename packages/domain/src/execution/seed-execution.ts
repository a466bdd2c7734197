import type { SeedSlaPolicy } from "../sla/seed-policies";
import type { SxType } from "./sx-status";

/** The demo BUs' "49 codes": durations and prices are the retailer guide's orders of magnitude, in minor units. */
export const SEED_SERVICE_CODES: ReadonlyArray<{
  bu: "LMES" | "LMPT";
  code: string;
  label: string;
  profession: string;
  specialty: string;
  durationMinutes: number;
  customerPriceMinor: number;
  providerPriceMinor: number;
  sxType: SxType;
}> = [
  {
    bu: "LMES",
    code: "49-KIT-INS",
    label: "Instalación de cocina",
    profession: "carpentry",
    specialty: "kitchen",
    durationMinutes: 480,
    customerPriceMinor: 59_900,
    providerPriceMinor: 42_000,
    sxType: "installation",
  },
  {
    bu: "LMES",
    code: "49-KIT-WTP",
    label: "Montaje de encimera",
    profession: "carpentry",
    specialty: "kitchen",
    durationMinutes: 120,
    customerPriceMinor: 14_900,
    providerPriceMinor: 9_500,
    sxType: "installation",
  },
  {
    bu: "LMES",
    code: "49-BAT-INS",
    label: "Instalación de mampara de baño",
    profession: "plumbing",
    specialty: "bathroom",
    durationMinutes: 180,
    customerPriceMinor: 19_900,
    providerPriceMinor: 13_000,
    sxType: "installation",
  },
  {
    bu: "LMES",
    code: "49-FLO-LAM",
    label: "Colocación de suelo laminado (20 m²)",
    profession: "flooring",
    specialty: "laminate",
    durationMinutes: 360,
    customerPriceMinor: 29_900,
    providerPriceMinor: 21_000,
    sxType: "installation",
  },
  {
    bu: "LMES",
    code: "49-KIT-TV",
    label: "Visita técnica de cocina",
    profession: "carpentry",
    specialty: "kitchen",
    durationMinutes: 60,
    customerPriceMinor: 4_900,
    providerPriceMinor: 3_500,
    sxType: "technical_visit",
  },
  {
    bu: "LMES",
    code: "49-AC-INS",
    label: "Instalación de aire acondicionado split",
    profession: "hvac",
    specialty: "air_conditioning",
    durationMinutes: 240,
    customerPriceMinor: 34_900,
    providerPriceMinor: 25_000,
    sxType: "installation",
  },
  {
    bu: "LMPT",
    code: "49-PT-KIT",
    label: "Instalação de cozinha",
    profession: "carpentry",
    specialty: "kitchen",
    durationMinutes: 480,
    customerPriceMinor: 54_900,
    providerPriceMinor: 39_000,
    sxType: "installation",
  },
  {
    bu: "LMPT",
    code: "49-PT-BUD",
    label: "Orçamento de casa de banho",
    profession: "plumbing",
    specialty: "bathroom",
    durationMinutes: 60,
    customerPriceMinor: 0,
    providerPriceMinor: 3_000,
    sxType: "budget",
  },
];

export const SEED_PRODUCTS: ReadonlyArray<{ bu: "LMES" | "LMPT"; sku: string; label: string }> = [
  { bu: "LMES", sku: "KIT-DELINIA-01", label: "Cocina Delinia ID (módulos)" },
  { bu: "LMES", sku: "WTP-QUARTZ-240", label: "Encimera de cuarzo 240 cm" },
  { bu: "LMES", sku: "SCR-SENSEA-90", label: "Mampara Sensea 90 cm" },
  { bu: "LMES", sku: "LAM-ARTENS-8MM", label: "Suelo laminado Artens 8 mm (caja)" },
  { bu: "LMES", sku: "AC-EQUATION-3K", label: "Split Equation 3000 frigorías" },
  { bu: "LMPT", sku: "PT-KIT-DELINIA", label: "Cozinha Delinia (módulos)" },
];

/** System tasks (DOMAIN 3.12) are tickets of type task; their SLA: acknowledged within 4 h, solved within 2 business days. */
export const SEED_TASK_POLICY: SeedSlaPolicy = {
  id: "exec-system-tasks",
  name: "Tareas del sistema / System tasks",
  rank: 100,
  warningPercent: 75,
  conditions: { types: ["task"] },
  calendarId: "back-office-weekdays",
  targets: { firstResponse: { minutes: 240 }, resolution: { businessDays: 2 } },
};

export const SEED_CONTRACT_TERMS: Record<"LMES" | "LMPT", string> = {
  LMES: [
    "1. Objeto. La empresa instaladora designada por la tienda realizará los servicios descritos en la fecha planificada, que puede ajustarse de común acuerdo.",
    "2. Precio. Los precios indicados incluyen IVA. Los costes adicionales (desplazamiento extra, materiales no previstos) requieren su aceptación previa.",
    "3. Acceso. El cliente garantiza el acceso a la obra y la disponibilidad de los productos en la fecha planificada.",
    "4. Cierre. Al terminar, el cliente firma el parte de cierre de trabajo, con o sin reservas.",
    "5. Desistimiento. El cliente puede cancelar sin coste hasta 48 horas antes de la intervención.",
  ].join("\n\n"),
  LMPT: [
    "1. Objeto. A empresa instaladora designada pela loja realizará os serviços descritos na data planeada.",
    "2. Preço. Os preços indicados incluem IVA. Custos adicionais requerem a sua aceitação prévia.",
    "3. Fecho. No final, o cliente assina o documento de fecho de trabalho, com ou sem reservas.",
  ].join("\n\n"),
};
