import { createHash } from "node:crypto";
import { expect, test } from "vitest";
import { hashSigningToken, isWellFormedSigningToken, newSigningToken } from "./signing-token";

test("new tokens are 43 base64url characters and unique", () => {
  const tokens = new Set(Array.from({ length: 50 }, () => newSigningToken().token));
  expect(tokens.size).toBe(50);
  for (const token of tokens) {
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
  }
});

test("the hash is the hex SHA-256 of the token", () => {
  const { token, hash } = newSigningToken();
  expect(hash).toBe(createHash("sha256").update(token, "utf8").digest("hex"));
  expect(hashSigningToken(token)).toBe(hash);
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
});

test("isWellFormedSigningToken", () => {
  expect(isWellFormedSigningToken(newSigningToken().token)).toBe(true);
  expect(isWellFormedSigningToken("a".repeat(43))).toBe(true);
  expect(isWellFormedSigningToken("a".repeat(42))).toBe(false);
  expect(isWellFormedSigningToken("a".repeat(44))).toBe(false);
  expect(isWellFormedSigningToken(`${"a".repeat(42)}=`)).toBe(false);
  expect(isWellFormedSigningToken(`${"a".repeat(42)}+`)).toBe(false);
  expect(isWellFormedSigningToken("")).toBe(false);
});
