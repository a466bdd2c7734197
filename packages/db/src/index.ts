export { closeDb, createDb, poolOf, type Db, type DbOptions, type Prisma } from "./client";
export { readAsTenant, writeAsTenant, type TenantQuery } from "./tenant-read";
export { withTenantConnection, type TenantConnection } from "./tenant-connection";
export { withTenant, type Tx } from "./with-tenant";
export { migrate, MIGRATIONS_DIR, type MigrationResult } from "./migrate";
export { ensureAppRole, ensureDatabase, quoteIdent } from "./bootstrap";
export { APP_ROLE, appDatabaseUrl, appRolePassword, databaseName, withDatabase } from "./urls";
export { uuidv7, uuidv7Time } from "./uuidv7";
export { Prisma as PrismaNamespace } from "./generated/client";
