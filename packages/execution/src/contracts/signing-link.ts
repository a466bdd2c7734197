import { hashSigningToken, isWellFormedSigningToken, newSigningToken } from "../contract-document";

/**
 * A signing link carries the tenant id and a random token. The contract row keeps only the token's hash (a leaked
 * contracts table signs nothing); the link itself travels in the e-mail (outbox) and the reminder timer's payload.
 * The tenant id lets the public route open the tenant's transaction before any lookup.
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
