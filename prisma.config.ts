import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// The JavaScript engine over the pg adapter keeps the Prisma CLI offline: the default native engine is downloaded
// from Prisma's binary host, which our machines cannot reach. Migrations are applied by packages/db's own runner
// (docs/decisions/0002-migrations.md); the CLI is used for `generate` and to draft SQL with `migrate diff`.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  adapter: async () =>
    new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" }),
});
