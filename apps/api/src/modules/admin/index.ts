import type { FastifyInstance } from "fastify";
import type { Db } from "@atende/db";
import { registerApiTokenRoutes } from "../api-tokens/api-tokens.routes";
import { registerAuditRoutes } from "../audit/audit.routes";
import { registerBusinessUnitRoutes } from "../business-units/business-units.routes";
import { registerCalendarRoutes } from "../calendars/calendars.routes";
import { registerCatalogueRoutes } from "../catalogue/catalogue.routes";
import { registerGroupRoutes } from "../groups/groups.routes";
import { registerMaintenanceRoutes } from "../maintenance/maintenance.routes";
import { registerParameterRoutes } from "../parameters/parameters.routes";
import { registerPlaybookRoutes } from "../playbooks/playbooks.routes";
import { registerPriorityRoutes } from "../priorities/priorities.routes";
import { registerProductRoutes } from "../products/products.routes";
import { registerServiceCodeRoutes } from "../service-codes/service-codes.routes";
import { registerSlaPolicyRoutes } from "../sla-policies/sla-policies.routes";
import { registerStoreRoutes } from "../stores/stores.routes";
import { registerTemplateRoutes } from "../templates/templates.routes";
import { registerUserRoutes } from "../users/users.routes";
import { registerWebhookRoutes } from "../webhooks/webhooks.routes";
import type { AnnounceRevocation } from "../auth/session-revocations";

export type AdminDeps = { db: Db; now: () => Date; sessionSecret: string; announceRevocation: AnnounceRevocation };

export function registerAdminModules(app: FastifyInstance, deps: AdminDeps) {
  registerBusinessUnitRoutes(app);
  registerParameterRoutes(app);
  registerAuditRoutes(app);
  registerStoreRoutes(app);
  registerUserRoutes(app, { now: deps.now, announceRevocation: deps.announceRevocation });
  registerGroupRoutes(app);
  registerApiTokenRoutes(app, { now: deps.now, sessionSecret: deps.sessionSecret });
  registerPriorityRoutes(app);
  registerCalendarRoutes(app);
  registerSlaPolicyRoutes(app);
  registerCatalogueRoutes(app);
  registerTemplateRoutes(app);
  registerMaintenanceRoutes(app, { now: deps.now });
  registerPlaybookRoutes(app);
  registerServiceCodeRoutes(app);
  registerProductRoutes(app);
  registerWebhookRoutes(app);
}
