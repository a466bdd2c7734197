import { describe, expect, it } from "vitest";
import type { Page, TProjectSummary, TTicket } from "@atende/contracts";
import { createTestApp } from "../app";
import { givenExecutionWorld } from "../factories/execution";
import { createOrder, get, ok, post, tempStorage } from "./exec-helpers";

const t = await createTestApp({ storageDir: tempStorage() });

// Searches go through SECURITY DEFINER functions (so the word indexes work under row-level security): they must still
// return only the caller's tenant's rows.
describe("searches stay inside the tenant", () => {
  it("finds the same customer name and ticket words only in the caller's tenant", async () => {
    const a = await givenExecutionWorld(t, "search-a");
    const b = await givenExecutionWorld(t, "search-b");
    await createOrder(t, a, "O-A");
    await createOrder(t, b, "O-B");
    const searchAs = async (w: typeof a) => {
      const operator = await w.as("operator");
      const page = ok<Page<TProjectSummary>>(await get(t, "/api/v1/projects?q=lucia%20mart", operator.headers));
      return page.items;
    };
    const fromA = await searchAs(a);
    const fromB = await searchAs(b);
    expect(fromA).toHaveLength(1);
    expect(fromB).toHaveLength(1);
    expect(fromA[0]!.id).not.toBe(fromB[0]!.id);

    const ticketAs = async (w: typeof a, subject: string) => {
      const operator = await w.as("operator");
      ok(
        await post(t, "/api/v1/tickets", operator.headers, {
          subject,
          description: "Printer on the second floor",
          channel: "phone",
          type: "incident",
          priority: "low",
        }),
        201,
      );
      return operator;
    };
    const opA = await ticketAs(a, "Zebra printer jammed");
    const opB = await ticketAs(b, "Zebra printer offline");
    const found = async (op: typeof opA) =>
      ok<Page<TTicket>>(await get(t, "/api/v1/tickets?q=zebra&view=all", op.headers)).items.map((x) => x.subject);
    expect(await found(opA)).toEqual(["Zebra printer jammed"]);
    expect(await found(opB)).toEqual(["Zebra printer offline"]);
  });
});
