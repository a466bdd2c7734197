import { describe, expect, it } from "vitest";
import { ZBuParameters, type BuParameters } from "../parameters/bu-parameters";
import { ROLES, type Role } from "../tenancy/roles";
import { isSxEventName } from "./sx-events";
import {
  MENU_ACTIONS,
  SX_ACTIONS,
  SX_STATUSES,
  SX_TYPES,
  type SxAction,
  type SxActor,
  type SxStatus,
  type SxType,
} from "./sx-status";
import { allowedSxActions, decideSxAction, type SxDecision, type SxFacts } from "./sx-transitions";

const params = (overrides: Partial<BuParameters> = {}): BuParameters => ZBuParameters.parse(overrides);
const DEFAULTS = params();

const user = (...roles: Role[]): SxActor => ({ kind: "user", roles });
const ACTORS: ReadonlyArray<[string, SxActor]> = [
  ...ROLES.map((role): [string, SxActor] => [role, user(role)]),
  ["integration", { kind: "integration" }],
  ["system", { kind: "system" }],
];

const ALLOCATED: readonly SxStatus[] = ["distributed", "confirmed", "in_progress"];
const facts = (status: SxStatus, type: SxType = "installation", extra: Partial<SxFacts> = {}): SxFacts => ({
  status,
  type,
  providerAllocated: ALLOCATED.includes(status),
  duplicateTechnicalVisits: false,
  ...extra,
});

const PARAM_VARIANTS: ReadonlyArray<BuParameters> = [
  DEFAULTS,
  params({
    skipContractAllowed: true,
    blockSellerOnDuplicateTechnicalVisits: true,
    assignmentMode: "bid",
    extraCostAllowedInWaitingForWcf: false,
    serviceLineUpdatesAllowedInProgress: false,
  }),
  params({ assignmentMode: "manual" }),
];

const REASON = /^[a-z]+(_[a-z]+)*$/;
const SENTENCE = /^[A-Z].*\.$/;

/** What is wrong with a decision, or null; checked without expect() so the 150k-cell walk stays fast. */
function malformation(decision: SxDecision, status: SxStatus): string | null {
  if (decision.ok) {
    if (!SX_STATUSES.includes(decision.to)) return `unknown status ${decision.to}`;
    if (decision.from !== status) return `from ${decision.from}`;
    if (!isSxEventName(decision.event)) return `unknown event ${decision.event}`;
    // Every status change reaches the outside world.
    if (decision.to !== decision.from && !decision.effects.some((effect) => effect.type === "webhook")) {
      return "status change without webhook";
    }
    return null;
  }
  if (![403, 409, 422].includes(decision.status)) return `http status ${decision.status}`;
  if (!REASON.test(decision.reason)) return `reason ${decision.reason}`;
  if (!SENTENCE.test(decision.message)) return `message ${decision.message}`;
  return null;
}

describe("every (type, status, action, actor) cell", () => {
  it("yields a well-formed decision under each parameter variant and fact combination", () => {
    let cells = 0;
    const problems: string[] = [];
    for (const p of PARAM_VARIANTS) {
      for (const type of SX_TYPES) {
        for (const status of SX_STATUSES) {
          for (const providerAllocated of [false, true]) {
            for (const duplicateTechnicalVisits of [false, true]) {
              for (const action of SX_ACTIONS) {
                for (const [name, actor] of ACTORS) {
                  const f: SxFacts = { status, type, providerAllocated, duplicateTechnicalVisits };
                  const problem = malformation(decideSxAction(action, f, actor, p), status);
                  if (problem) problems.push(`${type}/${status}/${action}/${name}: ${problem}`);
                  cells++;
                }
              }
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(cells).toBe(3 * 4 * 10 * 4 * SX_ACTIONS.length * (ROLES.length + 2));
  });

  it("never lets admin-only roles without execution rights act", () => {
    for (const type of SX_TYPES) {
      for (const status of SX_STATUSES) {
        for (const role of ["bu_admin", "tenant_admin"] as const) {
          expect(allowedSxActions(facts(status, type), user(role), DEFAULTS, SX_ACTIONS)).toEqual([]);
        }
      }
    }
  });
});

/**
 * Expected outcome per status for an installation job with default parameters (direct assignment, skip not allowed)
 * and a provider allocated exactly in distributed, confirmed and in_progress.
 * Columns: pre_scheduled scheduled distributed confirmed in_progress waiting_for_wcf done closed cancelled non_compliant.
 * "." ok, status unchanged; a letter: ok, moving to P pre_scheduled, S scheduled, D distributed, C confirmed, I in_progress,
 * W waiting_for_wcf, O done, L closed, X cancelled, N non_compliant; "-" 409 not_allowed_in_status;
 * "r" 403 role_not_allowed; "g" refused by a guard; "t" 409 not_applicable_to_type.
 */
type Row = { operator: string; seller: string; execution_admin: string; customer: string };
const same = (staff: string, customer: string, overrides: Partial<Row> = {}): Row => ({
  operator: staff,
  seller: staff,
  execution_admin: staff,
  customer,
  ...overrides,
});

const MATRIX: Record<string, Row> = {
  send_contract: same("....------", "rrrr------"),
  show_contract_qr: same("....------", "rrrr------"),
  print_contract: same("....------", "rrrr------"),
  confirm_paper_signature: same("S---------", "r---------"),
  upload_signed_contract: same("-.......--", "-rrrrrrr--"),
  skip_contract: same("r---------", "r---------", { execution_admin: "g---------" }),
  reschedule: same("..SSS-----", "rrrrr-----", { seller: "..rrr-----" }),
  change_address: same(".....-----", "rrrrr-----", { seller: "..rrr-----" }),
  change_contact: same(".....-----", "rrrrr-----", { seller: "..rrr-----" }),
  modify_duration: same(".....-----", "rrrrr-----", { seller: "....r-----" }),
  cancel: same("rrrrr-----", "rrrrr-----", { execution_admin: "XXXXX-----" }),
  add_note: same("..........", "rrrrrrrrrr"),
  upload_document: same("..........", "rrrrrrrrrr"),
  assign_provider: same("-CC.C-----", "-rrrr-----", { seller: "-rrrr-----" }),
  open_rework: same("-----NNN--", "-----rrr--", { seller: "-----rrr--" }),
  request_extra_cost: same("---...----", "---rrr----", { seller: "---rrr----" }),
  close_wcf_manually: same("-----O----", "-----r----", { seller: "-----r----" }),
  sign_contract: same("rrrrr-----", "S....-----"),
  sign_wcf: same("-----r----", "-----O----"),
  answer_survey: same("------r---", "------L---"),
  check_in: same("---r------", "---r------"),
  order_cancel: same("rrrrrrrr-r", "rrrrrrrr-r"),
};

const LETTERS: Record<string, SxStatus> = {
  P: "pre_scheduled",
  S: "scheduled",
  D: "distributed",
  C: "confirmed",
  I: "in_progress",
  W: "waiting_for_wcf",
  O: "done",
  L: "closed",
  X: "cancelled",
  N: "non_compliant",
};

function outcome(decision: SxDecision): string {
  if (decision.ok) {
    if (decision.to === decision.from) return ".";
    return Object.keys(LETTERS).find((letter) => LETTERS[letter] === decision.to) ?? "?";
  }
  if (decision.reason === "not_allowed_in_status") return "-";
  if (decision.reason === "role_not_allowed") return "r";
  if (decision.reason === "not_applicable_to_type") return "t";
  return "g";
}

describe("expectation matrix (installation, default parameters)", () => {
  for (const [action, row] of Object.entries(MATRIX)) {
    it(action, () => {
      for (const role of ["operator", "seller", "execution_admin", "customer"] as const) {
        const actual = SX_STATUSES.map((status) =>
          outcome(decideSxAction(action as SxAction, facts(status), user(role), DEFAULTS)),
        ).join("");
        expect(`${role}: ${actual}`).toBe(`${role}: ${row[role]}`);
      }
    });
  }

  it("covers every menu action", () => {
    for (const action of MENU_ACTIONS) expect(Object.keys(MATRIX)).toContain(action);
  });
});
