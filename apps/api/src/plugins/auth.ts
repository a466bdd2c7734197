import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { Db } from "@atende/db";
import { can, tokenCan, type Permission } from "@atende/domain";
import { contextFor, type Principal, type RequestContext } from "../context";
import { AppError } from "../errors";
import { type AuthDeps, principalFromApiToken, principalFromSession } from "../modules/auth/auth.service";
import { safeEqual } from "../modules/auth/secrets";

export const SESSION_COOKIE = "atende_session";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/* eslint-disable @typescript-eslint/consistent-type-definitions -- Fastify is extended through interface merging */
declare module "fastify" {
  interface FastifyContextConfig {
    /** Reachable without signing in. */
    public?: boolean;
    /** The permission of the domain's table this route needs. */
    permission?: Permission;
    /** Only signed-in people, never API tokens (session management). */
    userOnly?: boolean;
    /** Honours the Idempotency-Key header. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
    viaCookie: boolean;
    ctx: () => RequestContext;
  }
}
/* eslint-enable @typescript-eslint/consistent-type-definitions */

function bearerOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const [scheme, value] = header.split(" ");
  return scheme?.toLowerCase() === "bearer" && value ? value : null;
}

export const authPlugin = fp(async (app: FastifyInstance, opts: { db: Db; auth: AuthDeps }) => {
  app.decorateRequest("principal", null);
  app.decorateRequest("viaCookie", false);
  app.decorateRequest("ctx", function (this: FastifyRequest): RequestContext {
    if (!this.principal) throw new AppError("UNAUTHENTICATED", { detail: "sign in first" });
    return contextFor(opts.db, this.principal, this.id, this.ip ?? null);
  });

  app.addHook("onRequest", async (request) => {
    const config = request.routeOptions.config;
    if (!request.routeOptions.url || !request.url.startsWith("/api/")) return;
    const bearer = bearerOf(request);
    if (bearer) {
      request.principal = await principalFromApiToken(opts.auth, bearer);
      if (!request.principal)
        throw new AppError("UNAUTHENTICATED", { detail: "the API token is invalid, expired or revoked" });
    } else {
      request.principal = await principalFromSession(opts.auth, request.cookies[SESSION_COOKIE]);
      request.viaCookie = request.principal !== null;
    }
    if (request.principal) request.log = request.log.child({ tenantId: request.principal.tenantId });
    if (config.public) return;
    const principal = request.principal;
    if (!principal) throw new AppError("UNAUTHENTICATED", { detail: "sign in, or send a bearer API token" });
    if (config.userOnly && principal.kind !== "user") {
      throw new AppError("FORBIDDEN", { detail: "this action is for signed-in users, not API tokens" });
    }
    if (request.viaCookie && !SAFE_METHODS.has(request.method) && principal.kind === "user") {
      const sent = request.headers["x-csrf-token"];
      if (typeof sent !== "string" || !safeEqual(sent, principal.csrfToken)) {
        throw new AppError("CSRF_FAILED", { detail: "send the X-CSRF-Token header you received at sign-in" });
      }
    }
    const permission = config.permission;
    if (permission) {
      const allowed =
        principal.kind === "user" ? can(principal.roles, permission) : tokenCan(principal.scopes, permission);
      if (!allowed) throw new AppError("FORBIDDEN", { detail: `this action needs the permission ${permission}` });
    }
  });
});
