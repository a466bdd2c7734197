import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Session } from "../app";
import { collectionOf, fillPath, isCreation, opName, type HttpMethod, type Operation } from "./openapi-walk";
import {
  type BodyContext,
  isRecord,
  MissingReference,
  nextNumber,
  referencedCollection,
  validBody,
} from "./valid-body";

/** One id per collection template, e.g. "/api/v1/business-units" -> a BU id. */
export type IdsByCollection = Map<string, string>;

export type Seeded = {
  ids: IdsByCollection;
  /** Collections whose creation failed, with why. */
  failures: Map<string, string>;
};

/** Every collection the document creates into or indexes by a path parameter. */
export function collectionsOf(ops: Operation[]): string[] {
  const all = new Set<string>();
  for (const op of ops) {
    if (isCreation(op)) all.add(op.path);
    for (const p of op.pathParams) all.add(collectionOf(op.path, p.name));
  }
  return [...all];
}

export function bodyContext(
  ids: IdsByCollection,
  collections: string[],
  opts: { full: boolean; linkOptional?: boolean },
): BodyContext {
  return {
    next: nextNumber,
    idFor: (property) => {
      const c = referencedCollection(property, collections);
      return c ? (ids.get(c) ?? null) : null;
    },
    full: opts.full,
    linkOptional: opts.linkOptional ?? false,
  };
}

/** Every resource here starts at version 1, so a write based on version 1 of a fresh resource is current. */
export function atVersion(body: unknown, version: number): unknown {
  return isRecord(body) && "version" in body ? { ...body, version } : body;
}

/** Path parameter values from existing resources; throws MissingReference when a kind has none. */
export function pathValues(op: Operation, ids: IdsByCollection): Record<string, string> {
  const values: Record<string, string> = {};
  for (const p of op.pathParams) {
    // A path parameter that names a slot from a fixed list (an event, a locale) takes the list's first value.
    const fixed = p.schema.enum?.[0];
    if (typeof fixed === "string") {
      values[p.name] = fixed;
      continue;
    }
    const id = ids.get(collectionOf(op.path, p.name));
    if (!id) throw new MissingReference(`{${p.name}} of ${op.path}`);
    values[p.name] = id;
  }
  return values;
}

export type Call = { method: HttpMethod; url: string; body?: unknown; headers?: Record<string, string> };

const UPPER = { get: "GET", post: "POST", put: "PUT", patch: "PATCH", delete: "DELETE" } as const;

/** A request as the session's browser would send it: cookie, CSRF token, and JSON when there is a body. */
export function send(app: FastifyInstance, session: Session | null, call: Call): Promise<LightMyRequestResponse> {
  const hasBody = call.body !== undefined;
  return app.inject({
    method: UPPER[call.method],
    url: call.url,
    headers: {
      ...(session?.headers ?? {}),
      ...(hasBody ? { "content-type": "application/json" } : {}),
      ...(call.headers ?? {}),
    },
    ...(hasBody ? { payload: JSON.stringify(call.body) } : {}),
  });
}

/** The payload exactly as given (malformed JSON, XML, megabytes of padding). */
export function sendRaw(
  app: FastifyInstance,
  session: Session | null,
  call: { method: HttpMethod; url: string; headers: Record<string, string>; payload?: string },
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: UPPER[call.method],
    url: call.url,
    headers: { ...(session?.headers ?? {}), ...call.headers },
    ...(call.payload === undefined ? {} : { payload: call.payload }),
  });
}

function describe(res: LightMyRequestResponse): string {
  return `${res.statusCode} ${res.body.slice(0, 400)}`;
}

/**
 * Creates one resource through every creating POST (201) of the document, parents first: an operation whose
 * references do not exist yet waits for a later round.
 */
export async function seedOneOfEach(app: FastifyInstance, ops: Operation[], session: Session): Promise<Seeded> {
  const collections = collectionsOf(ops);
  const ids: IdsByCollection = new Map();
  const failures = new Map<string, string>();
  let pending = ops.filter(isCreation);
  let progress = true;
  while (pending.length > 0 && progress) {
    progress = false;
    const waiting: Operation[] = [];
    for (const op of pending) {
      let call: Call;
      try {
        const url = fillPath(op.path, pathValues(op, ids));
        const body = op.body ? validBody(op.body, bodyContext(ids, collections, { full: false })) : undefined;
        call = { method: op.method, url, body };
      } catch (error) {
        if (error instanceof MissingReference) {
          waiting.push(op);
          continue;
        }
        throw error;
      }
      progress = true;
      const res = await send(app, session, call);
      const json: unknown = res.statusCode === 201 ? res.json() : null;
      if (isRecord(json) && typeof json.id === "string") ids.set(op.path, json.id);
      else failures.set(op.path, `${opName(op)} with ${JSON.stringify(call.body)} answered ${describe(res)}`);
    }
    pending = waiting;
  }
  for (const op of pending) {
    try {
      pathValues(op, ids);
      validBody(op.body ?? {}, bodyContext(ids, collections, { full: false }));
    } catch (error) {
      failures.set(op.path, `${opName(op)} needs a reference nothing could create: ${String(error)}`);
    }
  }
  return { ids, failures };
}
