import pg from "pg";
import { APP_ROLE, appRolePassword, databaseName, withDatabase } from "./urls";

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the database named in `url` when missing, connecting to the server's maintenance database to do it. */
export async function ensureDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  await withClient(withDatabase(url, "postgres"), async (c) => {
    const found = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await c.query(`CREATE DATABASE ${quoteIdent(name)}`);
  });
}

/**
 * Roles are cluster-wide, so the app role is created here by whoever administers the server, not in a migration
 * (a migration with CREATE ROLE breaks for a non-superuser migrator).
 */
export async function ensureAppRole(ownerUrl: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const password = appRolePassword(env);
  await withClient(ownerUrl, async (c) => {
    const found = await c.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_ROLE]);
    const verb = found.rowCount === 0 ? "CREATE" : "ALTER";
    try {
      await c.query(
        `${verb} ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD ${quoteLiteral(password)}`,
      );
    } catch (error) {
      if (verb === "ALTER") return; // an existing role managed by someone else is fine as it is
      throw new Error(
        `Could not create the database role ${APP_ROLE} (${(error as Error).message}): create it as an administrator or set DATABASE_APP_URL.`,
        { cause: error },
      );
    }
    const db = databaseName(ownerUrl);
    await c.query(`GRANT CONNECT ON DATABASE ${quoteIdent(db)} TO ${APP_ROLE}`);
    await c.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
  });
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
