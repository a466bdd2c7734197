import type { FastifyInstance } from "fastify";
import { z } from "zod";

/** The subset of JSON Schema (as fastify-type-provider-zod emits it) that the contract tests read. */
export type JsonSchema = {
  type?: string | string[] | undefined;
  properties?: Record<string, JsonSchema> | undefined;
  required?: string[] | undefined;
  additionalProperties?: boolean | JsonSchema | undefined;
  /** `false` closes a tuple described by prefixItems. */
  items?: JsonSchema | boolean | undefined;
  prefixItems?: JsonSchema[] | undefined;
  enum?: unknown[] | undefined;
  const?: unknown;
  default?: unknown;
  examples?: unknown[] | undefined;
  format?: string | undefined;
  pattern?: string | undefined;
  minLength?: number | undefined;
  maxLength?: number | undefined;
  minimum?: number | undefined;
  maximum?: number | undefined;
  exclusiveMinimum?: number | undefined;
  exclusiveMaximum?: number | undefined;
  minItems?: number | undefined;
  maxItems?: number | undefined;
  anyOf?: JsonSchema[] | undefined;
  oneOf?: JsonSchema[] | undefined;
  allOf?: JsonSchema[] | undefined;
  $ref?: string | undefined;
};

export const ZJsonSchema: z.ZodType<JsonSchema> = z.lazy(() =>
  z.looseObject({
    type: z.union([z.string(), z.array(z.string())]).optional(),
    properties: z.record(z.string(), ZJsonSchema).optional(),
    required: z.array(z.string()).optional(),
    additionalProperties: z.union([z.boolean(), ZJsonSchema]).optional(),
    items: z.union([z.boolean(), ZJsonSchema]).optional(),
    prefixItems: z.array(ZJsonSchema).optional(),
    enum: z.array(z.unknown()).optional(),
    const: z.unknown().optional(),
    default: z.unknown().optional(),
    examples: z.array(z.unknown()).optional(),
    format: z.string().optional(),
    pattern: z.string().optional(),
    minLength: z.number().optional(),
    maxLength: z.number().optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    exclusiveMinimum: z.number().optional(),
    exclusiveMaximum: z.number().optional(),
    minItems: z.number().optional(),
    maxItems: z.number().optional(),
    anyOf: z.array(ZJsonSchema).optional(),
    oneOf: z.array(ZJsonSchema).optional(),
    allOf: z.array(ZJsonSchema).optional(),
    $ref: z.string().optional(),
  }),
);

const ZParameter = z.looseObject({
  name: z.string(),
  in: z.string(),
  required: z.boolean().optional(),
  schema: ZJsonSchema.optional(),
});

const ZOperationDoc = z.looseObject({
  summary: z.string().optional(),
  parameters: z.array(ZParameter).optional(),
  requestBody: z
    .looseObject({
      required: z.boolean().optional(),
      content: z.record(z.string(), z.looseObject({ schema: ZJsonSchema.optional() })).optional(),
    })
    .optional(),
  responses: z.record(z.string(), z.looseObject({ content: z.record(z.string(), z.unknown()).optional() })).optional(),
});

const ZOpenApi = z.looseObject({
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.looseObject({ schemas: z.record(z.string(), ZJsonSchema).optional() }).optional(),
});

export const METHODS = ["get", "post", "put", "patch", "delete"] as const;
export type HttpMethod = (typeof METHODS)[number];

export type ParamSpec = { name: string; required: boolean; schema: JsonSchema };

export type Operation = {
  method: HttpMethod;
  /** OpenAPI template, e.g. /api/v1/business-units/{id}/parameters */
  path: string;
  summary: string;
  pathParams: ParamSpec[];
  queryParams: ParamSpec[];
  /** The application/json request body schema, when the operation takes one. */
  body: JsonSchema | null;
  responses: string[];
  /** Media types of the 2xx responses (application/json, text/csv, ...). */
  successTypes: string[];
};

export const opName = (op: Pick<Operation, "method" | "path">) => `${op.method.toUpperCase()} ${op.path}`;

function isMethod(value: string): value is HttpMethod {
  return (METHODS as readonly string[]).includes(value);
}

/** Inlines `#/components/schemas/...` references so generators see plain schemas. */
function deref(schema: JsonSchema, components: Record<string, JsonSchema>, seen: Set<string> = new Set()): JsonSchema {
  if (schema.$ref) {
    const name = schema.$ref.replace(/^#\/components\/schemas\//, "");
    const target = components[name];
    if (!target || seen.has(name)) return {};
    return deref(target, components, new Set([...seen, name]));
  }
  const out: JsonSchema = { ...schema };
  if (schema.properties) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [k, deref(v, components, seen)]),
    );
  }
  if (typeof schema.items === "object") out.items = deref(schema.items, components, seen);
  if (schema.prefixItems) out.prefixItems = schema.prefixItems.map((s) => deref(s, components, seen));
  if (schema.anyOf) out.anyOf = schema.anyOf.map((s) => deref(s, components, seen));
  if (schema.oneOf) out.oneOf = schema.oneOf.map((s) => deref(s, components, seen));
  if (schema.allOf) out.allOf = schema.allOf.map((s) => deref(s, components, seen));
  if (typeof schema.additionalProperties === "object")
    out.additionalProperties = deref(schema.additionalProperties, components, seen);
  return out;
}

/** Every documented operation except the documentation itself. */
export async function loadOperations(app: FastifyInstance): Promise<Operation[]> {
  const res = await app.inject({ method: "GET", url: "/openapi.json" });
  if (res.statusCode !== 200) throw new Error(`GET /openapi.json answered ${res.statusCode}`);
  const doc = ZOpenApi.parse(res.json());
  const components = doc.components?.schemas ?? {};
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    if (path === "/openapi.json" || path.startsWith("/docs")) continue;
    for (const [method, raw] of Object.entries(item)) {
      if (!isMethod(method)) continue;
      const o = ZOperationDoc.parse(raw);
      const params = (o.parameters ?? []).map((p) => ({
        where: p.in,
        spec: { name: p.name, required: p.required ?? p.in === "path", schema: deref(p.schema ?? {}, components) },
      }));
      const json = o.requestBody?.content?.["application/json"]?.schema;
      ops.push({
        method,
        path,
        summary: o.summary ?? "",
        pathParams: params.filter((p) => p.where === "path").map((p) => p.spec),
        queryParams: params.filter((p) => p.where === "query").map((p) => p.spec),
        body: json ? deref(json, components) : null,
        responses: Object.keys(o.responses ?? {}),
        successTypes: Object.entries(o.responses ?? {})
          .filter(([status]) => status.startsWith("2"))
          .flatMap(([, r]) => Object.keys(r.content ?? {})),
      });
    }
  }
  return ops;
}

/** A POST that answers 201 creates a resource in the collection at its path. */
export const isCreation = (op: Operation) => op.method === "post" && op.responses.includes("201");

/** The collection a path parameter indexes: the template up to the parameter, e.g. {id} of /a/{id}/b -> /a. */
export function collectionOf(path: string, param: string): string {
  const at = path.indexOf(`/{${param}}`);
  if (at < 0) throw new Error(`${path} has no path parameter ${param}`);
  return path.slice(0, at);
}

export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`no value for {${name}} in ${path}`);
    return encodeURIComponent(v);
  });
}

/** Nullable zod fields come out as anyOf [X, {type: null}]: the non-null branch describes the value. */
export function unwrap(schema: JsonSchema): JsonSchema {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) {
    const nonNull = variants.find((v) => !typesOf(v).includes("null"));
    if (nonNull) return unwrap(nonNull);
  }
  if (schema.allOf?.length === 1 && schema.allOf[0]) return unwrap({ ...schema, allOf: undefined, ...schema.allOf[0] });
  return schema;
}

/** The schemas a value may match: the non-null branches of anyOf/oneOf, or the schema itself. */
export function variantsOf(schema: JsonSchema): JsonSchema[] {
  const variants = (schema.anyOf ?? schema.oneOf ?? []).filter((v) => !typesOf(v).includes("null"));
  return variants.length > 0 ? variants.map(unwrap) : [unwrap(schema)];
}

export const itemsOf = (schema: JsonSchema): JsonSchema => (typeof schema.items === "object" ? schema.items : {});

export function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (typeof schema.type === "string") return [schema.type];
  if (schema.enum) return [...new Set(schema.enum.map((v) => (v === null ? "null" : typeof v)))];
  return [];
}

export function isNullable(schema: JsonSchema): boolean {
  if (typesOf(schema).includes("null")) return true;
  return (schema.anyOf ?? schema.oneOf ?? []).some((v) => typesOf(v).includes("null"));
}

export function isUuid(schema: JsonSchema): boolean {
  const s = unwrap(schema);
  return s.format === "uuid";
}
