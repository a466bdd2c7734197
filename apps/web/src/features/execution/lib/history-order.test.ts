import { describe, expect, it } from "vitest";
import { newestFirst } from "./history-order";

describe("newestFirst", () => {
  it("puts later instants first and, within one instant, higher codes first", () => {
    const at = (minute: number) => `2027-03-01T10:0${minute}:00.000Z`;
    const events = [
      { code: 100, at: at(0) },
      { code: 120, at: at(1) },
      { code: 121, at: at(1) },
      { code: 126, at: at(2) },
    ];
    expect(newestFirst(events).map((event) => event.code)).toEqual([126, 121, 120, 100]);
    expect(events.map((event) => event.code)).toEqual([100, 120, 121, 126]);
  });
});
