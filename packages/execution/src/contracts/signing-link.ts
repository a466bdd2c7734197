import { hashSigningToken, isWellFormedSigningToken, newSigningToken } from "../contract-document";

/**
 * A signing link carries the tenant id and a random token; only the token's hash is stored, so the database never
 * holds a usable link and the tenant is known before any tenant-scoped query runs.
 */
export function newSigningLink(tenantId: string): { linkToken: string; tokenHash: string } {
  const { token, hash } = newSigningToken();
  return { linkToken: `${tenantId}.${token}`, tokenHash: hash };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function parseSigningLink(linkToken: string): { tenantId: string; tokenHash: string } | null {
  const dot = linkToken.indexOf(".");
  if (dot < 0) return null;
  const tenantId = linkToken.slice(0, dot);
  const token = linkToken.slice(dot + 1);
  if (!UUID.test(tenantId) || !isWellFormedSigningToken(token)) return null;
  return { tenantId, tokenHash: hashSigningToken(token) };
}

export function signingUrl(publicUrl: string, linkToken: string): string {
  return `${publicUrl.replace(/\/$/, "")}/sign/${linkToken}`;
}
