import fs from 'node:fs';
import path from 'node:path';
import { systemClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import { createDeps, type Deps } from '../../src/deps.ts';
import { findProgrammeByCode } from '../../src/db/queries/frameworks.ts';
import { createPool } from '../../src/db/pool.ts';
import { createLogger } from '../../src/logger.ts';
import { MemoryMailer } from '../../src/mail/mailer.ts';
import { importFramework } from '../../src/services/framework/import-framework.ts';
import { changeRoundState } from '../../src/services/rounds/change-round-state.ts';
import { createRound } from '../../src/services/rounds/create-round.ts';
import { createApiToken } from '../../src/services/tokens/api-tokens.ts';
import { createLao, createUserWithRole, type TestUser } from '../../test/support/factories.ts';

// The small world a drill (or the two-process test) needs, made with the services on the database the app
// processes use (while they start up; nothing of it is cached there): the drill framework, a round open now (the processes run on the real
// clock), LAOs in อำเภอ 2206 each with an executive (who may save and send) holding an API token, and the first
// `officers` of them an officer too (who signs in with a password: hashing is slow, so only where needed).

export const drillAuthSecret = 'drill-secret-0123456789-abcdefghijklmnopqrstuvwxyz';
const meta = { actorUserId: null, ip: null, requestId: 'drill-seed' };
const day = 24 * 60 * 60 * 1000;

export type DrillLao = { id: number; code: string; executive: TestUser; officer: TestUser | undefined; token: string };
export type DrillWorld = { roundId: number; frameworkVersionId: number; laos: DrillLao[] };

/** Services on a database, outside any app process: for seeding and for checking afterwards. */
export function openDeps(url: string, dataDir: string): { deps: Deps; close(): Promise<void> } {
  const pool = createPool(url, 3);
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, PUBLIC_URL: 'http://127.0.0.1:3000' });
  const deps = createDeps({ config, pool, clock: systemClock, logger: createLogger('silent'), mailer: new MemoryMailer(), authSecret: drillAuthSecret });
  return { deps, close: () => deps.db.destroy() };
}

export async function seedDrillWorld(deps: Deps, opts: { laos: number; officers?: number }): Promise<DrillWorld> {
  const file = path.resolve(import.meta.dirname, 'drill-framework.yaml');
  const imported = await importFramework(deps, null, { bytes: fs.readFileSync(file), fileName: path.basename(file) }, meta);
  if (!imported.ok) throw new Error(`drill-framework.yaml did not import: ${JSON.stringify(imported.problems)}`);
  const programme = await findProgrammeByCode(deps.db, imported.doc.programme.code);
  const now = Date.now();
  const dueAt = new Date(now + 30 * day);
  const { roundId } = await createRound(deps, null, {
    programmeId: programme!.id, frameworkVersionId: imported.versionId, title: 'รอบซ้อมรับเหตุขัดข้อง', fiscalYear: 2570, quarter: null,
    opensAt: new Date(now - day), dueAt, lateUntil: new Date(dueAt.getTime() + 7 * day), editClosesAt: new Date(dueAt.getTime() + 14 * day),
    laoTypes: ['subdistrict', 'sao'], provinceCodes: ['22'], excludedProvinceCodes: [],
  }, meta);

  const laos: DrillLao[] = [];
  for (let i = 1; i <= opts.laos; i++) {
    const code = `97206${String(i).padStart(2, '0')}`;
    const unit = await createLao(deps.db, { code, nameTh: `เทศบาลตำบลซ้อม ${i}`, laoType: i % 2 ? 'subdistrict' : 'sao', districtCode: '2206' });
    const executive = await createUserWithRole(deps, 'lao_executive', code, { username: `drill.exec.${i}` });
    const officer = i <= (opts.officers ?? 0) ? await createUserWithRole(deps, 'lao_officer', code, { username: `drill.officer.${i}` }) : undefined;
    const { token } = await createApiToken(deps, executive.userId, 'drill', meta);
    laos.push({ id: unit.id, code, executive, officer, token });
  }
  await changeRoundState(deps, null, { roundId, to: 'open' }, meta);
  return { roundId, frameworkVersionId: imported.versionId, laos };
}
