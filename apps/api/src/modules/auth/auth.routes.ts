import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ZLoginRequest, ZLoginResponse, ZMe, ZOk, ZProblem } from "@atende/contracts";
import { SESSION_COOKIE } from "../../plugins/auth";
import type { AuthDeps } from "./auth.service";
import { signIn, signOut } from "./auth.service";
import { describeMe } from "./me.service";

export function registerAuthRoutes(
  app: FastifyInstance,
  deps: { auth: AuthDeps; cookieSecure: boolean; loginRateLimitPerMinute: number },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/v1/auth/login",
    {
      schema: {
        tags: ["auth"],
        summary: "Sign in with email and password; sets the session cookie",
        body: ZLoginRequest,
        response: { 200: ZLoginResponse, 401: ZProblem, 423: ZProblem },
      },
      config: { public: true, rateLimit: { max: deps.loginRateLimitPerMinute, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      const result = await signIn(deps.auth, {
        ...request.body,
        ip: request.ip ?? null,
        userAgent: request.headers["user-agent"] ?? null,
        requestId: request.id,
      });
      reply.setCookie(SESSION_COOKIE, result.cookie, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: deps.cookieSecure,
        expires: result.expiresAt,
      });
      return { csrfToken: result.csrfToken };
    },
  );

  r.post(
    "/api/v1/auth/logout",
    {
      schema: { tags: ["auth"], summary: "Sign out: revokes the session", response: { 200: ZOk } },
      config: { userOnly: true },
    },
    async (request, reply) => {
      await signOut(deps.auth, request.principal!, request.ip ?? null, request.id);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { ok: true as const };
    },
  );

  r.get(
    "/api/v1/me",
    {
      schema: { tags: ["auth"], summary: "The signed-in user, roles and permissions", response: { 200: ZMe } },
      config: { userOnly: true },
    },
    async (request) => describeMe(deps.auth.db, request.principal!),
  );
}
