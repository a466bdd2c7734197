import { describe, expect, it } from "vitest";
import { uuidv7, uuidv7Time } from "./uuidv7";

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("uuidv7", () => {
  it("is a well-formed version 7, variant 1 UUID carrying its millisecond", () => {
    const at = Date.UTC(2026, 10, 26, 9, 30, 15, 123);
    const id = uuidv7(at);
    expect(id).toMatch(UUID_V7);
    expect(uuidv7Time(id)).toBe(at);
  });

  it("sorts by the time it was drawn at, as text and as PostgreSQL compares uuids", () => {
    const ids = Array.from({ length: 1_000 }, (_, i) => uuidv7(1_700_000_000_000 + i * 7));
    expect([...ids].sort()).toEqual(ids);
  });

  it("draws distinct ids within one millisecond, across refills of its random pool", () => {
    const ids = Array.from({ length: 5_000 }, () => uuidv7(1_800_000_000_000));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(UUID_V7);
  });
});
