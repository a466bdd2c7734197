import type { TFieldError, TPutSlaMatrixRequest, TSlaMatrix } from "@atende/contracts";
import { DEFAULT_WARNING_PERCENT, TICKET_TYPES, type SlaDuration, type TicketType } from "@atende/domain";
import type { FieldErrors } from "../../../lib/field-errors";
import {
  durationSignature,
  parseDurationInput,
  toDurationInput,
  type DurationInput,
  type DurationProblem,
} from "./duration";

export const TARGET_NAMES = ["firstResponse", "resolution", "periodicUpdate", "followUp"] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

export type MatrixCell = TSlaMatrix["cells"][number];
type CellInput = TPutSlaMatrixRequest["cells"][number];
type CellTargets = Partial<Record<TargetName, SlaDuration>>;

/** One cell as the editor holds it. */
export type CellDraft = {
  type: string;
  priority: string;
  calendarId: string | null;
  targets: Record<TargetName, DurationInput>;
  warningPercent: number | string;
};

export type CellProblem = DurationProblem | "required" | "noTarget" | "warningRange" | "unknownType";
/** Field path inside a cell ("calendarId", "targets.firstResponse") -> what is wrong with it. */
export type CellProblems = Record<string, CellProblem>;

export const cellKey = (type: string, priority: string) => `${type}:${priority}`;

export function isTicketType(value: string): value is TicketType {
  return (TICKET_TYPES as readonly string[]).includes(value);
}

export function draftFromCell(cell: MatrixCell): CellDraft {
  const targets = cell.targets ?? {};
  return {
    type: cell.type,
    priority: cell.priority,
    calendarId: cell.calendarId,
    targets: {
      firstResponse: toDurationInput(targets.firstResponse),
      resolution: toDurationInput(targets.resolution),
      periodicUpdate: toDurationInput(targets.periodicUpdate),
      followUp: toDurationInput(targets.followUp),
    },
    warningPercent: cell.warningPercent ?? DEFAULT_WARNING_PERCENT,
  };
}

/** Drafts by cell key for every cell of the matrix (rows = types, columns = priorities). */
export function draftsFromMatrix(matrix: TSlaMatrix): Record<string, CellDraft> {
  return Object.fromEntries(matrix.cells.map((cell) => [cellKey(cell.type, cell.priority), draftFromCell(cell)]));
}

/** The matrix's cell for a type and priority, or an empty one when the server listed none. */
export function cellOf(matrix: TSlaMatrix, type: string, priority: string): MatrixCell {
  return (
    matrix.cells.find((cell) => cell.type === type && cell.priority === priority) ?? {
      type,
      priority,
      policyId: null,
      policyCode: null,
      targets: null,
      calendarId: null,
      warningPercent: null,
    }
  );
}

function warningOf(value: number | string): number | null {
  const text = String(value).trim();
  if (text === "") return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : null;
}

function signature(draft: CellDraft): string {
  return JSON.stringify([
    draft.calendarId,
    TARGET_NAMES.map((name) => durationSignature(draft.targets[name])),
    warningOf(draft.warningPercent) ?? String(draft.warningPercent).trim(),
  ]);
}

export function isCellDirty(draft: CellDraft, original: MatrixCell): boolean {
  return signature(draft) !== signature(draftFromCell(original));
}

/** The targets that parse, in the preview's request shape (names are the target keys). */
export function validTargets(draft: CellDraft): CellTargets {
  const targets: CellTargets = {};
  for (const name of TARGET_NAMES) {
    const parsed = parseDurationInput(draft.targets[name]);
    if (parsed.ok && parsed.duration) targets[name] = parsed.duration;
  }
  return targets;
}

export type CellValidation = { ok: true; cell: CellInput } | { ok: false; problems: CellProblems };

/** What the API would refuse, found before sending: every problem of the cell at once. */
export function validateCell(draft: CellDraft): CellValidation {
  const problems: CellProblems = {};
  if (!draft.calendarId) problems["calendarId"] = "required";
  const targets: CellTargets = {};
  for (const name of TARGET_NAMES) {
    const parsed = parseDurationInput(draft.targets[name]);
    if (!parsed.ok) problems[`targets.${name}`] = parsed.problem;
    else if (parsed.duration) targets[name] = parsed.duration;
  }
  const hasInvalidTarget = TARGET_NAMES.some((name) => problems[`targets.${name}`] !== undefined);
  if (!hasInvalidTarget && Object.keys(targets).length === 0) problems["targets"] = "noTarget";
  const warning = warningOf(draft.warningPercent);
  if (warning === null || !Number.isInteger(warning) || warning < 1 || warning > 99)
    problems["warningPercent"] = "warningRange";
  if (!isTicketType(draft.type)) problems["type"] = "unknownType";
  if (Object.keys(problems).length > 0 || !draft.calendarId || warning === null || !isTicketType(draft.type)) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    cell: {
      type: draft.type,
      priority: draft.priority,
      calendarId: draft.calendarId,
      targets,
      warningPercent: warning,
    },
  };
}

export type MatrixSave =
  | { ok: true; body: TPutSlaMatrixRequest; keys: string[] }
  | { ok: false; problems: Record<string, CellProblems> }
  | { ok: false; problems: null; nothingChanged: true };

/**
 * Only the changed cells are sent: an untouched cell may show a policy that is not a matrix one (a seed policy with
 * its own settings), and saving it would replace that policy with a matrix cell. `keys[i]` names the cell sent at
 * index i, so the server's "body.cells.i..." errors can be put back on it.
 */
export function buildMatrixSave(matrix: TSlaMatrix, drafts: Record<string, CellDraft>): MatrixSave {
  const cells: CellInput[] = [];
  const keys: string[] = [];
  const problems: Record<string, CellProblems> = {};
  for (const original of matrix.cells) {
    const key = cellKey(original.type, original.priority);
    const draft = drafts[key];
    if (!draft || !isCellDirty(draft, original)) continue;
    const result = validateCell(draft);
    if (result.ok) {
      cells.push(result.cell);
      keys.push(key);
    } else {
      problems[key] = result.problems;
    }
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  if (cells.length === 0) return { ok: false, problems: null, nothingChanged: true };
  return { ok: true, body: { ...(matrix.buId ? { buId: matrix.buId } : {}), cells }, keys };
}

export type ServerMatrixErrors = { byCell: Record<string, FieldErrors>; unplaced: string[] };

/** "body.cells.3.targets.firstResponse.minutes" -> the cell sent at index 3, field "targets.firstResponse.minutes". */
export function serverErrorsByCell(errors: readonly TFieldError[], keys: readonly string[]): ServerMatrixErrors {
  const byCell: Record<string, FieldErrors> = {};
  const unplaced: string[] = [];
  for (const error of errors) {
    const match = /^body\.cells\.(\d+)(?:\.(.+))?$/.exec(error.path);
    const key = match ? keys[Number(match[1])] : undefined;
    if (!match || key === undefined) {
      unplaced.push(`${error.path}: ${error.message}`);
      continue;
    }
    const field = match[2] ?? "";
    const cell = (byCell[key] ??= {});
    if (!(field in cell)) cell[field] = error.message;
  }
  return { byCell, unplaced };
}
