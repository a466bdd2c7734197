#!/usr/bin/env node
// Runs every check and test suite and ends with one line "N passed, N failed" added up over all of them.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

let passed = 0;
let failed = 0;

function check(name, cmd, args) {
  console.log(`\n== ${name}`);
  const res = spawnSync(cmd, args, { stdio: "inherit" });
  if (res.status === 0) passed++;
  else {
    failed++;
    console.log(`!! ${name} failed`);
  }
}

check("typecheck", "npx", ["tsc", "-p", "tsconfig.json", "--noEmit"]);
check("lint", "npx", ["eslint", ".", "--max-warnings=0"]);
check("format", "npx", ["prettier", "--check", ".", "--log-level=warn"]);

const results = ".vitest-results.json";
rmSync(results, { force: true });
console.log("\n== vitest (unit, integration, end-to-end)");
spawnSync("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${results}`], {
  stdio: "inherit",
});
if (existsSync(results)) {
  const report = JSON.parse(readFileSync(results, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A file that fails before any test runs (import error, hook failure) counts as one failure.
  for (const file of report.testResults) {
    if (file.status === "failed" && file.assertionResults.every((a) => a.status !== "failed")) failed++;
  }
} else {
  failed++;
  console.log("!! vitest produced no report");
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
