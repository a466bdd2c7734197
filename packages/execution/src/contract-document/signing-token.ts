import { randomBytes } from "node:crypto";
import { sha256Hex } from "./sha256";

// 32 random bytes are 43 base64url characters without padding.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashSigningToken(token: string): string {
  return sha256Hex(token);
}

/** A fresh signing token; store only `hash`, send `token` to the customer. */
export function newSigningToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashSigningToken(token) };
}

export function isWellFormedSigningToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}
