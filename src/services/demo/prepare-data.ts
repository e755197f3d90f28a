import fs from 'node:fs';
import path from 'node:path';
import type { Deps } from '../../deps.ts';
import { findCountry } from '../../db/queries/org-units.ts';
import { loadReferenceData } from '../org/load-reference-data.ts';
import { demoProvinceCode, seedDemo, type DemoAccount } from './seed-demo.ts';
import { findDemoRespondents, seedDemoRounds } from './seed-demo-rounds.ts';

/** On start: the reference org tree when the database is new; with DEMO on, the demo register and accounts once. */
export async function prepareData(deps: Deps): Promise<{ demoAccounts: DemoAccount[] }> {
  if (!(await findCountry(deps.db))) {
    const r = await loadReferenceData(deps.db);
    deps.logger.info(r, 'reference data loaded');
  }
  if (!deps.config.demo) return { demoAccounts: [] };
  const file = path.join(deps.config.dataDir, 'demo-accounts.json');
  const seeded = await deps.db.selectFrom('user').select('id').where('username', '=', 'demo.system_admin').executeTakeFirst();
  let accounts: DemoAccount[] = [];
  if (!seeded) {
    accounts = await seedDemo(deps);
    fs.mkdirSync(deps.config.dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(accounts, null, 2) + '\n', { mode: 0o600 });
  } else if (fs.existsSync(file)) {
    accounts = JSON.parse(fs.readFileSync(file, 'utf8')) as DemoAccount[];
  }
  // Programmes and rounds once, also for a demo database from before they existed.
  const hasProgrammes = await deps.db.selectFrom('programmes').select('id').limit(1).executeTakeFirst();
  const respondents = hasProgrammes ? null : await findDemoRespondents(deps, demoProvinceCode);
  if (respondents) {
    const started = Date.now();
    await seedDemoRounds(deps, respondents);
    deps.logger.info({ ms: Date.now() - started }, 'demo programmes and rounds seeded');
  }
  return { demoAccounts: accounts };
}
