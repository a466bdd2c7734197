import { randomUUID } from "node:crypto";
import {
  fillPath,
  type HttpMethod,
  isCreation,
  isNullable,
  itemsOf,
  type JsonSchema,
  type Operation,
  typesOf,
  unwrap,
  variantsOf,
} from "./openapi-walk";
import { type BodyContext, isRecord, MissingReference, validValue } from "./valid-body";

export type BadCase = {
  label: string;
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  /** The statuses this input may get; anything else (above all a 5xx) is a failure. */
  expect: readonly number[];
  /** A 400 VALIDATION_FAILED must name this location or a field under it. */
  errorPath?: string;
  /** Sent without the session, or with the cookie but without the CSRF token. */
  auth?: "none" | "no-csrf";
};

export type CorpusTarget = {
  op: Operation;
  /** Path parameter values of existing resources. */
  pathValues: Record<string, string>;
  /** Valid values for the required query parameters. */
  query: Record<string, string>;
  /** A valid body with every property, or undefined when the operation takes none. */
  body: unknown;
  /** Builds valid values for union variants the body does not use. */
  ctx: BodyContext;
  /** A creation that must refuse an over-long Idempotency-Key (rather than ignore the header). */
  honoursIdempotencyKey: boolean;
  bodyLimitBytes: number;
};

const JSON_CT = { "content-type": "application/json" };
const NOT_ENUM = "__not_an_enum__";
const BAD_DATE_TIME = "2026-13-45T99:00:00Z";
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** Values of the wrong JSON type for each declared type. */
const WRONG: Record<string, unknown[]> = {
  string: [12345, {}],
  integer: ["12", true],
  number: ["12", true],
  boolean: ["yes", 1],
  object: [[], "x"],
  array: ["not-an-array", {}],
};

type Mutation = { label: string; path: string[]; errorPath: string; value?: unknown; remove?: true; expect?: number[] };

/**
 * For input a schema may legitimately accept (a NUL inside free text): the route may refuse it or carry on with the
 * rest of the valid request, e.g. a 401 at sign-in or a computed preview, but never fail.
 */
const ANY_REFUSAL_OR_SUCCESS = [200, 201, 400, 401, 404, 409, 422];

const where = (path: string[]) => ["body", ...path].join(".");

function stringMutations(s: JsonSchema, key: string, path: string[]): Mutation[] {
  const at = (label: string, value: unknown): Mutation => ({ label, path, errorPath: where(path), value });
  const out: Mutation[] = [];
  if (s.maxLength !== undefined) out.push(at(`${s.maxLength + 1} characters`, "x".repeat(s.maxLength + 1)));
  if ((s.minLength ?? 0) >= 1) out.push(at("empty string", ""));
  if (s.pattern && !new RegExp(s.pattern, "u").test("!! no match !!"))
    out.push(at("pattern mismatch", "!! no match !!"));
  if (s.format === "uuid") out.push(at("invalid uuid", "not-a-uuid"));
  if (s.format === "email") out.push(at("invalid email", "not-an-email"));
  if (s.format === "date-time") out.push(at("invalid date-time", BAD_DATE_TIME));
  if (/time_?zone/i.test(key)) out.push(at("invalid time zone", "Mars/Olympus"));
  // PostgreSQL text cannot hold U+0000: free text must be refused before it reaches the database.
  if (!s.pattern && !s.format && !s.enum)
    out.push({ ...at("NUL character", "a\u0000b"), expect: ANY_REFUSAL_OR_SUCCESS });
  return out;
}

function numberMutations(s: JsonSchema, path: string[], integer: boolean): Mutation[] {
  const at = (label: string, value: unknown): Mutation => ({ label, path, errorPath: where(path), value });
  const out: Mutation[] = [at("1e308", 1e308)];
  if (integer) out.push(at("fraction", 1.5));
  if (s.minimum !== undefined) out.push(at(`below minimum ${s.minimum}`, s.minimum - 1));
  if (s.maximum !== undefined) out.push(at(`above maximum ${s.maximum}`, s.maximum + 1));
  return out;
}

/** One mutation at a time of every property, recursing into nested objects, array items and union variants. */
function fieldMutations(schema: JsonSchema, base: unknown, ctx: BodyContext): Mutation[] {
  return mutationsAt(schema, base, [], ctx).map((m) => ({
    ...m,
    label: `${m.path.join(".") || "(root)"}: ${m.label}`,
  }));
}

function jsonType(v: unknown): string {
  if (Array.isArray(v)) return "array";
  if (v === null) return "null";
  return typeof v;
}

/** Mutations found inside a sub-value, each carried out on a copy and put back whole at `path`. */
function nested(
  path: string[],
  inner: Mutation[],
  sub: unknown,
  wrap: (v: unknown) => unknown,
  prefix: string,
): Mutation[] {
  return inner.map((m) => ({
    label: `${prefix}${m.path.join(".")}: ${m.label}`,
    path,
    errorPath: where(path),
    value: wrap(applyMutation(sub, m)),
    ...(m.expect ? { expect: m.expect } : {}),
  }));
}

function tryValid(schema: JsonSchema, name: string, ctx: BodyContext): { value: unknown } | null {
  try {
    return { value: validValue(schema, name, ctx) };
  } catch (error) {
    if (error instanceof MissingReference) return null;
    throw error;
  }
}

function propertyMutations(
  propSchema: JsonSchema,
  key: string,
  p: string[],
  value: unknown,
  ctx: BodyContext,
): Mutation[] {
  const at = (label: string, v: unknown): Mutation => ({ label, path: p, errorPath: where(p), value: v });
  const variants = variantsOf(propSchema);
  const types = [...new Set(variants.flatMap(typesOf))];
  const allowed = (v: unknown) =>
    types.includes(jsonType(v)) || (jsonType(v) === "number" && types.includes("integer"));
  const out: Mutation[] = [];
  if (!isNullable(propSchema)) out.push(at("null", null));
  for (const type of types)
    for (const wrong of WRONG[type] ?? [])
      if (!allowed(wrong)) out.push(at(`${type} -> ${JSON.stringify(wrong)}`, wrong));
  variants.forEach((ps, i) => {
    // The body carries the first variant; each other one is substituted whole and then mutated inside.
    const own = i === 0 ? { value } : tryValid(ps, key, ctx);
    if (!own) return;
    const v = own.value;
    const prefix = i === 0 ? "" : `(variant ${i}) `;
    const t = typesOf(ps);
    if (ps.enum) out.push(at(`${prefix}invalid enum value`, NOT_ENUM));
    if (t.includes("string"))
      out.push(...stringMutations(ps, key, p).map((m) => ({ ...m, label: `${prefix}${m.label}` })));
    if (t.includes("integer") || t.includes("number"))
      out.push(...numberMutations(ps, p, t.includes("integer")).map((m) => ({ ...m, label: `${prefix}${m.label}` })));
    if (t.includes("array") && Array.isArray(v)) out.push(...arrayMutations(ps, p, v, ctx, prefix));
    if (t.includes("object") && ps.properties) {
      out.push(...(i === 0 ? mutationsAt(ps, v, p, ctx) : nested(p, mutationsAt(ps, v, [], ctx), v, (x) => x, prefix)));
    }
  });
  return out;
}

function arrayMutations(ps: JsonSchema, p: string[], value: unknown[], ctx: BodyContext, prefix: string): Mutation[] {
  const at = (label: string, v: unknown): Mutation => ({
    label: `${prefix}${label}`,
    path: p,
    errorPath: where(p),
    value: v,
  });
  const out: Mutation[] = [];
  const first: unknown = value[0];
  if (ps.prefixItems) {
    out.push(at("tuple with an extra element", [...value, first ?? "x"]));
    if (value.length > 0) out.push(at("tuple missing an element", value.slice(0, -1)));
    return out;
  }
  const items = unwrap(itemsOf(ps));
  if (ps.maxItems !== undefined && first !== undefined)
    out.push(at(`${ps.maxItems + 1} items`, Array(ps.maxItems + 1).fill(first)));
  if ((ps.minItems ?? 0) >= 1) out.push(at("empty array", []));
  for (const type of typesOf(items))
    for (const wrong of WRONG[type] ?? []) out.push(at(`item ${type} -> ${JSON.stringify(wrong)}`, [wrong]));
  if (items.enum) out.push(at("invalid enum item", [NOT_ENUM]));
  if (items.format === "uuid") out.push(at("invalid uuid item", ["not-a-uuid"]));
  if (first !== undefined && (items.properties || items.prefixItems)) {
    const inner = items.properties
      ? mutationsAt(items, first, [], ctx)
      : Array.isArray(first)
        ? arrayMutations(items, [], first, ctx, "")
        : [];
    out.push(...nested(p, inner, first, (x) => [x], `${prefix}[0].`));
  }
  return out;
}

function mutationsAt(schema: JsonSchema, base: unknown, path: string[], ctx: BodyContext): Mutation[] {
  const s = unwrap(schema);
  const required = new Set(s.required ?? []);
  const out: Mutation[] = [];
  if (s.additionalProperties === false) {
    out.push({ label: "unknown field", path: [...path, "zzUnexpected"], errorPath: where(path), value: 1 });
  }
  for (const [key, propSchema] of Object.entries(s.properties ?? {})) {
    const p = [...path, key];
    if (required.has(key)) out.push({ label: "missing", path: p, errorPath: where(p), remove: true });
    out.push(...propertyMutations(propSchema, key, p, isRecord(base) ? base[key] : undefined, ctx));
  }
  return out;
}

function applyMutation(base: unknown, m: Mutation): unknown {
  const root: unknown = structuredClone(base);
  if (m.path.length === 0) return m.value;
  let node: Record<string, unknown> = isRecord(root) ? root : {};
  const top = node;
  for (const key of m.path.slice(0, -1)) {
    const child = node[key];
    const next: Record<string, unknown> = isRecord(child) ? child : {};
    node[key] = next;
    node = next;
  }
  const last = m.path[m.path.length - 1]!;
  if (m.remove) delete node[last];
  else node[last] = m.value;
  return top;
}

function bodyCases(t: CorpusTarget, url: string): BadCase[] {
  const { op } = t;
  const c = (
    label: string,
    payload: string,
    expect: number[],
    headers: Record<string, string> = JSON_CT,
    errorPath?: string,
  ): BadCase => ({
    label: `body ${label}`,
    method: op.method,
    url,
    headers,
    payload,
    expect,
    ...(errorPath ? { errorPath } : {}),
  });
  const pad = "x".repeat(t.bodyLimitBytes + 1024);
  const cases: BadCase[] = [
    c("malformed JSON", '{"a":', [400]),
    c(`over the ${t.bodyLimitBytes}-byte limit`, JSON.stringify({ pad }), [413]),
    c("text/plain", "hello", [415], { "content-type": "text/plain" }),
    c("application/xml", "<a>1</a>", [415], { "content-type": "application/xml" }),
  ];
  // A DELETE may legitimately take no body, and an accepted empty one would delete the resource.
  if (op.method !== "delete") cases.push(c("empty with JSON content-type", "", [400]));
  if (!op.body) return cases;
  const body = t.body;
  cases.push(
    c("JSON array", JSON.stringify([body]), [400], JSON_CT, "body"),
    c("JSON null", "null", [400]),
    c("JSON string", '"x"', [400]),
    c("JSON number", "42", [400]),
    c("__proto__ key", `{"__proto__":{"polluted":true},${JSON.stringify(body).slice(1)}`, [400]),
  );
  for (const m of fieldMutations(op.body, body, t.ctx)) {
    cases.push(c(m.label, JSON.stringify(applyMutation(body, m)), m.expect ?? [400], JSON_CT, m.errorPath));
  }
  return cases;
}

function queryValue(s: JsonSchema): string {
  if (s.enum?.[0] !== undefined) return String(s.enum[0]);
  if (s.format === "uuid") return randomUUID();
  if (typesOf(s).some((x) => x === "integer" || x === "number")) return "1";
  return "x";
}

function queryCases(t: CorpusTarget, path: string): BadCase[] {
  const { op } = t;
  const payload = t.body === undefined ? {} : { payload: JSON.stringify(t.body) };
  const headers = t.body === undefined ? {} : JSON_CT;
  const c = (label: string, extra: Record<string, string>, expect: number[], errorPath?: string): BadCase => ({
    label: `query ${label}`,
    method: op.method,
    url: `${path}?${new URLSearchParams({ ...t.query, ...extra }).toString()}`,
    headers,
    ...payload,
    expect,
    ...(errorPath ? { errorPath } : {}),
  });
  const cases: BadCase[] = [];
  for (const param of op.queryParams) {
    const s = unwrap(param.schema);
    const types = typesOf(s);
    const name = param.name;
    const bad = (label: string, value: string) =>
      c(`${name}: ${label}`, { [name]: value }, [400], `querystring.${name}`);
    if (types.includes("integer") || types.includes("number")) {
      cases.push(bad("not a number", "abc"), bad("1e400", "1e400"));
      if (types.includes("integer")) cases.push(bad("fraction", "1.5"));
      if (s.minimum !== undefined) cases.push(bad("below minimum", String(s.minimum - 1)));
      if (s.maximum !== undefined) cases.push(bad("above maximum", String(s.maximum + 1)));
    }
    if (s.enum) cases.push(bad("invalid enum value", NOT_ENUM));
    if (s.format === "uuid") cases.push(bad("invalid uuid", "not-a-uuid"));
    if (s.format === "date-time") cases.push(bad("invalid date-time", BAD_DATE_TIME));
    if (s.maxLength !== undefined) cases.push(bad("over maxLength", "x".repeat(s.maxLength + 1)));
    if (types.includes("boolean")) cases.push(c(`${name}: "maybe"`, { [name]: "maybe" }, [200, 400]));
    if (types.includes("string") && !s.format && !s.enum && !s.pattern && name !== "cursor") {
      cases.push(c(`${name}: NUL character`, { [name]: "a\u0000b" }, [200, 400]));
    }
    if (param.required) {
      const { [name]: _dropped, ...rest } = t.query;
      cases.push({
        ...c(`${name}: missing`, {}, [400], `querystring.${name}`),
        url: `${path}?${new URLSearchParams(rest).toString()}`,
      });
    }
    const dup = encodeURIComponent(queryValue(s));
    cases.push({ ...c(`${name}: given twice`, {}, [200, 400]), url: `${path}?${name}=${dup}&${name}=${dup}` });
  }
  if (op.queryParams.some((p) => p.name === "cursor")) {
    // A JSON page must refuse a cursor it never issued; an export (CSV) may ignore paging altogether.
    const pages = op.successTypes.includes("application/json");
    cases.push(
      c(
        "bogus cursor",
        { cursor: "!!!notacursor" },
        pages ? [400] : [200, 400],
        pages ? "querystring.cursor" : undefined,
      ),
    );
    // Well-formed but forged cursors: right shape, wrong value types for the sort field.
    const sorts = op.queryParams.find((p) => p.name === "sort")?.schema;
    const sortValues = (sorts ? unwrap(sorts).enum : undefined) ?? [undefined];
    const forged = [
      null,
      [],
      {},
      { v: 12345, id: randomUUID() },
      { v: "zzz", id: randomUUID() },
      { v: { a: 1 }, id: randomUUID() },
      { at: "x", id: "y" },
    ];
    for (const sort of sortValues) {
      for (const cursor of forged) {
        const extra: Record<string, string> = { cursor: b64(cursor), ...(typeof sort === "string" ? { sort } : {}) };
        cases.push(c(`forged cursor ${JSON.stringify(cursor)} sort=${String(sort)}`, extra, [200, 400]));
      }
    }
  }
  if (op.method === "get") cases.push(c("unknown key", { zzUnexpected: "1" }, [200, 400]));
  // Beside a valid body, a query a write may legitimately accept would carry the write out.
  return op.method === "get" ? cases : cases.filter((x) => x.expect.every((status) => status >= 400));
}

function pathCases(t: CorpusTarget): BadCase[] {
  const { op } = t;
  const body = t.body === undefined ? {} : { payload: JSON.stringify(t.body) };
  const headers = t.body === undefined ? {} : JSON_CT;
  const cases: BadCase[] = [];
  for (const param of op.pathParams) {
    const uuid = unwrap(param.schema).format === "uuid";
    const at = (label: string, value: string, expect: number[], raw = false): BadCase => {
      const url = fillPath(op.path, { ...t.pathValues, [param.name]: "__slot__" }).replace(
        "__slot__",
        raw ? value : encodeURIComponent(value),
      );
      return {
        label: `path ${param.name}: ${label}`,
        method: op.method,
        url,
        headers,
        ...body,
        expect,
        ...(uuid && expect[0] === 400 ? { errorPath: `params.${param.name}` } : {}),
      };
    };
    cases.push(
      at("invalid uuid", "not-a-uuid", uuid ? [400] : [400, 404]),
      at("uuid with a bad character", "0000000g-0000-4000-8000-000000000000", uuid ? [400] : [400, 404]),
      at("well-formed unknown id", randomUUID(), unwrap(param.schema).enum ? [400] : [404]),
      at("traversal", "..%2F..%2Fetc%2Fpasswd", [400, 404], true),
      at("NUL character", "a%00b", [400, 404], true),
    );
  }
  return cases;
}

/** Every bad input for one operation, sent with the signed-in admin's cookie and CSRF token unless `auth` says otherwise. */
export function corpusFor(t: CorpusTarget): BadCase[] {
  const { op } = t;
  const path = fillPath(op.path, t.pathValues);
  const url = Object.keys(t.query).length > 0 ? `${path}?${new URLSearchParams(t.query).toString()}` : path;
  const cases: BadCase[] = [...pathCases(t), ...queryCases(t, path)];
  const mutating = op.method !== "get";
  if (mutating) cases.push(...bodyCases(t, url));
  if (isCreation(op) && t.body !== undefined && t.honoursIdempotencyKey) {
    cases.push({
      label: "Idempotency-Key of 300 characters",
      method: op.method,
      url,
      headers: { ...JSON_CT, "idempotency-key": "k".repeat(300) },
      payload: JSON.stringify(t.body),
      expect: [400],
      errorPath: "headers.idempotency-key",
    });
  }
  // Protected routes refuse before reading the body; public ones (sign-in) reach validation and refuse there.
  cases.push({
    label: "no session",
    method: op.method,
    url,
    headers: mutating ? JSON_CT : {},
    ...(mutating ? { payload: '{"a":' } : {}),
    expect: mutating ? [400, 401] : [200, 401],
    auth: "none",
  });
  if (mutating) {
    cases.push({
      label: "cookie without X-CSRF-Token",
      method: op.method,
      url,
      headers: t.body === undefined ? {} : JSON_CT,
      ...(t.body === undefined ? {} : { payload: JSON.stringify(t.body) }),
      expect: [401, 403],
      auth: "no-csrf",
    });
  }
  return cases;
}
