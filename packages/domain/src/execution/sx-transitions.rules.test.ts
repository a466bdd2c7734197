import { describe, expect, it } from "vitest";
import { defaultBuParameters, ZBuParameters, type BuParameters } from "../parameters/bu-parameters";
import { ROLES, type Role } from "../tenancy/roles";
import { SX_TRANSITIONS } from "./sx-transition-table";
import {
  MENU_ACTIONS,
  SX_ACTIONS,
  SX_TYPES,
  initialSxStatus,
  type SxActor,
  type SxStatus,
  type SxType,
} from "./sx-status";
import { applyTagEffects } from "./sx-tags";
import { allowedSxActions, decideSxAction, type SxFacts } from "./sx-transitions";
import { SYSTEM_TASK_KINDS, SYSTEM_TASK_META } from "./system-tasks";

const params = (overrides: Partial<BuParameters> = {}): BuParameters => ZBuParameters.parse(overrides);
const DEFAULTS = params();
const user = (...roles: Role[]): SxActor => ({ kind: "user", roles });
const operator = user("operator");
const seller = user("seller");
const admin = user("execution_admin");
const integration: SxActor = { kind: "integration" };
const system: SxActor = { kind: "system" };
const everyone: SxActor[] = [...ROLES.map((role) => user(role)), integration, system];

const facts = (status: SxStatus, type: SxType = "installation", extra: Partial<SxFacts> = {}): SxFacts => ({
  status,
  type,
  providerAllocated: ["distributed", "confirmed", "in_progress"].includes(status),
  duplicateTechnicalVisits: false,
  ...extra,
});

function okActions(status: SxStatus, type: SxType, p: BuParameters = DEFAULTS): Set<string> {
  const ok = new Set<string>();
  for (const actor of everyone) {
    for (const action of allowedSxActions(facts(status, type), actor, p, SX_ACTIONS)) ok.add(action);
  }
  return ok;
}

describe("terminal statuses", () => {
  it("cancelled refuses every action but notes and documents, for every type and actor", () => {
    for (const type of SX_TYPES) {
      expect([...okActions("cancelled", type)].sort()).toEqual(["add_note", "upload_document"]);
    }
    const decision = decideSxAction("reschedule", facts("cancelled"), admin, DEFAULTS);
    expect(decision).toMatchObject({ ok: false, status: 409, reason: "not_allowed_in_status" });
    expect(decision.ok || decision.message).toBe("Cannot reschedule a job that is cancelled.");
  });

  it("non_compliant only keeps the history growing", () => {
    for (const type of SX_TYPES) {
      expect([...okActions("non_compliant", type)].sort()).toEqual(["add_note", "upload_document"]);
    }
  });

  it("closed allows the contract upload, a rework and the history, nothing else", () => {
    expect([...okActions("closed", "installation")].sort()).toEqual([
      "add_note",
      "open_rework",
      "upload_document",
      "upload_signed_contract",
    ]);
    const rework = decideSxAction("open_rework", facts("closed"), operator, DEFAULTS);
    expect(rework).toMatchObject({ ok: true, to: "non_compliant", event: "MARKED_NON_COMPLIANT" });
    if (rework.ok) {
      expect(applyTagEffects([], rework.effects)).toEqual(["NON_COMPLIANT"]);
      expect(rework.effects).toContainEqual({ type: "create-rework" });
    }
  });
});

describe("contract", () => {
  it("sending in pre_scheduled waits for the signature; later it only issues a new version", () => {
    const first = decideSxAction("send_contract", facts("pre_scheduled"), seller, DEFAULTS);
    expect(first).toMatchObject({ ok: true, to: "pre_scheduled", event: "CONTRACT_SENT_EMAIL" });
    if (first.ok) {
      expect(applyTagEffects([], first.effects)).toEqual(["ACCEPTANCE_SALES_CONDITIONS"]);
      expect(first.effects).toContainEqual({ type: "cancel-contract" });
    }
    const later = decideSxAction("print_contract", facts("confirmed"), operator, DEFAULTS);
    expect(later).toMatchObject({ ok: true, to: "confirmed", event: "CONTRACT_PRINTED" });
    if (later.ok) expect(applyTagEffects([], later.effects)).toEqual([]);
    expect(decideSxAction("send_contract", facts("in_progress"), operator, DEFAULTS)).toMatchObject({
      ok: false,
      reason: "not_allowed_in_status",
    });
  });

  it("the automatic send runs as the system and is logged as such", () => {
    expect(decideSxAction("send_contract", facts("pre_scheduled"), system, DEFAULTS)).toMatchObject({
      ok: true,
      event: "CONTRACT_AUTO_SENT",
    });
  });

  it("paper confirmation and e-signature move to scheduled, clear the tag and close the task", () => {
    for (const [action, actor, event] of [
      ["confirm_paper_signature", operator, "CONTRACT_SIGNATURE_IN_PAPER"],
      ["sign_contract", user("customer"), "CONTRACT_SIGNED"],
      ["sign_contract", system, "CONTRACT_SIGNED"],
    ] as const) {
      const decision = decideSxAction(action, facts("pre_scheduled"), actor, DEFAULTS);
      expect(decision).toMatchObject({ ok: true, to: "scheduled", event });
      if (!decision.ok) continue;
      expect(applyTagEffects(["ACCEPTANCE_SALES_CONDITIONS"], decision.effects)).toEqual([]);
      expect(decision.effects).toEqual(
        expect.arrayContaining([
          { type: "close-task", task: "CONTRACT_NOT_SIGNED" },
          { type: "cancel-timers", scope: "contract" },
          { type: "notify", audience: "customer" },
          { type: "request-assignment" },
          { type: "webhook", event: "job.status_changed" },
        ]),
      );
    }
  });

  it("skipping needs the execution admin, the BU flag and an installation", () => {
    const allowed = params({ skipContractAllowed: true });
    expect(decideSxAction("skip_contract", facts("pre_scheduled"), admin, allowed)).toMatchObject({
      ok: true,
      to: "scheduled",
      event: "SKIP_CONTRACT",
    });
    expect(decideSxAction("skip_contract", facts("pre_scheduled"), admin, DEFAULTS)).toMatchObject({
      ok: false,
      status: 403,
      reason: "skip_contract_not_allowed_by_bu",
    });
    expect(decideSxAction("skip_contract", facts("pre_scheduled"), operator, allowed)).toMatchObject({
      ok: false,
      status: 403,
      reason: "role_not_allowed",
    });
    expect(decideSxAction("skip_contract", facts("pre_scheduled", "technical_visit"), admin, allowed)).toMatchObject({
      ok: false,
      status: 409,
      reason: "not_applicable_to_type",
    });
    expect(defaultBuParameters("ES").skipContractAllowed).toBe(true);
  });

  it("a rework has no contract", () => {
    expect(initialSxStatus("rework")).toBe("scheduled");
    for (const action of ["send_contract", "show_contract_qr", "print_contract", "upload_signed_contract"] as const) {
      expect(decideSxAction(action, facts("scheduled", "rework"), operator, DEFAULTS)).toMatchObject({
        ok: false,
        status: 409,
        reason: "not_applicable_to_type",
      });
    }
  });
});

describe("seller blocked by duplicate technical visits", () => {
  const blocking = params({ blockSellerOnDuplicateTechnicalVisits: true });
  const duplicate = facts("pre_scheduled", "installation", { duplicateTechnicalVisits: true });

  it("refuses every action a seller could otherwise take in pre_scheduled", () => {
    const unblocked = allowedSxActions(facts("pre_scheduled"), seller, blocking);
    expect(unblocked.length).toBeGreaterThan(5);
    expect(allowedSxActions(duplicate, seller, blocking, SX_ACTIONS)).toEqual([]);
    for (const action of unblocked) {
      const decision = decideSxAction(action, duplicate, seller, blocking);
      expect(decision).toMatchObject({ ok: false, status: 403, reason: "seller_blocked_duplicate_technical_visits" });
      expect(decision.ok || decision.message).toContain("technical visits");
    }
  });

  it("leaves operators, sellers who are also operators, other statuses and other BUs alone", () => {
    expect(allowedSxActions(duplicate, operator, blocking)).toContain("send_contract");
    expect(allowedSxActions(duplicate, user("seller", "operator"), blocking)).toContain("send_contract");
    expect(allowedSxActions({ ...duplicate, status: "scheduled" }, seller, blocking)).toContain("reschedule");
    expect(allowedSxActions(duplicate, seller, DEFAULTS)).toContain("send_contract");
  });
});

describe("order system", () => {
  it("a cancellation once the job reached in progress is refused with in_progress_reached", () => {
    for (const status of ["in_progress", "waiting_for_wcf", "done", "closed", "non_compliant"] as const) {
      const decision = decideSxAction("order_cancel", facts(status), integration, DEFAULTS);
      expect(decision).toMatchObject({ ok: false, status: 409, reason: "in_progress_reached" });
    }
    for (const status of ["pre_scheduled", "scheduled", "distributed", "confirmed"] as const) {
      const decision = decideSxAction("order_cancel", facts(status), integration, DEFAULTS);
      expect(decision).toMatchObject({ ok: true, to: "cancelled", event: "ORDER_CANCELLED" });
      if (decision.ok) expect(decision.effects).toContainEqual({ type: "webhook", event: "job.cancelled" });
    }
  });

  it("an update voids the unsigned contract, and in progress depends on the BU", () => {
    const pre = decideSxAction("order_update", facts("pre_scheduled"), integration, DEFAULTS);
    expect(pre.ok && pre.effects).toEqual(
      expect.arrayContaining([{ type: "cancel-contract" }, { type: "schedule-timer", timer: "contract-auto-send" }]),
    );
    expect(decideSxAction("order_update", facts("in_progress"), integration, defaultBuParameters("ES")).ok).toBe(true);
    expect(decideSxAction("order_update", facts("in_progress"), integration, defaultBuParameters("PT"))).toMatchObject({
      ok: false,
      status: 409,
      reason: "service_line_updates_not_allowed_in_progress",
    });
    expect(decideSxAction("order_update", facts("scheduled", "rework"), integration, DEFAULTS)).toMatchObject({
      reason: "not_applicable_to_type",
    });
  });
});

describe("changes", () => {
  it("rescheduling with a provider allocated goes back to scheduled for the provider's acceptance", () => {
    for (const status of ["distributed", "confirmed", "in_progress"] as const) {
      const decision = decideSxAction("reschedule", facts(status), operator, DEFAULTS);
      expect(decision).toMatchObject({ ok: true, from: status, to: "scheduled", event: "RESCHEDULED" });
      if (decision.ok) {
        expect(decision.effects).toEqual(
          expect.arrayContaining([{ type: "notify", audience: "provider" }, { type: "request-assignment" }]),
        );
      }
    }
    const free = decideSxAction("reschedule", facts("scheduled"), seller, DEFAULTS);
    expect(free).toMatchObject({ ok: true, to: "scheduled" });
    expect(free.ok && free.effects).not.toContainEqual({ type: "notify", audience: "provider" });
    const again = decideSxAction(
      "reschedule",
      facts("scheduled", "installation", { providerAllocated: true }),
      seller,
      DEFAULTS,
    );
    expect(again.ok && again.effects).toContainEqual({ type: "notify", audience: "provider" });
  });

  it("cancel is for the execution admin until in progress and ends everything", () => {
    const decision = decideSxAction("cancel", facts("in_progress"), admin, DEFAULTS);
    expect(decision).toMatchObject({ ok: true, to: "cancelled", event: "CANCELLED" });
    expect(decision.ok && decision.effects).toEqual(
      expect.arrayContaining([
        { type: "notify", audience: "customer" },
        { type: "notify", audience: "provider" },
        { type: "close-task", task: "all" },
        { type: "cancel-timers", scope: "all" },
        { type: "webhook", event: "job.cancelled" },
      ]),
    );
    expect(decideSxAction("cancel", facts("waiting_for_wcf"), admin, DEFAULTS)).toMatchObject({ status: 409 });
  });

  it("extra costs in waiting_for_wcf follow the BU parameter", () => {
    const off = params({ extraCostAllowedInWaitingForWcf: false });
    const pro = user("provider_worker");
    expect(decideSxAction("request_extra_cost", facts("waiting_for_wcf"), pro, DEFAULTS).ok).toBe(true);
    expect(decideSxAction("request_extra_cost", facts("waiting_for_wcf"), pro, off)).toMatchObject({
      status: 409,
      reason: "extra_cost_not_allowed_in_waiting_for_wcf",
    });
    expect(decideSxAction("request_extra_cost", facts("in_progress"), pro, off).ok).toBe(true);
  });
});

describe("provider flow", () => {
  it("automatic assignment follows the BU mode and skips rework", () => {
    expect(decideSxAction("auto_assign", facts("scheduled"), system, params({ assignmentMode: "bid" }))).toMatchObject({
      ok: true,
      to: "distributed",
      event: "OFFER_SENT",
    });
    expect(decideSxAction("auto_assign", facts("scheduled"), system, DEFAULTS)).toMatchObject({
      ok: true,
      to: "confirmed",
      event: "AUTO_ASSIGNED",
    });
    expect(
      decideSxAction("auto_assign", facts("scheduled"), system, params({ assignmentMode: "manual" })),
    ).toMatchObject({ ok: false, status: 409, reason: "automatic_assignment_disabled" });
    expect(decideSxAction("auto_assign", facts("scheduled", "rework"), system, DEFAULTS)).toMatchObject({
      reason: "not_applicable_to_type",
    });
  });

  it("a manual assignment offers the job in bid mode and books it otherwise", () => {
    expect(
      decideSxAction("assign_provider", facts("confirmed"), operator, params({ assignmentMode: "bid" })),
    ).toMatchObject({ ok: true, to: "distributed", event: "PROVIDER_ASSIGNED" });
    expect(decideSxAction("assign_provider", facts("scheduled", "rework"), operator, DEFAULTS)).toMatchObject({
      ok: true,
      to: "confirmed",
    });
  });

  it("offers are accepted, refused or time out", () => {
    const manager = user("provider_manager");
    expect(decideSxAction("accept_offer", facts("distributed"), manager, DEFAULTS)).toMatchObject({ to: "confirmed" });
    expect(decideSxAction("refuse_offer", facts("distributed"), manager, DEFAULTS)).toMatchObject({ to: "scheduled" });
    expect(decideSxAction("offer_timeout", facts("distributed"), system, DEFAULTS)).toMatchObject({ to: "scheduled" });
    expect(decideSxAction("accept_offer", facts("distributed"), user("provider_worker"), DEFAULTS)).toMatchObject({
      status: 403,
    });
  });

  it("installations close with the WCF, technical visits with the report", () => {
    const pro = user("provider_worker");
    expect(decideSxAction("check_out", facts("in_progress"), pro, DEFAULTS)).toMatchObject({ to: "waiting_for_wcf" });
    expect(decideSxAction("upload_report", facts("in_progress"), pro, DEFAULTS)).toMatchObject({
      reason: "not_applicable_to_type",
    });
    const report = decideSxAction("upload_report", facts("in_progress", "technical_visit"), pro, DEFAULTS);
    expect(report).toMatchObject({ ok: true, to: "done", event: "REPORT_UPLOADED" });
    if (report.ok) expect(applyTagEffects([], report.effects)).toEqual(["TECHNICAL_REPORT_SENT"]);
    expect(decideSxAction("check_out", facts("in_progress", "budget"), pro, DEFAULTS)).toMatchObject({
      reason: "not_applicable_to_type",
    });
    expect(decideSxAction("auto_close", facts("done", "technical_visit"), system, DEFAULTS)).toMatchObject({
      to: "closed",
    });
  });
});

describe("table", () => {
  it("lists the menu actions first and defaults allowedSxActions to them", () => {
    expect(MENU_ACTIONS).toHaveLength(17);
    expect(MENU_ACTIONS.at(-1)).toBe("close_wcf_manually");
    expect(allowedSxActions(facts("waiting_for_wcf"), system, DEFAULTS)).toEqual([]);
    expect(allowedSxActions(facts("waiting_for_wcf"), system, DEFAULTS, SX_ACTIONS)).toEqual(["sign_wcf"]);
    expect(allowedSxActions(facts("done"), system, DEFAULTS, SX_ACTIONS)).toEqual(["answer_survey", "auto_close"]);
  });

  it("every action has at least one row and every row names a real actor", () => {
    for (const action of SX_ACTIONS) expect(SX_TRANSITIONS.some((row) => row.action === action)).toBe(true);
    for (const row of SX_TRANSITIONS) {
      expect(row.from.length).toBeGreaterThan(0);
      for (const actor of row.actors) expect([...ROLES, "integration", "system"]).toContain(actor);
    }
  });

  it("close-task effects agree with the tasks' closesOn events", () => {
    for (const row of SX_TRANSITIONS) {
      const closed = row.effects.flatMap((effect) => (effect.type === "close-task" ? [effect.task] : []));
      if (closed.includes("all")) continue;
      for (const kind of SYSTEM_TASK_KINDS) {
        const closesOn = SYSTEM_TASK_META[kind].closesOn.includes(row.event);
        expect(`${row.action}/${row.event} closes ${kind}: ${closed.includes(kind)}`).toBe(
          `${row.action}/${row.event} closes ${kind}: ${closesOn}`,
        );
      }
    }
  });
});
