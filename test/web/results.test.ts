import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { replaceResults } from '../../src/db/queries/results.ts';
import { insertSubmissions } from '../../src/db/queries/submissions.ts';
import { saveValues } from '../../src/services/submissions/save-values.ts';
import { createApiToken } from '../../src/services/tokens/api-tokens.ts';
import { apiClient } from '../api/support.ts';
import { createLao } from '../support/factories.ts';
import { lastYearRound, signedIn } from '../support/submission-pages.ts';
import { createTestApp, type TestApp } from '../support/web.ts';
import { buildEntryWorld, fillEverything, meta, type EntryWorld } from '../submissions/support.ts';

// The results page of one LAO: every state ODLOC reports, why each result is what it is, last year's result of the
// indicator it maps to, how LAOs of the same type did (province and nation quartiles), the improvement plan
// (saved, refused with Thai messages at the fields, conflicts, audited), and the API's results field.
let t: TestApp;
let w: EntryWorld;
let base: string;
let html: string;

/** The table row of one indicator with its "why" row. */
const rowOf = (page: string, code: string) => {
  const start = page.indexOf(`id="result-${code}"`);
  assert.ok(start > 0, `no row for ${code}`);
  const next = page.indexOf('class="result-row"', start + 10);
  return page.slice(start, next < 0 ? undefined : next);
};
const planAudits = async () => t.deps.db.selectFrom('audit_events').select(['action', 'old_value', 'new_value', 'actor_user_id']).where('entity_type', '=', 'improvement_plan').orderBy('id').execute();

before(async () => {
  t = await createTestApp();
  w = await buildEntryWorld(t);
  base = `/rounds/${w.roundId}/submissions/${w.lao.code}`;
  await fillEverything(t, w);
  // ED03 met (90 of 100), ED04 needs development (50 of 100), ED01 not done (0 projects), EC04 no such service
  // (no attractions), ED02 missing (satisfaction not answered).
  const saved = await saveValues(t.deps, w.actors.officer, {
    roundId: w.roundId, orgUnitCode: w.lao.code, baseVersion: (await t.deps.db.selectFrom('submissions').select('version').where('round_id', '=', w.roundId).executeTakeFirstOrThrow()).version,
    values: { cdc_passed: '90', cdc_total: '100', edu_staff_trained: '50', edu_staff_total: '100', lifelong_learning_projects: '0', tour_sites_total: '0', tour_sites_promoted: '0', edu_satisfaction_pct: null },
    notes: {},
  }, meta);
  assert.ok(saved.ok, JSON.stringify(saved));
  // Last year (ODLOC 2567): A1-01, which ED03 continues, was 30 of 40 = 75 %.
  await lastYearRound(t, w, { cdc_passed: 30, cdc_total: 40 });
  // Similar LAOs: three more เทศบาลตำบล in the round (two in จังหวัด 22, one elsewhere) with ED04 at 20, 40, 60 and 90.
  const peers = [
    { code: '8100011', district: '2206', value: 20 }, { code: '8100012', district: '2206', value: 40 }, { code: '8100013', district: '2201', value: 60 }, { code: '8100014', district: '2001', value: 90 },
  ];
  const version = await t.deps.db.selectFrom('rounds').select('framework_version_id').where('id', '=', w.roundId).executeTakeFirstOrThrow();
  for (const p of peers) {
    const lao = await createLao(t.deps.db, { code: p.code, nameTh: `เทศบาลตำบลเพื่อน ${p.code}`, laoType: 'subdistrict', districtCode: p.district });
    await sql`insert into round_respondents (round_id, org_unit_id, lao_type, province_code, district_code) values (${w.roundId}, ${lao.id}, 'subdistrict', ${p.district.slice(0, 2)}, ${p.district})`.execute(t.deps.db);
    const ids = await insertSubmissions(t.deps.db, w.roundId, [{ orgUnitId: lao.id, state: 'submitted', startedAt: new Date('2025-07-22'), submittedAt: new Date('2025-08-01'), submittedBy: null }]);
    await replaceResults(t.deps.db, [{ submissionId: ids.get(lao.id)!, frameworkVersionId: version.framework_version_id, results: [{ code: 'ED04', value: p.value, numerator: p.value, denominator: 100, state: 'needs_development', level: null, score: null }] }], new Date());
  }
  const officer = await signedIn(t, w.users.officer);
  const res = await officer.get(`${base}/results`);
  assert.equal(res.status, 200);
  html = await res.text();
});
after(() => t.close());

test('each indicator has one row with the result ODLOC reports: met, needs development, not done, no such service, missing', () => {
  const expected = { ED03: ['met', 'สูงกว่าค่าเป้าหมาย/ผ่าน'], ED04: ['needs_development', 'การพัฒนาในอนาคต'], ED01: ['not_done', 'ไม่ได้ดำเนินการ'], EC04: ['no_service', 'ไม่มีบริการสาธารณะ'], ED02: ['missing', 'ยังไม่มีข้อมูล'] } as const;
  for (const [code, [state, label]] of Object.entries(expected)) {
    const row = rowOf(html, code);
    assert.match(row, new RegExp(`data-state="${state}"`), code);
    assert.ok(row.includes(label), `${code}: ${label}`);
  }
  assert.match(rowOf(html, 'ED01'), /ไม่ได้ดำเนินการในปีงบประมาณ พ.ศ. 2567/, 'not done names the fiscal year of the data');
  // The report's columns: target with the example tag, the frame (1), the service (2), their ratio.
  const ed04 = rowOf(html, 'ED04');
  assert.match(ed04, /≥ 80<\/span> ร้อยละ/);
  assert.match(ed04, /ค่าตัวอย่าง/);
  assert.match(ed04, /data-label="กรอบการประเมิน \(1\)" class="num">100</);
  assert.match(ed04, /data-label="การจัดบริการสาธารณะ \(2\)" class="num">50</);
  assert.match(ed04, /<strong>50 ร้อยละ<\/strong>/);
  // Areas as headings, with the counts at the top.
  assert.match(html, /<h2 id="area-A1">ด้านการศึกษา<\/h2>/);
  assert.match(html, /สรุปผล/);
  assert.match(html, /href="#area-A1">ด้านการศึกษา<\/a>/);
});

test('"why" shows the inputs with their labels and values, the formula in words, the target and the reason', () => {
  const why = rowOf(html, 'ED04');
  assert.match(why, /<details class="why" id="why-ED04">/);
  assert.match(why, /ทำไมได้ผลนี้/);
  assert.match(why, /จำนวนครูและครูผู้ดูแลเด็กที่ได้รับการพัฒนาหรือฝึกอบรมในปีงบประมาณ: <strong>50<\/strong>/);
  assert.match(why, /จำนวนครูและครูผู้ดูแลเด็กในสังกัด.*?ทั้งหมด: <strong>100<\/strong>/);
  assert.match(why, /วิธีคำนวณ<\/dt><dd class="wrap">\(.+\) ÷ \(.+\) × 100<\/dd>/);
  assert.match(why, /ค่าที่ได้ 50 ร้อยละ ยังไม่ถึงค่าเป้าหมาย \(ไม่น้อยกว่า 80 ร้อยละ\)/);
  assert.match(rowOf(html, 'EC04'), /กรอบการประเมิน \(1\) เป็นศูนย์/);
  assert.match(rowOf(html, 'ED02'), /ยังขาดข้อมูล: ผลการสำรวจความพึงพอใจ/);
});

test('last year beside this year where the indicator maps to one of the previous version (ED03 ← A1-01)', () => {
  const ed03 = rowOf(html, 'ED03');
  assert.match(ed03, /data-label="ปีก่อน" class="last-year-cell">75 ร้อยละ<br\/><strong class="tag tag-warning">การพัฒนาในอนาคต/);
  assert.match(ed03, /ตัวชี้วัด A1-01 ของรุ่นก่อน/);
  assert.match(html, /ODLOC 2567 ทดสอบ/);
  assert.match(rowOf(html, 'ED02'), /ไม่มีตัวชี้วัดที่เทียบได้/, 'ED02 is new in 2568');
});

test('similar LAOs: median and quartiles of the same LAO type in the province and in the nation', () => {
  const ed04 = rowOf(html, 'ED04');
  // Province 22: 20, 40, 50 (this LAO), 60 → Q1 35, median 45, Q3 52.5. Nation: + 90 → 40, 50, 60.
  assert.match(ed04, /จังหวัด 45<\/span>/);
  assert.match(ed04, /ประเทศ 50<\/span>/);
  assert.match(ed04, /เทศบาลตำบลใน[^<]*<\/th><td class="num">4 แห่ง<\/td><td class="num">35<\/td><td class="num"><strong>45<\/strong><\/td><td class="num">52.5<\/td>/);
  assert.match(ed04, /เทศบาลตำบลทั้งประเทศ<\/th><td class="num">5 แห่ง<\/td><td class="num">40<\/td><td class="num"><strong>50<\/strong><\/td><td class="num">60<\/td>/);
});

test('who sees the results: the LAO and the offices above; not another LAO; anonymous is sent to sign in', async () => {
  assert.equal((await (await signedIn(t, w.users.district)).get(`${base}/results`)).status, 200);
  assert.equal((await (await signedIn(t, w.users.otherOfficer)).get(`${base}/results`)).status, 403);
  const anonymous = await new (await import('../support/web.ts')).Browser(t.app).get(`${base}/results`);
  assert.equal(anonymous.status, 303);
  const overview = await (await (await signedIn(t, w.users.officer)).get(base)).text();
  assert.match(overview, new RegExp(`href="${base}/results"`), 'linked from the overview');
  const check = await (await (await signedIn(t, w.users.officer)).get(`${base}/check`)).text();
  assert.match(check, new RegExp(`href="${base}/results"`), 'linked from check answers');
});

test('improvement plan: listed for the indicators that need development; refused in Thai at the fields with values kept', async () => {
  assert.match(html, /id="plan-ED04"/);
  assert.match(html, /id="plan-ED01"/);
  assert.doesNotMatch(html, /id="plan-ED03"/, 'a met indicator needs no plan');
  const officer = await signedIn(t, w.users.officer);
  const bad = await officer.post(`${base}/results/plans/ED04`, { version: '0', action: '', owner: 'กองการศึกษา', dueDate: '31/02/2569', progress: 'in_progress', progressPercent: '150', progressNote: '' });
  assert.equal(bad.status, 422);
  const page = await bad.text();
  assert.match(page, /ระบุสิ่งที่จะดำเนินการเพื่อพัฒนาตัวชี้วัดนี้/);
  assert.match(page, /กำหนดเสร็จ: ไม่มีวันที่นี้ในปฏิทิน/);
  assert.match(page, /กรอกความคืบหน้าเป็นจำนวนเต็ม 0 ถึง 100/);
  assert.match(page, /href="#plan-ED04-action"/);
  assert.match(page, /id="plan-ED04-owner" name="owner" type="text" value="กองการศึกษา"/, 'typed values kept');
  assert.match(page, /id="plan-ED04-dueDate"[^>]*value="31\/02\/2569"/);
  const metPlan = await officer.post(`${base}/results/plans/ED03`, { version: '0', action: 'ทำต่อ', owner: 'กอง', dueDate: '30/09/2569', progress: 'not_started' });
  assert.equal(metPlan.status, 422, 'a met indicator takes no plan');
  assert.match(await metPlan.text(), /ไม่ต้องทำแผนพัฒนา/);
  assert.equal((await officer.post(`${base}/results/plans/NOPE`, { version: '0' })).status, 404);
  assert.equal((await planAudits()).length, 0, 'nothing written');
});

test('improvement plan: saved and audited; a stale version is a conflict that keeps both; only the LAO\'s own people write', async () => {
  const officer = await signedIn(t, w.users.officer);
  const form = { version: '0', action: 'จัดอบรมครูผู้ดูแลเด็กให้ครบทุกคน', owner: 'กองการศึกษา', dueDate: '๓๐/๐๙/๒๕๖๙', progress: 'in_progress', progressPercent: '20', progressNote: 'ติดต่อวิทยากรแล้ว' };
  const saved = await officer.post(`${base}/results/plans/ED04`, form);
  assert.equal(saved.status, 303);
  assert.equal(saved.headers.get('location'), `${base}/results?done=plan#plan-ED04`);
  const stored = await t.deps.db.selectFrom('improvement_plans').selectAll().executeTakeFirstOrThrow();
  assert.equal(stored.due_date, '2026-09-30', 'Thai digits and the Buddhist Era read');
  assert.equal(stored.progress, 'in_progress');
  assert.equal(stored.progress_percent, 20);
  assert.equal(stored.version, 1);
  const [created] = await planAudits();
  assert.equal(created!.action, 'improvement_plan.create');
  assert.equal(created!.actor_user_id, w.users.officer.userId);
  assert.equal((created!.new_value as { action: string }).action, form.action);

  const page = await (await officer.get(`${base}/results?done=plan`)).text();
  assert.match(page, /บันทึกแผนพัฒนาแล้ว/);
  assert.match(page, /จัดอบรมครูผู้ดูแลเด็กให้ครบทุกคน<\/textarea>/);
  assert.match(page, /id="plan-ED04-dueDate"[^>]*value="30\/09\/2569"/);

  // Another officer still holding version 0: nothing overwritten, both shown.
  const other = await signedIn(t, w.users.officer2);
  const stale = await other.post(`${base}/results/plans/ED04`, { ...form, action: 'ส่งครูไปอบรมออนไลน์' });
  assert.equal(stale.status, 409);
  const conflict = await stale.text();
  assert.match(conflict, /มีผู้อื่นบันทึกแผนของตัวชี้วัดนี้ก่อนท่าน/);
  assert.match(conflict, /<dd class="wrap">จัดอบรมครูผู้ดูแลเด็กให้ครบทุกคน<\/dd>/, 'the stored plan shown');
  assert.match(conflict, /ส่งครูไปอบรมออนไลน์<\/textarea>/, 'the typed plan kept');
  assert.match(conflict, /name="version" value="1"/, 'saving again is a deliberate overwrite of what was seen');
  assert.equal((await t.deps.db.selectFrom('improvement_plans').select('action').executeTakeFirstOrThrow()).action, form.action);

  const update = await other.post(`${base}/results/plans/ED04`, { ...form, version: '1', progress: 'done', progressPercent: '100' });
  assert.equal(update.status, 303);
  const audits = await planAudits();
  assert.equal(audits.length, 2);
  assert.equal(audits[1]!.action, 'improvement_plan.update');
  assert.equal((audits[1]!.old_value as { progress: string }).progress, 'in_progress');
  assert.equal((audits[1]!.new_value as { progress: string; version: number }).version, 2);

  // The district office sees the plan but cannot write it; another LAO cannot either.
  const district = await signedIn(t, w.users.district);
  const read = await (await district.get(`${base}/results`)).text();
  assert.match(read, /<dd class="wrap">จัดอบรมครูผู้ดูแลเด็กให้ครบทุกคน<\/dd>/);
  assert.match(read, /ดำเนินการแล้วเสร็จ/);
  assert.doesNotMatch(read, /name="action"/);
  assert.equal((await district.post(`${base}/results/plans/ED04`, { ...form, version: '2' })).status, 403);
  assert.equal((await (await signedIn(t, w.users.otherOfficer)).post(`${base}/results/plans/ED04`, { ...form, version: '2' })).status, 403);
  assert.equal((await planAudits()).length, 2);
});

test('API: the submission carries each indicator\'s result (indicator, value, target, state)', async () => {
  const token = (await createApiToken(t.deps, w.users.officer.userId, 'results', { actorUserId: null, ip: null, requestId: null })).token;
  const r = await apiClient(t)(token, 'GET', `/rounds/${w.roundId}/submissions/${w.lao.code}`);
  assert.equal(r.status, 200);
  const by = new Map((r.body.results as { indicator: string; state: string }[]).map((x) => [x.indicator, x]));
  assert.deepEqual(by.get('ED04'), { indicator: 'ED04', value: 50, target: 80, state: 'needs_development' });
  assert.deepEqual(by.get('ED03'), { indicator: 'ED03', value: 90, target: 80, state: 'met' });
  assert.deepEqual(by.get('EC04'), { indicator: 'EC04', value: null, target: 50, state: 'no_service' });
  assert.equal(by.get('ED02')?.state, 'missing');
  assert.equal(by.get('ED01')?.state, 'not_done');
  assert.equal(by.has('ED05'), false, 'an indicator for other LAO types is not listed');
});
