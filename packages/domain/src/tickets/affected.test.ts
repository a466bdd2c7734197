import { describe, expect, it } from "vitest";
import { affectedTicketIds } from "./affected";

const incident = "inc";
const link = (ticketId: string, relation: string, targetId: string, targetType = "ticket") => ({
  ticketId,
  relation,
  targetId,
  targetType,
});

describe("tickets an incident affects", () => {
  it("counts duplicates of it, tickets caused by it and tickets it blocks", () => {
    expect(
      affectedTicketIds(incident, [
        link("dup", "duplicates", incident),
        link("caused", "caused_by", incident),
        link(incident, "blocks", "blocked"),
      ]).sort(),
    ).toEqual(["blocked", "caused", "dup"]);
  });

  it("ignores 'relates', the reverse directions, other targets and the incident itself", () => {
    expect(
      affectedTicketIds(incident, [
        link("rel", "relates", incident),
        link(incident, "relates", "rel2"),
        link(incident, "duplicates", "original"),
        link(incident, "caused_by", "cause"),
        link("blocker", "blocks", incident),
        link("other", "duplicates", "another-incident"),
        link("job-link", "caused_by", incident, "job"),
        link(incident, "blocks", incident),
      ]),
    ).toEqual([]);
  });

  it("names each affected ticket once", () => {
    expect(affectedTicketIds(incident, [link("t", "duplicates", incident), link("t", "caused_by", incident)])).toEqual([
      "t",
    ]);
  });
});
