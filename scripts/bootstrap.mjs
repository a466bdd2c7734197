#!/usr/bin/env node
// `npm start` / `npm test` on a machine with only Node 20+: fetch the pinned pnpm through npx, install, build, run.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const PNPM = ["--yes", "pnpm@12.4.2"];
const mode = process.argv[2];

function pnpm(args, extraEnv = {}) {
  const res = spawnSync("npx", [...PNPM, ...args], { stdio: "inherit", env: { ...process.env, ...extraEnv } });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Atende needs Node.js 20.19 or newer (this is ${process.versions.node}).`);
  process.exit(1);
}

pnpm([
  "install",
  existsSync("pnpm-lock.yaml") ? "--frozen-lockfile" : "--no-frozen-lockfile",
  "--reporter=append-only",
]);
pnpm(["run", "build"]);
if (mode === "start") pnpm(["run", "app:start"]);
else if (mode === "test") pnpm(["run", "app:test"]);
else {
  console.error("usage: bootstrap.mjs start|test");
  process.exit(2);
}
