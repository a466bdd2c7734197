import { spawn } from "node:child_process";
import { access, constants } from "node:fs/promises";
import path from "node:path";

export type RunResult = { code: number | null; output: string };

/** Runs a command to completion, collecting stdout and stderr together; a missing binary gives code null. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<RunResult> {
  return new Promise((resolve) => {
    let output = "";
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.once("error", (err) => resolve({ code: null, output: output + err.message }));
    child.once("close", (code) => resolve({ code, output }));
  });
}

/** The first executable called `name` on PATH or in `extraDirs`. */
export async function findExecutable(name: string, extraDirs: string[] = []): Promise<string | undefined> {
  const pathDirs = (process.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  for (const dir of [...pathDirs, ...extraDirs]) {
    const candidate = path.join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here, keep looking
    }
  }
  return undefined;
}

export function errorCode(err: unknown): string | undefined {
  if (typeof err === "object" && err !== null && "code" in err && typeof err.code === "string") return err.code;
  return undefined;
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/** Keeps the last `size` lines pushed into it, for error messages about a child process. */
export class LineTail {
  private readonly lines: string[] = [];
  private readonly size: number;

  constructor(size = 40) {
    this.size = size;
  }

  push(text: string): string[] {
    const added = text.split(/\r?\n/).filter((line) => line.trim() !== "");
    this.lines.push(...added);
    if (this.lines.length > this.size) this.lines.splice(0, this.lines.length - this.size);
    return added;
  }

  text(): string {
    return this.lines.join("\n");
  }
}
