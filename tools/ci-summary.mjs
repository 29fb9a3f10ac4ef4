#!/usr/bin/env node
// Reads every report under reports/ and prints:
//   - each skipped suite or test with its written reason,
//   - each failed step (lint, typecheck, build) that no test report would show,
//   - one last plain line: `N passed, N failed, N skipped`.
// Exits non-zero when anything failed or no test report exists at all.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const reports = join(process.cwd(), 'reports');
const vitestDir = join(reports, 'vitest');
const skipsDir = join(reports, 'skips');
let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
const skippedNames = [];

for (const file of existsSync(vitestDir) ? readdirSync(vitestDir).filter((f) => f.endsWith('.json')) : []) {
  const report = JSON.parse(readFileSync(join(vitestDir, file), 'utf8'));
  for (const suite of report.testResults ?? []) {
    const results = suite.assertionResults ?? [];
    if (suite.status === 'failed' && results.every((r) => r.status !== 'failed')) {
      // A file that failed to load or threw outside a test has no failed test in it.
      failed += 1;
      failures.push(`${suite.name}: ${(suite.message ?? 'suite failed').split('\n')[0]}`);
    }
    for (const result of results) {
      if (result.status === 'passed') passed += 1;
      else if (result.status === 'failed') {
        failed += 1;
        failures.push(`${suite.name.replace(`${process.cwd()}/`, '')} > ${result.fullName}`);
      } else {
        skipped += 1;
        skippedNames.push(`${suite.name.replace(`${process.cwd()}/`, '')} > ${result.fullName}`);
      }
    }
  }
}

const reasons = [];
for (const file of existsSync(skipsDir) ? readdirSync(skipsDir) : []) {
  for (const line of readFileSync(join(skipsDir, file), 'utf8').split('\n').filter(Boolean)) {
    reasons.push(JSON.parse(line));
  }
}
const uniqueReasons = [...new Map(reasons.map((r) => [`${r.suite}|${r.reason}`, r])).values()];
if (uniqueReasons.length > 0) {
  console.log('\nSkipped suites:');
  for (const { suite, reason } of uniqueReasons) console.log(`  - ${suite}: ${reason}`);
}
if (skipped > 0 && uniqueReasons.length === 0) {
  console.log('\nSkipped tests with no recorded reason:');
  for (const name of skippedNames) console.log(`  - ${name}`);
}

for (const file of existsSync(reports) ? readdirSync(reports).filter((f) => f.startsWith('steps-')) : []) {
  for (const step of JSON.parse(readFileSync(join(reports, file), 'utf8'))) {
    if (!step.ok && step.name !== 'test') {
      failed += 1;
      failures.push(`step "${step.name}" exited with ${step.exitCode}`);
    }
  }
}
if (passed + failed + skipped === 0) {
  failed += 1;
  failures.push('no test report was written');
}
if (failures.length > 0) {
  console.log('\nFailures:');
  for (const failure of failures) console.log(`  - ${failure}`);
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
