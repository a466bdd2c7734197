import { isNullable, isUuid, itemsOf, type JsonSchema, typesOf, unwrap } from "./openapi-walk";

export type BodyContext = {
  /** A fresh number per call keeps codes and emails unique. */
  next: () => number;
  /** An existing id for a reference property (buId, storeId, userId, ...), or null when none fits. */
  idFor: (property: string) => string | null;
  /** Optional properties too (a full PATCH), not only the required ones. */
  full: boolean;
  /** Fill optional references (memberIds, a role's buId) from idFor instead of leaving them empty. */
  linkOptional: boolean;
};

/** A required reference to a kind of resource that does not exist (yet). */
export class MissingReference extends Error {
  constructor(readonly property: string) {
    super(`no existing id for ${property}`);
  }
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The collection a reference property points into: buId -> .../business-units, apiTokenId -> .../api-tokens. */
export function referencedCollection(property: string, collections: readonly string[]): string | null {
  const stem = property.replace(/Ids?$/, "");
  if (stem === property || stem === "") return null;
  const segment = stem === "bu" ? "business-units" : `${kebab(stem)}s`;
  return collections.find((c) => c.endsWith(`/${segment}`)) ?? null;
}

/** Names whose values the schema alone cannot pin down (IANA zones, ISO codes, password rules). */
const NAMED_STRINGS: Record<string, string> = {
  timezone: "Europe/Madrid",
  country: "ES",
  currency: "EUR",
  locale: "en",
  password: "Isolation-pass-1",
};

function fits(s: JsonSchema, value: string): boolean {
  if (s.minLength !== undefined && value.length < s.minLength) return false;
  if (s.maxLength !== undefined && value.length > s.maxLength) return false;
  return !s.pattern || new RegExp(s.pattern, "u").test(value);
}

function stringValue(s: JsonSchema, name: string, ctx: BodyContext): string {
  const n = ctx.next();
  if (s.format === "email") return `x-${n}@a.test`;
  if (s.format === "date-time") return new Date(Date.now() + 30 * 86_400_000).toISOString();
  if (s.format === "date") return "2030-01-15";
  if (s.format === "uri" || s.format === "url") return `https://example.test/${n}`;
  const named = NAMED_STRINGS[name];
  const text = `${name} ${n}`.padEnd(s.minLength ?? 0, "x").slice(0, s.maxLength ?? Infinity);
  const candidates = [...(named ? [named] : []), ...(s.pattern ? [`C${n}`, "EUR", "ES", "07:00", "abc"] : [text])];
  const found = candidates.find((c) => fits(s, c));
  if (found === undefined) throw new Error(`cannot generate a string for ${name} matching ${JSON.stringify(s)}`);
  return found;
}

function numberValue(s: JsonSchema): number {
  if (s.minimum !== undefined) return s.minimum;
  if (s.exclusiveMinimum !== undefined) return s.exclusiveMinimum + 1;
  return s.maximum !== undefined && s.maximum < 1 ? s.maximum : 1;
}

function specialValue(name: string, s: JsonSchema, ctx: BodyContext): { value: unknown } | null {
  if (name === "roles") {
    const scope = ctx.linkOptional
      ? { buId: ctx.idFor("buId"), storeId: ctx.idFor("storeId") }
      : { buId: null, storeId: null };
    return { value: [{ role: "operator", ...scope }] };
  }
  if (name === "memberIds") {
    const user = ctx.linkOptional ? ctx.idFor("userId") : null;
    return { value: user ? [user] : [] };
  }
  if (name === "targetId") {
    // Links point at another ticket (the first target type).
    const ticket = ctx.idFor("ticketId");
    if (ticket) return { value: ticket };
  }
  if (name === "ids") {
    // Bulk actions name the tickets they touch.
    const ticket = ctx.idFor("ticketId");
    return { value: ticket ? [ticket] : [] };
  }
  if (name === "scopes") {
    const options = unwrap(itemsOf(s)).enum ?? [];
    return { value: [options.includes("read") ? "read" : options[0]] };
  }
  return null;
}

/** A value the schema accepts, for the property called `name`. */
export function validValue(schema: JsonSchema, name: string, ctx: BodyContext): unknown {
  const special = specialValue(name, unwrap(schema), ctx);
  if (special) return special.value;
  if (isUuid(schema)) {
    const id = ctx.idFor(name);
    if (id) return id;
    if (isNullable(schema)) return null;
    throw new MissingReference(name);
  }
  const s = unwrap(schema);
  if (s.const !== undefined) return s.const;
  if (s.default !== undefined) return s.default;
  if (s.examples?.length) return s.examples[0];
  if (s.enum && s.enum.length > 0) return s.enum[0];
  const type = typesOf(s).find((t) => t !== "null");
  switch (type) {
    case "string":
      return stringValue(s, name, ctx);
    case "integer":
    case "number":
      return numberValue(s);
    case "boolean":
      return false;
    case "array": {
      if (s.prefixItems) return s.prefixItems.map((item) => validValue(item, name, ctx));
      return Array.from({ length: s.minItems ?? 0 }, () => validValue(itemsOf(s), name, ctx));
    }
    case "object":
      return validObject(s, ctx);
    default:
      return isNullable(schema) ? null : `${name}`;
  }
}

export function validObject(schema: JsonSchema, ctx: BodyContext): Record<string, unknown> {
  const s = unwrap(schema);
  const required = new Set(s.required ?? []);
  const out: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(s.properties ?? {})) {
    if (!required.has(key) && !ctx.full) continue;
    try {
      out[key] = validValue(prop, key, ctx);
    } catch (error) {
      // An optional reference with nothing to point at is simply left out.
      if (error instanceof MissingReference && !required.has(key)) continue;
      throw error;
    }
  }
  return out;
}

/** A body for the operation's request schema; objects are what every JSON body here is. */
export function validBody(schema: JsonSchema, ctx: BodyContext): unknown {
  const s = unwrap(schema);
  return typesOf(s).includes("object") || s.properties ? validObject(s, ctx) : validValue(s, "body", ctx);
}

let counter = 0;
/** Shared across both tenants of a file so emails and codes never collide. */
export const nextNumber = () => ++counter;
