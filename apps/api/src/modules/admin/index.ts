import type { FastifyInstance } from "fastify";
import type { Db } from "@atende/db";
import { registerAuditRoutes } from "../audit/audit.routes";
import { registerBusinessUnitRoutes } from "../business-units/business-units.routes";
import { registerParameterRoutes } from "../parameters/parameters.routes";

export type AdminDeps = { db: Db; now: () => Date; sessionSecret: string };

export function registerAdminModules(app: FastifyInstance, _deps: AdminDeps) {
  registerBusinessUnitRoutes(app);
  registerParameterRoutes(app);
  registerAuditRoutes(app);
}
