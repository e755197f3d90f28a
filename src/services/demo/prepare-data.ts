import fs from 'node:fs';
import path from 'node:path';
import type { Deps } from '../../deps.ts';
import { findCountry } from '../../db/queries/org-units.ts';
import { loadReferenceData } from '../org/load-reference-data.ts';
import { seedDemo, type DemoAccount } from './seed-demo.ts';

/** On start: the reference org tree when the database is new; with DEMO on, the demo register and accounts once. */
export async function prepareData(deps: Deps): Promise<{ demoAccounts: DemoAccount[] }> {
  if (!(await findCountry(deps.db))) {
    const r = await loadReferenceData(deps.db);
    deps.logger.info(r, 'reference data loaded');
  }
  if (!deps.config.demo) return { demoAccounts: [] };
  const file = path.join(deps.config.dataDir, 'demo-accounts.json');
  const seeded = await deps.db.selectFrom('user').select('id').where('username', '=', 'demo.system_admin').executeTakeFirst();
  if (seeded && fs.existsSync(file)) return { demoAccounts: JSON.parse(fs.readFileSync(file, 'utf8')) as DemoAccount[] };
  if (seeded) return { demoAccounts: [] };
  const accounts = await seedDemo(deps);
  fs.mkdirSync(deps.config.dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(accounts, null, 2) + '\n', { mode: 0o600 });
  return { demoAccounts: accounts };
}
