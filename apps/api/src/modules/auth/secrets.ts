import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** A bearer secret carries its tenant so the lookup can run under that tenant's row-level security. */
export type ParsedSecret = { tenantId: string; secret: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function formatSessionCookie(tenantId: string, secret: string): string {
  return `${tenantId}.${secret}`;
}

export function parseSessionCookie(value: string | undefined): ParsedSecret | null {
  if (!value) return null;
  const [tenantId, secret, ...rest] = value.split(".");
  if (rest.length > 0 || !tenantId || !secret || !UUID.test(tenantId) || secret.length > 100) return null;
  return { tenantId, secret };
}

export const API_TOKEN_PREFIX = "atd";

export function formatApiToken(tenantId: string, secret: string): string {
  return `${API_TOKEN_PREFIX}_${tenantId.replace(/-/g, "")}_${secret}`;
}

export function parseApiToken(value: string): ParsedSecret | null {
  const match = /^atd_([0-9a-f]{32})_([A-Za-z0-9_-]{20,100})$/.exec(value);
  if (!match) return null;
  const hex = match[1]!;
  const tenantId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { tenantId, secret: match[2]! };
}

/** Stored secrets are keyed HMACs: a copy of the database alone cannot be replayed as sessions or tokens. */
export function hashSecret(key: string, secret: string): string {
  return createHmac("sha256", key).update(secret).digest("base64url");
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
