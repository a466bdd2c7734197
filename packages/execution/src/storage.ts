import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** Files live under the storage dir at tenant/area/owner/uuid; the database keeps the key and the hash. */
export async function storeFile(
  storageDir: string,
  parts: { tenantId: string; area: string; ownerId: string },
  bytes: Uint8Array,
): Promise<{ key: string; sha256: string; size: number }> {
  const key = path.join(parts.tenantId, parts.area, parts.ownerId, randomUUID());
  const file = path.join(storageDir, key);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes);
  return { key, sha256: createHash("sha256").update(bytes).digest("hex"), size: bytes.length };
}

export function readStoredFile(storageDir: string, key: string): Promise<Buffer> {
  return readFile(path.join(storageDir, key));
}

export async function removeStoredFiles(storageDir: string, keys: readonly string[]): Promise<void> {
  await Promise.all(keys.map((key) => rm(path.join(storageDir, key), { force: true })));
}
