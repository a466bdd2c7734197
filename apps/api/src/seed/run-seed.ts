import { createDb } from "@atende/db";
import { seedDemo } from "./demo-seed";

// Demo data only: production installs run migrations without this script and create no users.
const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set");
const db = createDb({ connectionString: url, max: 2 });
try {
  const result = await seedDemo(db);
  console.log(result.created ? "Seeded the demo tenant." : "Demo tenant already present.");
} finally {
  await db.$disconnect();
}
