export { createTestDatabase, testRedis, type TestDatabase } from "./test-database";
export { expectFilledMail, outboxMails, type MailPayload } from "./outbox-mail";
