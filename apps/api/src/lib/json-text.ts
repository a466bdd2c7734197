import type { FastifyReply } from "fastify";

/**
 * Sends a body that is already JSON text (built by PostgreSQL) as it is: the route's schema still documents it, but
 * neither a serializer nor a runtime validation runs over it.
 */
export function sendJsonText(reply: FastifyReply, json: string) {
  return reply
    .type("application/json; charset=utf-8")
    .serializer((x: unknown) => String(x))
    .send(json);
}
