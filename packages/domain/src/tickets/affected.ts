export const TICKET_LINK_RELATIONS = ["relates", "duplicates", "caused_by", "blocks"] as const;
export type TicketLinkRelation = (typeof TICKET_LINK_RELATIONS)[number];

/**
 * Whose customers an incident affects (seed 004: a high incident keeps its affected customers updated): the requester
 * of every ticket filed as its duplicate or as caused by it (links from that ticket to the incident), and of every
 * ticket the incident blocks (a link from the incident). A mere "relates" link affects nobody.
 */
export const AFFECTING_LINKS: {
  readonly toIncident: readonly TicketLinkRelation[];
  readonly fromIncident: readonly TicketLinkRelation[];
} = {
  toIncident: ["duplicates", "caused_by"],
  fromIncident: ["blocks"],
};

/** The tickets whose requesters the incident affects, besides its own requester, from its links either way. */
export function affectedTicketIds(
  incidentId: string,
  links: ReadonlyArray<{ ticketId: string; targetType: string; targetId: string; relation: string }>,
): string[] {
  const ids = new Set<string>();
  for (const link of links) {
    if (link.targetType !== "ticket") continue;
    const relation = link.relation as TicketLinkRelation;
    if (link.targetId === incidentId && AFFECTING_LINKS.toIncident.includes(relation)) ids.add(link.ticketId);
    if (link.ticketId === incidentId && AFFECTING_LINKS.fromIncident.includes(relation)) ids.add(link.targetId);
  }
  ids.delete(incidentId);
  return [...ids];
}
