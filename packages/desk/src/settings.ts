import type { Tx } from "@atende/db";
import { ZBuParameters } from "@atende/domain";

/** The queue's "due soon" view: a running clock due within this many minutes. */
export const DUE_SOON_MINUTES = 120;

/** How long a resolved ticket can be reopened, and after how long it closes itself (BU parameters). */
export type DeskSettings = { reopenWindowDays: number; autoCloseDays: number };

const REOPEN_WINDOW = ZBuParameters.shape.ticketReopenWindowDays;
const AUTO_CLOSE = ZBuParameters.shape.ticketAutoCloseDays;

// Each value is read on its own so a set that fails the current schema elsewhere still yields the BU's ticket
// settings; a missing or invalid value falls back to the schema default, as the parameters API does.
export function settingsOf(parameters: unknown): DeskSettings {
  const stored: Record<string, unknown> =
    typeof parameters === "object" && parameters !== null ? { ...parameters } : {};
  const reopen = REOPEN_WINDOW.safeParse(stored["ticketReopenWindowDays"]);
  const autoClose = AUTO_CLOSE.safeParse(stored["ticketAutoCloseDays"]);
  return {
    reopenWindowDays: reopen.success ? reopen.data : REOPEN_WINDOW.parse(undefined),
    autoCloseDays: autoClose.success ? autoClose.data : AUTO_CLOSE.parse(undefined),
  };
}

/** The schema's defaults: what a ticket without a BU, or a BU that never saved parameters, runs with. */
export const DEFAULT_DESK_SETTINGS: DeskSettings = settingsOf({});

/** The desk settings of a ticket's BU from its current parameter set; the defaults for a ticket without a BU. */
export async function deskSettingsFor(tx: Tx, tenantId: string, buId: string | null): Promise<DeskSettings> {
  if (buId === null) return DEFAULT_DESK_SETTINGS;
  const set = await tx.buParameterSet.findFirst({
    where: { tenantId, buId },
    orderBy: { version: "desc" },
    select: { parameters: true },
  });
  return set ? settingsOf(set.parameters) : DEFAULT_DESK_SETTINGS;
}
