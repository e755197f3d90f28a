import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { frameworkJsonSchema, listIndicators } from '../../src/domain/framework/framework-schema.ts';
import { audiences, indicatorAudiences } from '../../src/domain/framework/framework-view.ts';
import { exportFramework, formatProblem, readFrameworkFile, sameFramework } from '../../src/domain/framework/read-framework-file.ts';
import { listFrameworkFiles, shippedFrameworksDir, siblingLookup } from '../../src/services/framework/framework-files.ts';
import { copyFrameworkVersion } from '../../src/services/framework/copy-framework-version.ts';
import { importFramework } from '../../src/services/framework/import-framework.ts';
import { loadFrameworkVersion } from '../../src/services/framework/load-framework-version.ts';
import { changeRoundState } from '../../src/services/rounds/change-round-state.ts';
import { createRound } from '../../src/services/rounds/create-round.ts';
import { bangkokInstant, endOfBangkokDay } from '../../src/domain/dates/bangkok-time.ts';
import { loadActor } from '../../src/services/access/load-actor.ts';
import { createUserWithRole } from '../support/factories.ts';
import { createTestApp, type TestApp } from '../support/web.ts';

// The shipped framework files: valid, importable, and exported back to the same framework.
const meta = { actorUserId: null, ip: null, requestId: 'test' };
let app: TestApp;
let t: TestApp['database'];
before(async () => {
  app = await createTestApp();
  t = app.database;
});
after(async () => app.close());

test('every shipped framework passes the check on its own', async () => {
  const files = await listFrameworkFiles();
  assert.ok(files.length >= 5, files.join(', '));
  for (const file of files) {
    const r = await readFrameworkFile(fs.readFileSync(file), siblingLookup(file));
    assert.equal(r.ok, true, `${path.basename(file)}:\n${r.ok ? '' : r.problems.map(formatProblem).join('\n')}`);
  }
});

test('the ODLOC 2568 framework has the three areas, forms ๑ and ๒-๑…๒-๓, and indicators in every area for every LAO type', async () => {
  const file = path.join(shippedFrameworksDir, 'odloc-minimum-standards-2568.yaml');
  const r = await readFrameworkFile(fs.readFileSync(file), siblingLookup(file));
  assert.ok(r.ok);
  const doc = r.doc;
  assert.deepEqual(doc.areas.map((a) => (typeof a.title === 'string' ? a.title : a.title.default)), [
    'ด้านการศึกษา', 'ด้านการส่งเสริมเศรษฐกิจชุมชน อาชีพ และการท่องเที่ยว', 'ด้านการบริหารจัดการทรัพยากรธรรมชาติและสิ่งแวดล้อม',
  ]);
  assert.deepEqual(doc.laoTypes, ['pao', 'city', 'town', 'subdistrict', 'sao']);
  assert.equal(doc.forms.length, 4);
  for (const a of doc.areas) {
    const inArea = [...(a.indicators ?? []), ...(a.missions ?? []).flatMap((m) => m.indicators)];
    for (const type of audiences(doc)) assert.ok(inArea.some((i) => indicatorAudiences(doc, i).includes(type)), `${a.code} ${type}`);
  }
  // Values nobody published are marked as examples: every target is, since ODLOC has not published minimum values.
  for (const { indicator } of listIndicators(doc)) {
    for (const target of Object.values(indicator.targets ?? {})) assert.equal(target.example, true, indicator.code);
  }
  assert.ok(listIndicators(doc).filter(({ indicator }) => indicator.previous).length >= 5, 'mapped to 2567 where it can be');
});

test('every shipped framework imports and exports to an equivalent file (round trip through the database)', async () => {
  for (const file of await listFrameworkFiles()) {
    const original = await readFrameworkFile(fs.readFileSync(file), siblingLookup(file));
    assert.ok(original.ok);
    const imported = await importFramework({ db: t.db }, null, { bytes: fs.readFileSync(file), fileName: path.basename(file) }, meta);
    assert.equal(imported.ok, true, `${path.basename(file)}: ${imported.ok ? '' : imported.problems.map(formatProblem).join('\n')}`);
    if (!imported.ok) continue;
    const stored = await loadFrameworkVersion(t.db, { id: imported.versionId });
    const exported = exportFramework(stored.doc);
    const reread = await readFrameworkFile(Buffer.from(exported), siblingLookup(file));
    assert.ok(reread.ok, path.basename(file));
    assert.ok(sameFramework(reread.doc, original.doc), `${path.basename(file)} changed on the way through`);
  }
  const previous = await t.db.selectFrom('framework_versions as v').innerJoin('framework_versions as p', 'p.id', 'v.previous_version_id').select(['v.code', 'p.code as previousCode']).execute();
  assert.deepEqual(previous, [{ code: 'odloc-2568', previousCode: 'odloc-2567' }]);
});

test('the published JSON Schema is the one the code generates', () => {
  const committed = JSON.parse(fs.readFileSync(path.join(shippedFrameworksDir, 'framework.schema.json'), 'utf8'));
  assert.deepEqual(committed, JSON.parse(JSON.stringify(frameworkJsonSchema())), 'run: npm run -s cli -- framework schema > frameworks/framework.schema.json');
});

test('a version used by a round is frozen: re-import is refused; a new version is copied from the last', async () => {
  const file = path.join(shippedFrameworksDir, 'odloc-minimum-standards-2568.yaml');
  const version = await loadFrameworkVersion(t.db, { code: 'odloc-2568' });
  const again = await importFramework({ db: t.db }, null, { bytes: fs.readFileSync(file), fileName: 'again.yaml' }, meta);
  assert.equal(again.ok, true, 'a draft may be replaced');

  const { roundId } = await createRound({ db: t.db }, null, {
    programmeId: version.programmeId, frameworkVersionId: version.id, title: 'รอบทดสอบ', fiscalYear: 2568, quarter: null,
    opensAt: bangkokInstant('2025-07-21'), dueAt: endOfBangkokDay('2025-08-29'), lateUntil: endOfBangkokDay('2025-08-29'), editClosesAt: endOfBangkokDay('2025-10-31'),
    laoTypes: null, provinceCodes: null, excludedProvinceCodes: [],
  }, meta);
  await changeRoundState({ db: t.db, clock: { now: () => new Date() } }, null, { roundId, to: 'open' }, meta);
  assert.equal((await loadFrameworkVersion(t.db, { id: version.id })).status, 'frozen');
  const refused = await importFramework({ db: t.db }, null, { bytes: fs.readFileSync(file), fileName: 'again.yaml' }, meta);
  assert.equal(refused.ok, false);
  assert.match(refused.ok ? '' : refused.problems[0]!.message, /ถูกใช้ในรอบการประเมินแล้ว แก้ไขไม่ได้/);

  const admin = (await loadActor(t.db, (await createUserWithRole(app.deps, 'programme_admin', 'TH')).userId))!;
  const copy = await copyFrameworkVersion({ db: t.db }, admin, { programmeId: version.programmeId, code: 'odloc-2569', title: 'กรอบ 2569', fiscalYear: 2569 }, meta);
  const copied = await loadFrameworkVersion(t.db, { id: copy.versionId });
  assert.equal(copied.status, 'draft');
  assert.equal(copied.doc.version.previous, 'odloc-2568');
  assert.equal(copied.doc.version.dataFiscalYear, 2568);
  assert.ok(listIndicators(copied.doc).every(({ indicator }) => indicator.previous === indicator.code));
  const exported = await readFrameworkFile(Buffer.from(exportFramework(copied.doc)), async (code) => (code === 'odloc-2568' ? version.doc : null));
  assert.equal(exported.ok, true, exported.ok ? '' : exported.problems.map(formatProblem).join('\n'));
});
