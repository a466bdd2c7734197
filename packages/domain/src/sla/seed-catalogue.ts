import type { LocalisedText } from "../tickets/classification";
import type { SlaTargets } from "./policy";
import type { SeedCalendarCode } from "./seed-calendars";
import type { SeedSlaPolicy } from "./seed-policies";

/** `groupCode` names the owning group (BACK-OFFICE, L1) and `calendarId` a seed calendar code, resolved by the seed service. */
export type SeedCatalogueItem = {
  code: string;
  name: LocalisedText;
  description: LocalisedText;
  groupCode: string;
  calendarId: SeedCalendarCode;
  targets: SlaTargets;
};

// Seed 004 tables 1 and 2: "tiempos de entrega" are resolution targets; training states a first-response time.
export const SEED_CATALOGUE: readonly SeedCatalogueItem[] = [
  {
    code: "bo-campaign-send",
    name: { en: "Campaign send", es: "Envío de campaña" },
    description: {
      en: "Immediate and scheduled sends from the SMS, e-mail and voice platform; two-way campaigns.",
      es: "Envíos inmediatos y programados desde la plataforma SMS, Email y Voz. Envío de campañas doble vía.",
    },
    groupCode: "BACK-OFFICE",
    calendarId: "back-office",
    targets: { resolution: { minutes: 4 * 60 } },
  },
  {
    code: "bo-report-recent",
    name: { en: "Consumption report (under 3 months)", es: "Reporte de consumo (menos de 3 meses)" },
    description: {
      en: "Custom consumption report covering less than 3 months.",
      es: "Elaboración de reportes personalizados con información de menos de 3 meses.",
    },
    groupCode: "BACK-OFFICE",
    calendarId: "back-office-weekdays",
    targets: { resolution: { businessDays: 3 } },
  },
  {
    code: "bo-report-historic",
    name: { en: "Consumption report (over 3 months)", es: "Reporte de consumo (más de 3 meses)" },
    description: {
      en: "Custom consumption report covering more than 3 months.",
      es: "Elaboración de reportes personalizados con información de más de 3 meses.",
    },
    groupCode: "BACK-OFFICE",
    calendarId: "back-office-weekdays",
    targets: { resolution: { businessDays: 11 } },
  },
  {
    code: "bo-platform-management",
    name: { en: "Platform management", es: "Gestión de plataforma" },
    description: {
      en: "Creating and managing packages, users, blacklists and passwords.",
      es: "Creación y gestión de paquetes, usuarios, listas negras y contraseñas.",
    },
    groupCode: "BACK-OFFICE",
    calendarId: "back-office-weekdays",
    targets: { resolution: { minutes: 10 * 60 } },
  },
  {
    code: "bo-template-approval",
    name: { en: "Template approval", es: "Aprobación de plantillas" },
    description: {
      en: "Approval of SMS and WhatsApp message texts.",
      es: "Aprobaciones de texto para SMS y WhatsApp.",
    },
    groupCode: "BACK-OFFICE",
    calendarId: "back-office-weekdays",
    targets: { resolution: { minutes: 24 * 60 } },
  },
  {
    code: "onboarding-general",
    name: { en: "General onboarding", es: "Onboarding general" },
    description: {
      en: "Customer and user creation, platform configuration, training and QA of the process; depends on the customer's availability to book the sessions.",
      es: "Creación de clientes y/o usuarios, configuración de plataforma, capacitación y QA del proceso; depende de la disponibilidad del cliente para agendar las sesiones.",
    },
    groupCode: "L1",
    calendarId: "business-es",
    targets: { resolution: { businessDays: 10 } },
  },
  {
    code: "training",
    name: { en: "Training", es: "Capacitación" },
    description: {
      en: "Training and refresher sessions on the products: VIP (private, or more than 5 attendees) or mass training.",
      es: "Sesiones de capacitación y refuerzo sobre el uso de los productos: VIP (privada o más de 5 integrantes) o masiva.",
    },
    groupCode: "L1",
    calendarId: "business-es",
    targets: { firstResponse: { minutes: 8 * 60 } },
  },
];

/** One policy per catalogue item; `catalogueItemIds` holds the item code until the seed service maps it to the id. */
export function catalogueItemPolicy(item: SeedCatalogueItem): SeedSlaPolicy {
  return {
    id: `catalogue-${item.code}`,
    name: item.name.es === item.name.en ? item.name.en : `${item.name.es} / ${item.name.en}`,
    rank: 100,
    conditions: { catalogueItemIds: [item.code] },
    calendarId: item.calendarId,
    targets: item.targets,
    warningPercent: 75,
  };
}

export const SEED_CATALOGUE_POLICIES: readonly SeedSlaPolicy[] = SEED_CATALOGUE.map(catalogueItemPolicy);
