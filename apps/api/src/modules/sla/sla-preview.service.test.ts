import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp, login, tenantWide, type Session, type TestApp } from "../../../test/app";

let t: TestApp;
let operator: Session;

const madridOffice = {
  timezone: "Europe/Madrid",
  hours: {
    mon: [["09:00", "18:00"]],
    tue: [["09:00", "18:00"]],
    wed: [["09:00", "18:00"]],
    thu: [["09:00", "18:00"]],
    fri: [["09:00", "18:00"]],
  },
  holidays: ["2027-10-12"],
};

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.tenant("sla-a");
  await a.user("op@sla-a.test", [tenantWide("operator")]);
  await a.user("customer@sla-a.test", [tenantWide("customer")]);
  operator = await login(t.app, "op@sla-a.test");
});

const preview = (headers: Record<string, string>, payload: unknown) =>
  t.app.inject({ method: "POST", url: "/api/v1/sla/preview", headers, payload: payload as object });

describe("POST /api/v1/sla/preview", () => {
  it("gives each target's due instant in UTC with seconds and Z", async () => {
    const res = await preview(operator.headers, {
      calendar: madridOffice,
      start: "2027-09-24T15:00:00Z",
      targets: [
        { name: "firstResponse", minutes: 120 },
        { name: "sameDay", minutes: 60 },
        { name: "resolution", businessDays: 0 },
        { name: "twoDays", businessDays: 2 },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      due: {
        firstResponse: "2027-09-27T08:00:00Z",
        sameDay: "2027-09-24T16:00:00Z",
        resolution: "2027-09-24T16:00:00Z",
        twoDays: "2027-09-28T16:00:00Z",
      },
    });
  });

  it("skips holidays and honours pauses", async () => {
    const res = await preview(operator.headers, {
      calendar: madridOffice,
      start: "2027-10-11T15:00:00Z",
      targets: [{ name: "t", minutes: 120 }],
      pauses: [{ from: "2027-10-13T07:00:00Z", to: "2027-10-13T08:00:00Z" }],
    });
    // Mon 17:00 Madrid + 60 min to close; Tue 12 Oct is a holiday; Wed opens 09:00, paused 09:00-10:00, 60 min more -> 11:00.
    expect(res.json()).toEqual({ due: { t: "2027-10-13T09:00:00Z" } });
  });

  it("24x7 counts real time", async () => {
    const res = await preview(operator.headers, {
      calendar: "24x7",
      start: "2027-01-01T00:00:00Z",
      targets: [
        { name: "t", minutes: 10 },
        { name: "d", businessDays: 3 },
      ],
    });
    expect(res.json()).toEqual({ due: { t: "2027-01-01T00:10:00Z", d: "2027-01-04T00:00:00Z" } });
  });

  it("answers 400 naming the field for an interval whose end is not after its start", async () => {
    const res = await preview(operator.headers, {
      calendar: { ...madridOffice, hours: { mon: [["18:00", "09:00"]] } },
      start: "2027-09-24T15:00:00Z",
      targets: [{ name: "t", minutes: 1 }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(JSON.stringify(res.json().errors)).toContain("body.calendar");
  });

  it("answers 400 for a bad time zone, a bad start and duplicate target names", async () => {
    for (const body of [
      {
        calendar: { ...madridOffice, timezone: "Mars/Base" },
        start: "2027-09-24T15:00:00Z",
        targets: [{ name: "t", minutes: 1 }],
      },
      { calendar: "24x7", start: "2027-13-45T99:00:00Z", targets: [{ name: "t", minutes: 1 }] },
      {
        calendar: "24x7",
        start: "2027-01-01T00:00:00Z",
        targets: [
          { name: "t", minutes: 1 },
          { name: "t", minutes: 2 },
        ],
      },
    ]) {
      const res = await preview(operator.headers, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
  });

  it("is for staff: a customer gets 403", async () => {
    const customer = await login(t.app, "customer@sla-a.test");
    const res = await preview(customer.headers, {
      calendar: "24x7",
      start: "2027-01-01T00:00:00Z",
      targets: [{ name: "t", minutes: 1 }],
    });
    expect(res.statusCode).toBe(403);
  });
});

describe("SLA preview limits", () => {
  it("refuses a target beyond the ten-year horizon with 422 instead of computing for minutes", async () => {
    const started = Date.now();
    const res = await preview(operator.headers, {
      calendar: { timezone: "Europe/Madrid", hours: { mon: [["09:00", "09:01"]] } },
      start: "2026-01-01T00:00:00Z",
      targets: [{ name: "a", minutes: 10_000_000 }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].path).toBe("body.targets.0");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("refuses target names that are not plain words and starts outside 1970-2200", async () => {
    const bad = await preview(operator.headers, {
      calendar: "24x7",
      start: "2026-01-01T00:00:00Z",
      targets: [{ name: "__proto__", minutes: 1 }],
    });
    expect(bad.statusCode).toBe(400);
    const far = await preview(operator.headers, {
      calendar: "24x7",
      start: "9999-12-31T23:59:59Z",
      targets: [{ name: "a", minutes: 1 }],
    });
    expect(far.statusCode).toBe(400);
  });
});
