import { SX_ACTIONS, type SxAction } from "@atende/domain";

/** The actions this screen opens a dialog for. */
export const DIALOG_ACTIONS = [
  "send_contract",
  "show_contract_qr",
  "print_contract",
  "confirm_paper_signature",
  "upload_signed_contract",
  "skip_contract",
  "reschedule",
  "change_address",
  "change_contact",
  "modify_duration",
  "cancel",
] as const satisfies readonly SxAction[];
export type DialogAction = (typeof DIALOG_ACTIONS)[number];

/** The contract's own actions, also offered on the contract panel. */
export const CONTRACT_ACTIONS = [
  "send_contract",
  "show_contract_qr",
  "print_contract",
  "confirm_paper_signature",
  "upload_signed_contract",
  "skip_contract",
] as const satisfies readonly DialogAction[];

export const JOB_TABS = ["notes", "documents", "history", "products", "contract", "tasks"] as const;
export type JobTab = (typeof JOB_TABS)[number];

/** Actions done on a tab of the job page rather than in a dialog. */
const TAB_ACTIONS: Partial<Record<SxAction, JobTab>> = { add_note: "notes", upload_document: "documents" };

export type MenuEntry =
  | { action: SxAction; kind: "dialog"; dialog: DialogAction }
  | { action: SxAction; kind: "tab"; tab: JobTab }
  /** Allowed by the API but built by a later issue: listed, not clickable. */
  | { action: SxAction; kind: "unavailable" };

export function isDialogAction(action: string): action is DialogAction {
  return (DIALOG_ACTIONS as readonly string[]).includes(action);
}

/** The Service management menu: exactly the job's allowed actions, in the catalogue's order, each with what it opens. */
export function menuEntries(allowed: readonly SxAction[]): MenuEntry[] {
  const set = new Set(allowed);
  return SX_ACTIONS.filter((action) => set.has(action)).map((action): MenuEntry => {
    if (isDialogAction(action)) return { action, kind: "dialog", dialog: action };
    const tab = TAB_ACTIONS[action];
    return tab ? { action, kind: "tab", tab } : { action, kind: "unavailable" };
  });
}

/** The contract actions the job allows, in panel order. */
export function contractActions(allowed: readonly SxAction[]): DialogAction[] {
  return CONTRACT_ACTIONS.filter((action) => allowed.includes(action));
}
