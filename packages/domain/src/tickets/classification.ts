import { z } from "zod";

export const TICKET_TYPES = ["incident", "service_request", "defect", "improvement", "task"] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const TICKET_CHANNELS = ["phone", "whatsapp", "email", "portal", "chat", "api", "system"] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

export type LocalisedText = { en: string; es: string };

/** Rank 1 is the most urgent; codes and ranks are unique within a tenant. */
export type PriorityLevel = { code: string; rank: number; description?: LocalisedText };

// Seed 004 describes incidents by reach, seed 003 by economic impact on the customer; both readings are kept.
export const DEFAULT_PRIORITIES: readonly PriorityLevel[] = [
  {
    code: "high",
    rank: 1,
    description: {
      en: "The service cannot be used by any user of a customer or product/channel; the customer's daily operation cannot run and it has an economic impact.",
      es: "No se logra acceder o consumir el servicio a través de todos los usuarios de un cliente o producto/canal; la operación diaria del cliente no se puede desarrollar y le impacta económicamente.",
    },
  },
  {
    code: "medium",
    rank: 2,
    description: {
      en: "The service is degraded and works partially; the customer's operation is affected without economic impact.",
      es: "Degradación del servicio, funciona parcialmente; hay afectación de la operación del cliente sin impacto económico.",
    },
  },
  {
    code: "low",
    rank: 3,
    description: {
      en: "One specific feature is affected; no impact on the customer's daily operation nor economic impact.",
      es: "Afectación de una funcionalidad específica; no hay afectación de la operación diaria ni impacto económico para el cliente.",
    },
  },
];

const zCode = z
  .string()
  .min(1, { error: "priority code is required" })
  .max(40, { error: "priority code takes at most 40 characters" });
const zText = z.string().min(1).max(1000);

export const ZPriorityLevels = z
  .array(
    z.strictObject({
      code: zCode,
      rank: z
        .number()
        .int({ error: "priority rank must be a whole number" })
        .min(1, { error: "priority rank starts at 1" })
        .max(100),
      description: z.strictObject({ en: zText, es: zText }).optional(),
    }),
  )
  .min(1, { error: "at least one priority level is required" })
  .max(20, { error: "at most 20 priority levels" })
  .refine((levels) => new Set(levels.map((l) => l.code)).size === levels.length, {
    error: "priority codes must be unique",
  })
  .refine((levels) => new Set(levels.map((l) => l.rank)).size === levels.length, {
    error: "priority ranks must be unique",
  });

export type Classification<TType extends string = string, TPriority extends string = string> = {
  proposedType: TType;
  proposedPriority: TPriority;
  finalType: TType | null;
  finalPriority: TPriority | null;
};

/** The agent's final classification governs the SLA once set (seed 003); until then the requester's proposal does. */
export function effectiveClassification<TType extends string, TPriority extends string>(
  classification: Classification<TType, TPriority>,
): { type: TType; priority: TPriority } {
  return {
    type: classification.finalType ?? classification.proposedType,
    priority: classification.finalPriority ?? classification.proposedPriority,
  };
}

/** The next more urgent level; the same code when already the most urgent or when the code is unknown. */
export function raisePriority(levels: readonly PriorityLevel[], current: string): string {
  const currentLevel = levels.find((level) => level.code === current);
  if (!currentLevel) return current;
  const higher = levels.filter((level) => level.rank < currentLevel.rank).sort((a, b) => b.rank - a.rank);
  return higher[0]?.code ?? current;
}
