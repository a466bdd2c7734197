export { createTestDatabase, testRedis, type TestDatabase } from "./test-database";
