/** The login role the API and worker use: it owns nothing, so row-level security always applies to it. */
export const APP_ROLE = "atende_app";
const DEFAULT_APP_PASSWORD = "atende_app";

/** The application's connection string: DATABASE_APP_URL, or DATABASE_URL with the app role's credentials. */
export function appDatabaseUrl(ownerUrl: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.DATABASE_APP_URL) return env.DATABASE_APP_URL;
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = appRolePassword(env);
  return url.toString();
}

export function appRolePassword(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_APP_PASSWORD ?? DEFAULT_APP_PASSWORD;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}
