import { describe, expect, it } from "vitest";
import type { TSlaMatrix } from "@atende/contracts";
import {
  buildMatrixSave,
  cellKey,
  cellOf,
  draftFromCell,
  draftsFromMatrix,
  isCellDirty,
  serverErrorsByCell,
  validateCell,
  validTargets,
} from "./matrix";

const CAL = "00000000-0000-4000-8000-000000000001";
const BU = "00000000-0000-4000-8000-0000000000b0";

const matrix: TSlaMatrix = {
  buId: BU,
  types: ["incident", "defect"],
  priorities: [
    { code: "high", rank: 1 },
    { code: "medium", rank: 2 },
  ],
  cells: [
    {
      type: "incident",
      priority: "high",
      policyId: null,
      policyCode: null,
      targets: { firstResponse: { minutes: 10 } },
      calendarId: CAL,
      warningPercent: 75,
    },
    {
      type: "incident",
      priority: "medium",
      policyId: null,
      policyCode: null,
      targets: { firstResponse: { minutes: 120 } },
      calendarId: CAL,
      warningPercent: 75,
    },
    {
      type: "defect",
      priority: "high",
      policyId: null,
      policyCode: null,
      targets: { resolution: { businessDays: 2 } },
      calendarId: CAL,
      warningPercent: 80,
    },
    {
      type: "defect",
      priority: "medium",
      policyId: null,
      policyCode: null,
      targets: null,
      calendarId: null,
      warningPercent: null,
    },
  ],
};

describe("matrix cell mapping", () => {
  it("keys drafts by type and priority and reads targets as number + unit", () => {
    const drafts = draftsFromMatrix(matrix);
    expect(Object.keys(drafts)).toEqual(["incident:high", "incident:medium", "defect:high", "defect:medium"]);
    const medium = drafts[cellKey("incident", "medium")]!;
    expect(medium.targets.firstResponse).toEqual({ value: 2, unit: "hours" });
    expect(medium.targets.resolution).toEqual({ value: "", unit: "minutes" });
    expect(drafts["defect:medium"]!.warningPercent).toBe(75);
  });

  it("finds a cell, or an empty one the server did not list", () => {
    expect(cellOf(matrix, "defect", "high").warningPercent).toBe(80);
    expect(cellOf(matrix, "task", "high")).toMatchObject({
      type: "task",
      priority: "high",
      targets: null,
      calendarId: null,
    });
  });

  it("is dirty only when the meaning changes", () => {
    const original = cellOf(matrix, "incident", "medium");
    const draft = draftFromCell(original);
    expect(
      isCellDirty(
        { ...draft, targets: { ...draft.targets, firstResponse: { value: "120", unit: "minutes" } } },
        original,
      ),
    ).toBe(false);
    expect(
      isCellDirty(
        { ...draft, targets: { ...draft.targets, firstResponse: { value: "240", unit: "minutes" } } },
        original,
      ),
    ).toBe(true);
    expect(isCellDirty({ ...draft, warningPercent: "75" }, original)).toBe(false);
    expect(isCellDirty({ ...draft, warningPercent: "" }, original)).toBe(true);
  });

  it("sends only the changed cells and remembers which index is which cell", () => {
    const drafts = draftsFromMatrix(matrix);
    const medium = drafts["incident:medium"]!;
    drafts["incident:medium"] = {
      ...medium,
      targets: { ...medium.targets, firstResponse: { value: 240, unit: "minutes" } },
    };
    const save = buildMatrixSave(matrix, drafts);
    expect(save).toEqual({
      ok: true,
      keys: ["incident:medium"],
      body: {
        buId: BU,
        cells: [
          {
            type: "incident",
            priority: "medium",
            calendarId: CAL,
            targets: { firstResponse: { minutes: 240 } },
            warningPercent: 75,
          },
        ],
      },
    });
  });

  it("reports nothing to save, and every problem of an invalid cell", () => {
    expect(buildMatrixSave(matrix, draftsFromMatrix(matrix))).toEqual({
      ok: false,
      problems: null,
      nothingChanged: true,
    });
    const drafts = draftsFromMatrix(matrix);
    drafts["defect:medium"] = { ...drafts["defect:medium"]!, warningPercent: 120 };
    expect(buildMatrixSave(matrix, drafts)).toEqual({
      ok: false,
      problems: { "defect:medium": { calendarId: "required", targets: "noTarget", warningPercent: "warningRange" } },
    });
    const bad = validateCell({
      ...drafts["incident:high"]!,
      targets: { ...drafts["incident:high"]!.targets, resolution: { value: "1.5", unit: "businessDays" } },
    });
    expect(bad).toEqual({ ok: false, problems: { "targets.resolution": "notWhole" } });
  });

  it("leaves out buId for the all-BUs matrix", () => {
    const all = { ...matrix, buId: null };
    const drafts = draftsFromMatrix(all);
    drafts["incident:high"] = { ...drafts["incident:high"]!, warningPercent: 80 };
    const save = buildMatrixSave(all, drafts);
    expect(save.ok && "buId" in save.body).toBe(false);
  });

  it("previews only the targets that parse", () => {
    const draft = draftsFromMatrix(matrix)["incident:medium"]!;
    expect(
      validTargets({
        ...draft,
        targets: {
          ...draft.targets,
          resolution: { value: "x", unit: "hours" },
          followUp: { value: 1, unit: "businessDays" },
        },
      }),
    ).toEqual({
      firstResponse: { minutes: 120 },
      followUp: { businessDays: 1 },
    });
  });

  it("puts server errors back on the cell that was sent at that index", () => {
    const errors = serverErrorsByCell(
      [
        { path: "body.cells.1.targets.firstResponse.minutes", message: "too big" },
        { path: "body.cells.0.calendarId", message: "no such calendar" },
        { path: "body.cells.7.priority", message: "lost" },
        { path: "body.buId", message: "no such business unit" },
      ],
      ["incident:high", "defect:low"],
    );
    expect(errors.byCell).toEqual({
      "defect:low": { "targets.firstResponse.minutes": "too big" },
      "incident:high": { calendarId: "no such calendar" },
    });
    expect(errors.unplaced).toEqual(["body.cells.7.priority: lost", "body.buId: no such business unit"]);
  });
});
