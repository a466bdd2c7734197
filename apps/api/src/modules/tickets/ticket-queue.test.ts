import { beforeAll, describe, expect, it } from "vitest";
import { PrismaNamespace, readAsTenant, withTenant } from "@atende/db";
import { DUE_SOON_MINUTES } from "@atende/desk";
import type { TicketType } from "@atende/domain";
import { TICKET_VIEWS, ZTicket, ZTicketListQuery, type TTicket, type TTicketDetail } from "@atende/contracts";
import { createTestApp, login, tenantWide, type Session, type TestApp } from "../../../test/app";
import { givenPolicy } from "../../../test/factories/service-desk";
import { listTickets, ticketsOf } from "./tickets.repo";

/**
 * The queue (GET /api/v1/tickets) is one hand-written SQL statement. These tests pin it against the ORM read of the same
 * tickets (GET /api/v1/tickets/:id) and against a fixed set of tickets whose views, filters, orders and scopes are known.
 */

type View = (typeof TICKET_VIEWS)[number];
type Sort = "nextDueAt" | "-createdAt" | "-number";
type Page = { items: TTicket[]; nextCursor: string | null };
type Key = "A" | "B" | "C" | "D" | "E" | "F" | "G" | "H" | "I" | "J" | "K" | "L" | "M" | "N";
type Step = "acknowledge" | "start" | "pend" | "resolve" | "close";

type Spec = {
  key: Key;
  priority: "high" | "medium" | "low";
  type: TicketType;
  bu: "es" | "pt" | null;
  requester: "c1" | "c2" | null;
  group: "G1" | "G2" | null;
  assignee: "me" | "other" | "es" | null;
  steps: Step[];
  /** Minutes from `base` written to next_due_at after every API change; null clears it; absent keeps the SLA's. */
  dueIn?: number | null;
  breached?: boolean;
  subject?: string;
  description?: string;
  tags?: string[];
  organisationTier?: string;
  classify?: boolean;
};

const SORTS: readonly Sort[] = ["nextDueAt", "-createdAt", "-number"];
const LIST_KEYS = Object.keys(ZTicket.shape).sort();
const TIMESTAMP_KEYS = [
  "finalClassifiedAt",
  "nextDueAt",
  "firstResponseAt",
  "resolvedAt",
  "closedAt",
  "createdAt",
  "updatedAt",
] as const;
const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

// Subjects and descriptions carry no digits, so a search by case number matches the number alone (except N, on purpose).
const SPECS: Spec[] = [
  // Due soon, mine; shares its due instant with B and C (ties broken by id).
  {
    key: "A",
    priority: "high",
    type: "incident",
    bu: null,
    requester: "c1",
    group: "G1",
    assignee: "me",
    steps: ["acknowledge"],
    dueIn: 30,
    tags: ["vip", "printer"],
    organisationTier: "gold",
  },
  {
    key: "B",
    priority: "high",
    type: "incident",
    bu: "es",
    requester: "c1",
    group: null,
    assignee: null,
    steps: [],
    dueIn: 30,
  },
  // Breached: not due soon although its due instant is.
  {
    key: "C",
    priority: "high",
    type: "incident",
    bu: null,
    requester: null,
    group: "G2",
    assignee: "other",
    steps: ["acknowledge"],
    dueIn: 30,
    breached: true,
    // PostgreSQL writes the queue's JSON: quotes, backslashes, control characters and non-ASCII text must survive it.
    description: 'Says "stop", a back\\slash, a tab\tand a\nnew line; ñandú, 東京 and 🚀',
  },
  {
    key: "D",
    priority: "medium",
    type: "service_request",
    bu: "pt",
    requester: "c2",
    group: "G1",
    assignee: "me",
    steps: ["start"],
    dueIn: 300,
  },
  // No SLA policy for low: next due stays null.
  { key: "E", priority: "low", type: "defect", bu: "pt", requester: "c2", group: null, assignee: null, steps: [] },
  {
    key: "F",
    priority: "low",
    type: "incident",
    bu: null,
    requester: "c1",
    group: "G2",
    assignee: "me",
    steps: ["acknowledge", "pend"],
  },
  // Pending pauses the clocks of its policy: next due null.
  {
    key: "G",
    priority: "high",
    type: "incident",
    bu: "es",
    requester: "c1",
    group: null,
    assignee: null,
    steps: ["acknowledge", "pend"],
  },
  // Breached and then resolved: in no open view, the breached one included.
  {
    key: "H",
    priority: "medium",
    type: "incident",
    bu: null,
    requester: "c2",
    group: "G1",
    assignee: "me",
    steps: ["start", "resolve"],
    breached: true,
    classify: true,
  },
  // Closed with a due instant inside the window (written straight to the row): pins "open" in the due-soon view.
  {
    key: "I",
    priority: "low",
    type: "task",
    bu: "es",
    requester: null,
    group: null,
    assignee: null,
    steps: ["start", "resolve", "close"],
    dueIn: 10,
  },
  // Past due, its breach timer not yet run: still due soon.
  {
    key: "J",
    priority: "high",
    type: "defect",
    bu: "es",
    requester: null,
    group: "G1",
    assignee: null,
    steps: [],
    dueIn: -5,
  },
  // Just outside the due-soon window, and L just inside it.
  {
    key: "K",
    priority: "medium",
    type: "incident",
    bu: "pt",
    requester: null,
    group: null,
    assignee: null,
    steps: [],
    dueIn: DUE_SOON_MINUTES + 1,
    subject: "Printer zebracorn jammed",
  },
  {
    key: "L",
    priority: "medium",
    type: "incident",
    bu: null,
    requester: "c2",
    group: "G2",
    assignee: "other",
    steps: [],
    dueIn: DUE_SOON_MINUTES - 1,
    description: "The quokka dashboard shows nothing",
    classify: true,
  },
  // Another BU's ticket assigned to the BU-scoped operator: not in their "mine".
  {
    key: "M",
    priority: "high",
    type: "improvement",
    bu: "pt",
    requester: null,
    group: null,
    assignee: "es",
    steps: [],
    dueIn: 300,
    breached: true,
  },
  { key: "N", priority: "low", type: "incident", bu: "es", requester: null, group: null, assignee: "es", steps: [] },
];

// The expected sets, written out by hand from the table above.
const OPEN: Key[] = ["A", "B", "C", "D", "E", "F", "G", "J", "K", "L", "M", "N"];
const EXPECTED_VIEWS: Record<View, Key[]> = {
  all: SPECS.map((s) => s.key),
  open: OPEN,
  mine: ["A", "D", "F"],
  unassigned: ["B", "E", "G", "J", "K"],
  due_soon: ["A", "B", "J", "L"],
  breached: ["C", "M"],
  pending: ["F", "G"],
};
const ES_VISIBLE: Key[] = ["A", "B", "C", "F", "G", "H", "I", "J", "L", "N"];
const OWN: Record<"c1" | "c2", Key[]> = { c1: ["A", "B", "F", "G"], c2: ["D", "E", "H", "L"] };

let t: TestApp;
let tenantId: string;
let me: Session;
let esOperator: Session;
let twoBuOperator: Session;
let customers: Record<"c1" | "c2", Session>;
const userIds: Record<"me" | "other" | "es", string> = { me: "", other: "", es: "" };
const groups: Record<"G1" | "G2", string> = { G1: "", G2: "" };
const ids = {} as Record<Key, string>;
const keyOf = new Map<string, Key>();
/** Every ticket as GET /api/v1/tickets/:id shows it to a tenant-wide operator, after the fixture is complete. */
const details = {} as Record<Key, TTicketDetail>;

async function inject<T>(s: Session, method: "GET" | "POST" | "PUT", url: string, payload?: object): Promise<T> {
  const res = await t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json<T>();
}

const query = (params: Record<string, string | number | undefined>) => {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) qs.set(k, String(v));
  return `/api/v1/tickets?${qs.toString()}`;
};

const list = (s: Session, params: Record<string, string | number | undefined>) =>
  inject<Page>(s, "GET", query({ limit: 200, ...params }));

/** Every page at `limit`, following the cursors; checks the pages' own shape on the way. */
async function walk(s: Session, params: Record<string, string | number | undefined>, limit = 2) {
  const pages: Page[] = [];
  let cursor: string | undefined;
  do {
    const page = await inject<Page>(s, "GET", query({ ...params, limit, cursor }));
    pages.push(page);
    cursor = page.nextCursor ?? undefined;
    if (pages.length > 50) throw new Error(`more than 50 pages for ${JSON.stringify(params)}: the cursor loops`);
  } while (cursor);
  pages.forEach((page, i) => {
    if (i < pages.length - 1) expect(page.items).toHaveLength(limit);
    else expect(page.items.length).toBeGreaterThan(0);
  });
  return pages.flatMap((p) => p.items);
}

const keys = (items: TTicket[]) => items.map((x) => keyOf.get(x.id) ?? `foreign:${x.id}`);
const sorted = (ks: readonly Key[]) => [...ks].sort();

/** The order each sort promises, computed from the detail reads. */
function expectedOrder(ks: readonly Key[], sort: Sort): Key[] {
  const cmpId = (a: TTicket, b: TTicket) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const rows = ks.map((k) => details[k]);
  rows.sort((a, b) => {
    if (sort === "-number") return b.number - a.number;
    if (sort === "-createdAt") {
      const byDate = Date.parse(b.createdAt) - Date.parse(a.createdAt);
      return byDate || cmpId(b, a);
    }
    if (a.nextDueAt === null && b.nextDueAt === null) return cmpId(a, b);
    if (a.nextDueAt === null) return 1;
    if (b.nextDueAt === null) return -1;
    return Date.parse(a.nextDueAt) - Date.parse(b.nextDueAt) || cmpId(a, b);
  });
  return rows.map((r) => keyOf.get(r.id)!);
}

const only = (ks: readonly Key[], allowed: readonly Key[]) => ks.filter((k) => allowed.includes(k));

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.tenant("queue-a");
  tenantId = a.id;
  const es = await a.bu("ES");
  const pt = await a.bu("PT", "PT");
  const bus = { es, pt };
  const [meId, otherId, esId, c1User, c2User] = await Promise.all([
    a.user("me@queue.test", [tenantWide("operator")]),
    a.user("other@queue.test", [tenantWide("operator")]),
    a.user("es@queue.test", [{ role: "operator", buId: es, storeId: null }]),
    a.user("carla@queue.test", [tenantWide("customer")]),
    a.user("dora@queue.test", [tenantWide("customer")]),
    a.user("espt@queue.test", [
      { role: "operator", buId: es, storeId: null },
      { role: "operator", buId: pt, storeId: null },
    ]),
  ]);
  Object.assign(userIds, { me: meId, other: otherId, es: esId });
  const customerIds = await withTenant(t.db, tenantId, async (tx) => {
    const c1 = await tx.customer.create({
      data: { tenantId, name: "Carla", email: "carla@queue.test", userId: c1User },
    });
    const c2 = await tx.customer.create({ data: { tenantId, name: "Dora", email: "dora@queue.test", userId: c2User } });
    for (const code of ["G1", "G2"] as const) {
      groups[code] = (await tx.group.create({ data: { tenantId, code, name: code } })).id;
    }
    return { c1: c1.id, c2: c2.id };
  });
  await givenPolicy(t.db, tenantId, {
    code: "high",
    name: "High",
    calendar: "24x7",
    conditions: { priorities: ["high"] },
    targets: { firstResponse: { minutes: 30 }, resolution: { minutes: 240 } },
  });
  await givenPolicy(t.db, tenantId, {
    code: "medium",
    name: "Medium",
    calendar: "24x7",
    conditions: { priorities: ["medium"] },
    targets: { firstResponse: { minutes: 300 }, resolution: { minutes: 600 } },
  });
  [me, esOperator, twoBuOperator, customers] = await Promise.all([
    login(t.app, "me@queue.test"),
    login(t.app, "es@queue.test"),
    login(t.app, "espt@queue.test"),
    Promise.all([login(t.app, "carla@queue.test"), login(t.app, "dora@queue.test")]).then(([c1, c2]) => ({ c1, c2 })),
  ]);

  // Sequential: case numbers follow the table's order.
  for (const spec of SPECS) {
    let ticket = await inject<TTicketDetail>(me, "POST", "/api/v1/tickets", {
      subject: spec.subject ?? `Case ${spec.key.repeat(3)} needs attention`,
      description: spec.description ?? "Nothing works as expected",
      channel: "email",
      type: spec.type,
      priority: spec.priority,
      buId: spec.bu ? bus[spec.bu] : null,
      ...(spec.requester ? { requesterCustomerId: customerIds[spec.requester] } : {}),
      ...(spec.tags ? { tags: spec.tags } : {}),
      ...(spec.organisationTier ? { organisationTier: spec.organisationTier } : {}),
    });
    ids[spec.key] = ticket.id;
    keyOf.set(ticket.id, spec.key);
    const url = `/api/v1/tickets/${ticket.id}`;
    if (spec.classify) {
      ticket = await inject(me, "PUT", `${url}/classification`, {
        type: spec.type,
        priority: spec.priority,
        version: ticket.version,
      });
    }
    if (spec.group || spec.assignee) {
      ticket = await inject(me, "PUT", `${url}/assignment`, {
        groupId: spec.group ? groups[spec.group] : null,
        assigneeId: spec.assignee ? userIds[spec.assignee] : null,
        version: ticket.version,
      });
    }
    for (const action of spec.steps) {
      ticket = await inject(me, "POST", `${url}/actions`, {
        action,
        version: ticket.version,
        ...(action === "pend" ? { pauseReason: "waiting_customer" } : {}),
        ...(action === "resolve" ? { resolution: { kind: "definitive", note: "Replaced the part" } } : {}),
      });
    }
  }
  // N's subject holds C's case number: a search by that number finds both (number OR words).
  await withTenant(t.db, tenantId, async (tx) => {
    const c = await tx.ticket.findFirstOrThrow({ where: { id: ids.C } });
    await tx.ticket.update({ where: { id: ids.N }, data: { subject: `Router ${c.number} reboots` } });
  });

  // Due instants and breach flags last (any API change replans the SLA and rewrites them). The base carries
  // milliseconds so the written timestamps must keep them.
  const base = Math.floor(Date.now() / 1000) * 1000 + 789;
  const tiedCreatedAt = new Date(base - 3_600_000);
  await withTenant(t.db, tenantId, async (tx) => {
    for (const spec of SPECS) {
      await tx.ticket.update({
        where: { id: ids[spec.key] },
        data: {
          ...(spec.dueIn === undefined
            ? {}
            : { nextDueAt: spec.dueIn === null ? null : new Date(base + spec.dueIn * 60_000) }),
          ...(spec.breached ? { breached: true } : {}),
          // Four tickets created in the same millisecond: the -createdAt order breaks the tie by id across pages.
          ...(["B", "C", "D", "E"].includes(spec.key) ? { createdAt: tiedCreatedAt } : {}),
        },
      });
    }
  });
  for (const spec of SPECS) {
    details[spec.key] = await inject<TTicketDetail>(me, "GET", `/api/v1/tickets/${ids[spec.key]}`);
  }
});

describe("the fixture is what the tables above say", () => {
  it("has ties, nulls and each status the views separate", () => {
    const due = (k: Key) => details[k].nextDueAt;
    expect(due("A")).toBe(due("B"));
    expect(due("B")).toBe(due("C"));
    expect(due("D")).toBe(due("M"));
    expect(SPECS.filter((s) => due(s.key) === null).map((s) => s.key)).toEqual(["E", "F", "G", "H", "N"]);
    expect(details.F.status).toBe("pending");
    expect(details.G.status).toBe("pending");
    expect(details.H.status).toBe("resolved");
    expect(details.I.status).toBe("closed");
    expect(details.H.breached).toBe(true);
    expect(details.B.createdAt).toBe(details.E.createdAt);
  });
});

describe("queue items equal the ticket as its detail shows it", () => {
  it("field by field, with ISO-8601 UTC millisecond timestamps and nulls for absent values", async () => {
    const page = await list(me, { view: "all" });
    expect(sorted(keys(page.items) as Key[])).toEqual(sorted(EXPECTED_VIEWS.all));
    expect(page.nextCursor).toBeNull();
    for (const item of page.items) {
      const detail = details[keyOf.get(item.id)!];
      // Exactly the list's fields: a column missing from the statement would vanish from the JSON, not compare.
      expect(Object.keys(item).sort()).toEqual(LIST_KEYS);
      const expected = Object.fromEntries(LIST_KEYS.map((k) => [k, detail[k as keyof TTicketDetail]]));
      expect(item).toStrictEqual(expected);
      for (const k of TIMESTAMP_KEYS) {
        const value = item[k];
        if (value !== null) expect(value).toMatch(ISO_UTC_MS);
      }
    }
    // Each timestamp is set on some ticket and null on another, so the checks above saw both.
    for (const k of TIMESTAMP_KEYS) {
      expect(page.items.some((x) => x[k] !== null)).toBe(true);
      if (k !== "createdAt" && k !== "updatedAt") expect(page.items.some((x) => x[k] === null)).toBe(true);
    }
    const byKey = (k: Key) => page.items.find((x) => x.id === ids[k])!;
    expect(byKey("A")).toMatchObject({ tags: ["vip", "printer"], organisationTier: "gold" });
    expect(byKey("C").description).toBe('Says "stop", a back\\slash, a tab\tand a\nnew line; ñandú, 東京 and 🚀');
    expect(byKey("E")).toMatchObject({
      assigneeId: null,
      groupId: null,
      slaPolicyId: null,
      nextDueAt: null,
      pauseReason: null,
      resolutionKind: null,
      catalogueItemId: null,
      jobId: null,
      taskKind: null,
      channelFlag: null,
    });
    expect(byKey("F")).toMatchObject({ status: "pending", pauseReason: "waiting_customer" });
    expect(byKey("H")).toMatchObject({ resolutionKind: "definitive", resolutionNote: "Replaced the part" });
    expect(byKey("I").closedAt).toMatch(ISO_UTC_MS);
    // The millisecond written straight to the row survives the formatting.
    expect(byKey("A").nextDueAt).toMatch(/\.789Z$/);
  });
});

describe("the statement itself", () => {
  // The API's sessions run in UTC; the statement must not depend on it. Run it under a session zone with an odd offset.
  it("writes the same UTC timestamps, and pages the same, whatever the session's time zone", async () => {
    const walkRepo = (sort: Sort) =>
      readAsTenant(t.db, tenantId, async (run) => {
        await run(PrismaNamespace.sql`SET LOCAL timezone = 'Pacific/Chatham'`);
        const zone = await run<{ TimeZone: string }>(PrismaNamespace.sql`SHOW timezone`);
        expect(zone[0]!.TimeZone).toBe("Pacific/Chatham");
        const items: TTicket[] = [];
        let cursor: string | undefined;
        do {
          const q = ZTicketListQuery.parse({ view: "all", sort, limit: 3, ...(cursor ? { cursor } : {}) });
          const page = await listTickets(
            run,
            tenantId,
            q,
            { kind: "staff", buIds: "all", userId: userIds.me },
            new Date(),
          );
          items.push(...ticketsOf(page));
          cursor = page.nextCursor ?? undefined;
        } while (cursor && items.length <= SPECS.length);
        return items;
      });
    for (const sort of SORTS) {
      const items = await walkRepo(sort);
      expect(keys(items)).toEqual(expectedOrder(EXPECTED_VIEWS.all, sort));
      for (const item of items) {
        const detail = details[keyOf.get(item.id)!];
        for (const k of TIMESTAMP_KEYS) expect(item[k], `${k} of ${keyOf.get(item.id)}`).toBe(detail[k]);
      }
    }
  });
});

describe("views", () => {
  it.each(TICKET_VIEWS)("%s holds exactly its tickets, in next-due order", async (view) => {
    const page = await list(me, { view });
    expect(keys(page.items)).toEqual(expectedOrder(EXPECTED_VIEWS[view], "nextDueAt"));
  });

  it("defaults to the open view", async () => {
    const page = await inject<Page>(me, "GET", "/api/v1/tickets?limit=200");
    expect(sorted(keys(page.items) as Key[])).toEqual(sorted(OPEN));
  });

  it("mine is the caller's: another operator's mine holds their own tickets", async () => {
    const other = await login(t.app, "other@queue.test");
    const page = await list(other, { view: "mine" });
    expect(keys(page.items)).toEqual(expectedOrder(["C", "L"], "nextDueAt"));
  });
});

describe("filters", () => {
  const cases: Array<[string, () => Record<string, string>, Key[]]> = [
    ["groupId G1", () => ({ groupId: groups.G1 }), ["A", "D", "H", "J"]],
    ["groupId G2", () => ({ groupId: groups.G2 }), ["C", "F", "L"]],
    ["assigneeId me", () => ({ assigneeId: userIds.me }), ["A", "D", "F", "H"]],
    ["assigneeId other", () => ({ assigneeId: userIds.other }), ["C", "L"]],
    ["status pending", () => ({ status: "pending" }), ["F", "G"]],
    ["status resolved", () => ({ status: "resolved" }), ["H"]],
    ["status closed", () => ({ status: "closed" }), ["I"]],
    ["status new", () => ({ status: "new" }), ["B", "E", "J", "K", "L", "M", "N"]],
    ["priority high", () => ({ priority: "high" }), ["A", "B", "C", "G", "J", "M"]],
    ["priority low", () => ({ priority: "low" }), ["E", "F", "I", "N"]],
    ["type defect", () => ({ type: "defect" }), ["E", "J"]],
    ["type task", () => ({ type: "task" }), ["I"]],
    ["type improvement", () => ({ type: "improvement" }), ["M"]],
    ["q a word of the subject", () => ({ q: "zebracorn" }), ["K"]],
    ["q words of the subject (all must match)", () => ({ q: "printer zebracorn" }), ["K"]],
    ["q a word of the description", () => ({ q: "quokka" }), ["L"]],
    ["q words matching no single ticket", () => ({ q: "zebracorn quokka" }), []],
    ["q a case number (and the words)", () => ({ q: String(details.C.number) }), ["C", "N"]],
    ["q another case number", () => ({ q: String(details.E.number) }), ["E"]],
    ["q ten digits is no case number", () => ({ q: "1234567890" }), []],
    ["filters combine with each other", () => ({ priority: "medium", groupId: groups.G1 }), ["D", "H"]],
  ];

  it.each(cases)("%s", async (_name, params, expected) => {
    const page = await list(me, { view: "all", ...params() });
    expect(keys(page.items)).toEqual(expectedOrder(expected, "nextDueAt"));
  });

  it("filters combine with the view", async () => {
    expect(keys((await list(me, { view: "open", priority: "medium", groupId: groups.G1 })).items)).toEqual(["D"]);
    expect((await list(me, { view: "open", status: "closed" })).items).toEqual([]);
    expect(keys((await list(me, { view: "due_soon", q: "quokka" })).items)).toEqual(["L"]);
    expect(keys((await list(me, { view: "unassigned", groupId: groups.G1 })).items)).toEqual(["J"]);
  });
});

describe("sorts with keyset paging", () => {
  const combos = TICKET_VIEWS.flatMap((view) => SORTS.map((sort) => [view, sort] as const));

  it.each(combos)("view %s by %s: pages of two concatenate to the one-page order", async (view, sort) => {
    const single = await list(me, { view, sort });
    expect(single.nextCursor).toBeNull();
    const expected = expectedOrder(EXPECTED_VIEWS[view], sort);
    expect(keys(single.items)).toEqual(expected);
    const walked = await walk(me, { view, sort });
    const walkedIds = walked.map((x) => x.id);
    expect(new Set(walkedIds).size).toBe(walkedIds.length);
    expect(walkedIds).toEqual(single.items.map((x) => x.id));
  });

  it("the next-due order crosses from dated to undated tickets on a cursor", async () => {
    const all = expectedOrder(EXPECTED_VIEWS.all, "nextDueAt");
    const firstNull = all.findIndex((k) => details[k].nextDueAt === null);
    expect(firstNull).toBeGreaterThan(0);
    // Pages of three over 14 tickets: the boundary (after 9 dated tickets) falls on a page boundary.
    expect(firstNull % 3).toBe(0);
    const walked = await walk(me, { view: "all" }, 3);
    expect(keys(walked)).toEqual(all);
    for (const limit of [1, 4, 5]) expect(keys(await walk(me, { view: "all" }, limit))).toEqual(all);
  });

  it("-createdAt breaks a tie of four by id descending, across pages", async () => {
    const walked = keys(await walk(me, { view: "all", sort: "-createdAt" }, 3));
    const tie = walked.filter((k) => ["B", "C", "D", "E"].includes(k));
    expect(tie).toEqual(expectedOrder(["B", "C", "D", "E"], "-createdAt"));
  });

  it("-number walks the case numbers down", async () => {
    const walked = await walk(me, { view: "all", sort: "-number" }, 2);
    const numbers = walked.map((x) => x.number);
    expect(numbers).toEqual([...numbers].sort((x, y) => y - x));
    expect(numbers).toHaveLength(SPECS.length);
  });

  it("filters hold on every page", async () => {
    for (const sort of SORTS) {
      const walked = await walk(me, { view: "all", priority: "high", sort });
      expect(keys(walked)).toEqual(expectedOrder(["A", "B", "C", "G", "J", "M"], sort));
    }
  });
});

describe("scope", () => {
  it.each(TICKET_VIEWS)("a BU-scoped operator sees their BU's and BU-less tickets in %s", async (view) => {
    const expected = view === "mine" ? ["N" as const] : only(EXPECTED_VIEWS[view], ES_VISIBLE);
    const page = await list(esOperator, { view });
    expect(keys(page.items)).toEqual(expectedOrder(expected, "nextDueAt"));
  });

  it("a BU-scoped operator's pages hold their scope on every sort", async () => {
    for (const sort of SORTS) {
      const walked = await walk(esOperator, { view: "all", sort });
      expect(keys(walked)).toEqual(expectedOrder(ES_VISIBLE, sort));
    }
  });

  it("a BU-scoped operator does not find another BU's ticket by word or number", async () => {
    expect((await list(esOperator, { view: "all", q: "zebracorn" })).items).toEqual([]);
    expect((await list(esOperator, { view: "all", q: String(details.E.number) })).items).toEqual([]);
    expect((await list(esOperator, { view: "all", assigneeId: userIds.es })).items.map((x) => x.id)).toEqual([ids.N]);
  });

  it("an operator of two BUs sees both", async () => {
    const page = await list(twoBuOperator, { view: "all" });
    expect(sorted(keys(page.items) as Key[])).toEqual(sorted(EXPECTED_VIEWS.all));
  });

  it.each(TICKET_VIEWS)("a customer sees only their own tickets in %s", async (view) => {
    for (const who of ["c1", "c2"] as const) {
      const page = await list(customers[who], { view });
      const got = keys(page.items);
      expect(got.every((k) => (OWN[who] as string[]).includes(k))).toBe(true);
      // Every ticket a requester filed is theirs: their "mine" is their open tickets.
      const expected = view === "mine" ? only(OPEN, OWN[who]) : only(EXPECTED_VIEWS[view], OWN[who]);
      expect(got).toEqual(expectedOrder(expected, "nextDueAt"));
    }
  });

  it("a customer's pages and searches stay within their tickets", async () => {
    for (const sort of SORTS) {
      const walked = await walk(customers.c1, { view: "all", sort }, 1);
      expect(keys(walked)).toEqual(expectedOrder(OWN.c1, sort));
    }
    expect((await list(customers.c1, { view: "all", q: "quokka" })).items).toEqual([]);
    expect(keys((await list(customers.c2, { view: "all", q: "quokka" })).items)).toEqual(["L"]);
    expect((await list(customers.c1, { view: "all", q: String(details.E.number) })).items).toEqual([]);
  });
});

describe("cursors", () => {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const get = (params: Record<string, string>) =>
    t.app.inject({ method: "GET", url: query({ view: "all", ...params }), headers: me.headers });

  const refused: Array<[string, string]> = [
    ["not base64 JSON", "!!not-a-cursor!!"],
    ["JSON but not an object", encode("just a string")],
    ["an object without an id", encode({ v: null })],
    ["an id that is no UUID", encode({ v: null, id: "nope" })],
    ["a value over 40 characters", encode({ v: "x".repeat(41), id: "00000000-0000-4000-8000-000000000000" })],
    ["a value that is not a string", encode({ v: 5, id: "00000000-0000-4000-8000-000000000000" })],
  ];

  it.each(refused)("a cursor that is %s is a 400 problem naming the parameter", async (_name, cursor) => {
    for (const sort of SORTS) {
      const res = await get({ sort, cursor });
      expect(res.statusCode).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json()).toMatchObject({
        code: "VALIDATION_FAILED",
        status: 400,
        errors: [{ path: "querystring.cursor", message: "not a cursor this API issued" }],
      });
    }
  });

  it("a cursor longer than the schema allows is a 400 problem", async () => {
    const res = await get({ cursor: "a".repeat(501) });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
  });

  // Well-formed cursors whose value cannot be a position of the sort end the list: an empty last page, never a 500.
  const id = "00000000-0000-4000-8000-000000000000";
  const ended: Array<[Sort, string | null]> = [
    ["nextDueAt", "not a date"],
    ["-createdAt", "not a date"],
    ["-createdAt", null],
    ["-number", "not a number"],
    ["-number", null],
    ["-number", "1e12"],
    ["-number", "2.5"],
    ["-number", "-99999999999"],
    ["nextDueAt", "-271821-04-20T00:00:00.000Z"],
    ["-createdAt", "+275760-09-13T00:00:00.000Z"],
  ];

  it.each(ended)("sort %s with the value %j is answered without a server error", async (sort, v) => {
    const res = await get({ sort, cursor: encode({ v, id }) });
    expect(res.statusCode, res.body).toBeLessThan(500);
    if (res.statusCode === 200) {
      const page = res.json<Page>();
      expect(page.nextCursor === null || page.items.length > 0).toBe(true);
    } else {
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
  });

  it("values that are no position end the list: an empty page without a next cursor", async () => {
    for (const [sort, v] of [
      ["nextDueAt", "not a date"],
      ["-createdAt", "not a date"],
      ["-createdAt", null],
      ["-number", "not a number"],
    ] as const) {
      const res = await get({ sort, cursor: encode({ v, id }) });
      expect(res.statusCode).toBe(200);
      expect(res.json<Page>()).toEqual({ items: [], nextCursor: null });
    }
  });

  it("a null value on the next-due sort is the undated part of the queue, after the given id", async () => {
    const undated = expectedOrder(EXPECTED_VIEWS.all, "nextDueAt").filter((k) => details[k].nextDueAt === null);
    const page = await list(me, { view: "all", cursor: encode({ v: null, id: ids[undated[0]!] }) });
    expect(keys(page.items)).toEqual(undated.slice(1));
  });
});
