import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { insertSubmissions } from '../../src/db/queries/submissions.ts';
import type { SubmissionState } from '../../src/db/schema.ts';
import type { LaoType } from '../../src/domain/org/lao-type.ts';
import { createRound } from '../../src/services/rounds/create-round.ts';
import { createAccount } from '../../src/services/users/create-account.ts';
import { importSmallFramework, openTestRound } from '../authz/world.ts';
import { createLao } from '../support/factories.ts';
import { signedIn } from '../support/submission-pages.ts';
import { Browser, createTestApp, type TestApp } from '../support/web.ts';

// The public list of respondents that completed entry: open to anyone, the same page for everyone (no cookie, no
// session read), cacheable with an ETag from the round's latest submission; only submitted or accepted
// submissions; names of organisations, never of the people who work in them.
let t: TestApp;
let roundId: number;
let draftRoundId: number;
let small: { programmeId: number; frameworkVersionId: number };
const anonymous = () => new Browser(t.app);
const meta = { actorUserId: null, ip: null, requestId: 'test' };

type Lao = { code: string; name: string; type: LaoType; district: string; state: SubmissionState | null };
const laos: Lao[] = [
  { code: '7220601', name: 'องค์การบริหารส่วนตำบลบ้านใหม่', type: 'sao', district: '2206', state: 'accepted' },
  { code: '7220602', name: 'เทศบาลตำบลบ้านใหม่', type: 'subdistrict', district: '2206', state: 'submitted' },
  { code: '7220603', name: 'องค์การบริหารส่วนตำบลคลองน้ำใส', type: 'sao', district: '2206', state: 'in_progress' },
  { code: '7220101', name: 'เทศบาลตำบลกกกอก', type: 'subdistrict', district: '2201', state: 'awaiting_approval' },
  { code: '7220102', name: 'องค์การบริหารส่วนตำบลขุนซ่อง', type: 'sao', district: '2201', state: 'returned' },
  { code: '7220103', name: 'องค์การบริหารส่วนตำบลพลวง', type: 'sao', district: '2201', state: 'submitted' },
  { code: '7200101', name: 'เทศบาลตำบลหนองรี', type: 'subdistrict', district: '2001', state: 'submitted' },
  { code: '7200102', name: 'องค์การบริหารส่วนตำบลเขาคันทรง', type: 'sao', district: '2001', state: null },
];
const listed = laos.filter((l) => l.state === 'submitted' || l.state === 'accepted');
const hidden = laos.filter((l) => !listed.includes(l));
// People with names, e-mails and user names nobody else has: none of it may reach the public page.
const officers = [
  { name: 'สมปองพิเศษ ไม่ควรปรากฏ', email: 'sompong.unlisted@example.go.th', username: 'sompong.unlisted', role: 'lao_executive' as const },
  { name: 'วิไลลักษณ์ ลับเฉพาะ', email: 'wilailak.private@example.go.th', username: 'wilailak.private', role: 'lao_officer' as const },
];

before(async () => {
  t = await createTestApp();
  const units = new Map<string, number>();
  for (const l of laos) units.set(l.code, (await createLao(t.deps.db, { code: l.code, nameTh: l.name, laoType: l.type, districtCode: l.district })).id);
  const people: string[] = [];
  for (const [i, o] of officers.entries()) {
    people.push(await createAccount(t.deps, { ...o, password: 'correct horse battery staple', orgUnitId: units.get(listed[i]!.code)! }, meta));
  }
  small = await importSmallFramework(t);
  const { programmeId, frameworkVersionId } = small;
  roundId = await openTestRound(t, programmeId, frameworkVersionId, 2568);
  const now = t.clock.now().getTime();
  await insertSubmissions(t.deps.db, roundId, laos.filter((l) => l.state).map((l, i) => ({
    orgUnitId: units.get(l.code)!, state: l.state!, startedAt: new Date(now - 5 * 86400_000),
    submittedAt: ['submitted', 'accepted', 'returned'].includes(l.state!) ? new Date(now - (i + 1) * 3600_000) : null, submittedBy: people[i % people.length]!,
  })));
  draftRoundId = (await createRound(t.deps, null, {
    programmeId, frameworkVersionId, title: 'รอบร่าง', fiscalYear: 2590, quarter: null, opensAt: new Date(now), dueAt: new Date(now + 86400_000),
    lateUntil: new Date(now + 86400_000), editClosesAt: new Date(now + 86400_000), laoTypes: null, provinceCodes: null, excludedProvinceCodes: [],
  }, meta)).roundId;
});
after(() => t.close());

const path = (query = '') => `/public/rounds/${roundId}/respondents${query}`;
const namesIn = (html: string) => [...html.matchAll(/<td data-label="หน่วยงาน" class="pl-name">([^<]+)<\/td>/g)].map((m) => m[1]);
const num = (s: string | undefined) => Number((s ?? '').replace(/,/g, ''));
function countsIn(html: string) {
  const overall = /<span class="result-count-n">([\d,]+)<\/span> <span>หน่วยส่งข้อมูลแล้ว จาก ([\d,]+) หน่วยที่ต้องส่ง/.exec(html);
  const filtered = /ตามเงื่อนไขที่เลือก:<\/strong> ส่งแล้ว ([\d,]+) จาก ([\d,]+) หน่วย/.exec(html);
  return { overall: [num(overall?.[1]), num(overall?.[2])], filtered: filtered ? [num(filtered[1]), num(filtered[2])] : null };
}
/** The same counts straight from the tables, written differently from the page's query. */
async function sqlCounts(f: { province?: string; district?: string; type?: string; name?: string } = {}): Promise<number[]> {
  const r = await sql<{ completed: number; expected: number }>`
    select count(*) filter (where s.state in ('submitted', 'accepted'))::int as completed, count(*)::int as expected
    from round_respondents rr join org_units u on u.id = rr.org_unit_id
    left join submissions s on s.round_id = rr.round_id and s.org_unit_id = rr.org_unit_id
    where rr.round_id = ${roundId} and (${f.province ?? null}::text is null or left(u.district_code, 2) = ${f.province ?? null})
      and (${f.district ?? null}::text is null or u.district_code = ${f.district ?? null}) and (${f.type ?? null}::text is null or u.lao_type = ${f.type ?? null})
      and (${f.name ?? null}::text is null or strpos(u.name_th, ${f.name ?? null}) > 0)`.execute(t.deps.db);
  return [r.rows[0]!.completed, r.rows[0]!.expected];
}

test('shows who sent (submitted or accepted), in Thai order, with the time in the Buddhist Era — never who is still entering or was sent back', async () => {
  const res = await anonymous().get(path());
  assert.equal(res.status, 200);
  const html = await res.text();
  const names = namesIn(html);
  assert.deepEqual([...names].sort(), listed.map((l) => l.name).sort());
  for (const l of hidden) assert.ok(!html.includes(l.name), `${l.name} (${l.state}) is not listed`);
  // ICU Thai order by name: เทศบาล… (sorted under ท, its leading vowel set aside) before องค์การ… (อ), which code-point
  // order would reverse.
  assert.deepEqual(names, ['เทศบาลตำบลบ้านใหม่', 'เทศบาลตำบลหนองรี', 'องค์การบริหารส่วนตำบลบ้านใหม่', 'องค์การบริหารส่วนตำบลพลวง']);
  assert.match(html, new RegExp(`<td data-label="ส่งข้อมูลเมื่อ" class="date pl-date">\\d{1,2} [^<]+ 25\\d\\d \\d\\d\\.\\d\\d น\\.</td>`));
  assert.deepEqual(countsIn(html).overall, await sqlCounts());
  assert.equal(countsIn(html).filtered, null, 'no second count without a filter');
});

test('no personal data of officers: no name, e-mail or user name on the page, signed in or not', async () => {
  const asAnyone = await (await anonymous().get(path())).text();
  const executive = await signedIn(t, { username: officers[0]!.username, password: 'correct horse battery staple' });
  const asOfficer = await (await executive.get(path())).text();
  assert.equal(asOfficer, asAnyone, 'the same page for everyone');
  for (const o of officers) for (const v of [o.name, o.name.split(' ')[0]!, o.email, o.username]) assert.ok(!asAnyone.includes(v), v);
  assert.doesNotMatch(asAnyone, /@example\.go\.th|ออกจากระบบ/);
});

test('search, province, district and type narrow the list, and every count equals a direct count of the tables', async () => {
  const cases: { query: string; f: Parameters<typeof sqlCounts>[0]; names: string[] }[] = [
    { query: '?province=20', f: { province: '20' }, names: ['เทศบาลตำบลหนองรี'] },
    { query: '?province=22&district=2206', f: { district: '2206' }, names: ['เทศบาลตำบลบ้านใหม่', 'องค์การบริหารส่วนตำบลบ้านใหม่'] },
    { query: '?district=2201', f: { district: '2201' }, names: ['องค์การบริหารส่วนตำบลพลวง'] },
    { query: '?type=sao', f: { type: 'sao' }, names: ['องค์การบริหารส่วนตำบลบ้านใหม่', 'องค์การบริหารส่วนตำบลพลวง'] },
    { query: `?q=${encodeURIComponent('บ้านใหม่')}`, f: { name: 'บ้านใหม่' }, names: ['เทศบาลตำบลบ้านใหม่', 'องค์การบริหารส่วนตำบลบ้านใหม่'] },
    { query: `?q=${encodeURIComponent('  บ้าน   ใหม่ ')}`, f: { name: 'บ้านใหม่' }, names: ['เทศบาลตำบลบ้านใหม่', 'องค์การบริหารส่วนตำบลบ้านใหม่'] },
    { query: `?q=${encodeURIComponent('อบต.บ้านใหม่')}`, f: { name: 'องค์การบริหารส่วนตำบลบ้านใหม่' }, names: ['องค์การบริหารส่วนตำบลบ้านใหม่'] },
    { query: `?q=${encodeURIComponent('คลอง')}`, f: { name: 'คลอง' }, names: [] },
    { query: `?q=${encodeURIComponent('บ้านใหม่')}&province=22&type=subdistrict`, f: { name: 'บ้านใหม่', province: '22', type: 'subdistrict' }, names: ['เทศบาลตำบลบ้านใหม่'] },
    { query: '?q=7220', f: {}, names: ['เทศบาลตำบลบ้านใหม่', 'องค์การบริหารส่วนตำบลบ้านใหม่', 'องค์การบริหารส่วนตำบลพลวง'] },
  ];
  for (const c of cases) {
    const res = await anonymous().get(path(c.query));
    assert.equal(res.status, 200, c.query);
    const html = await res.text();
    assert.deepEqual(namesIn(html), c.names, c.query);
    const counts = countsIn(html);
    assert.deepEqual(counts.overall, await sqlCounts(), c.query);
    if (c.query !== '?q=7220') assert.deepEqual(counts.filtered, await sqlCounts(c.f), c.query);
  }
  // The per-type table within the chosen area.
  const p22 = await (await anonymous().get(path('?province=22'))).text();
  const typeRow = (html: string, label: string) => new RegExp(`>${label}</a></th><td class="num">(\\d+)</td><td class="num">(\\d+)</td>`).exec(html)?.slice(1).map(Number);
  assert.deepEqual(typeRow(p22, 'องค์การบริหารส่วนตำบล'), await sqlCounts({ province: '22', type: 'sao' }));
  assert.deepEqual(typeRow(p22, 'เทศบาลตำบล'), await sqlCounts({ province: '22', type: 'subdistrict' }));
});

test('the selects offer only what the round has: its provinces, and the districts of the chosen province', async () => {
  const options = (html: string, name: string) => {
    const select = new RegExp(`<select id="${name}" name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1];
    return select === undefined ? null : [...select.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]);
  };
  const all = await (await anonymous().get(path())).text();
  assert.deepEqual(options(all, 'province')?.sort(), ['', '20', '22']);
  assert.equal(options(all, 'district'), null, 'no district select before a province is chosen');
  assert.deepEqual(options(all, 'type')?.sort(), ['', 'sao', 'subdistrict']);
  const p22 = await (await anonymous().get(path('?province=22'))).text();
  assert.deepEqual(options(p22, 'district')?.sort(), ['', '2201', '2206']);
  assert.match(p22, /<option value="22" selected="">/);
});

test('odd or hostile query strings get a Thai message or are ignored — never an error', async () => {
  const long = 'ก'.repeat(10_000);
  const cases: [string, RegExp | null][] = [
    [`?q=${encodeURIComponent(long)}`, /คำค้นยาวเกิน 100 ตัวอักษร/],
    ['?province=99', /ไม่พบจังหวัดที่เลือกในรอบนี้/],
    ['?province=20&district=2206', /อำเภอที่เลือกไม่อยู่ในจังหวัดนี้/],
    ['?district=9999', /ไม่พบอำเภอที่เลือกในรอบนี้/],
    ['?type=pao', /ไม่มีประเภท อปท. ที่เลือกในรอบนี้/],
    ['?type=<script>', null], ['?province=%00', null], ['?page=abc', null], ['?page=-1', null], ['?page=99999999999', null], ['?page=500', null],
    ['?q=%25', null], ['?q=_', null], ['?q=%5C', null], [`?province=${'9'.repeat(10_000)}`, null], ['?province=22&province=20', null], ['?q=%E0%B8', null],
  ];
  for (const [query, message] of cases) {
    const res = await anonymous().get(path(query));
    assert.equal(res.status, 200, query.slice(0, 30));
    const html = await res.text();
    if (message) assert.match(html, message, query.slice(0, 30));
    assert.doesNotMatch(html, /<script>/);
  }
  assert.deepEqual(namesIn(await (await anonymous().get(path('?q=%25'))).text()), [], '% is a character, not a wildcard');
  assert.equal(namesIn(await (await anonymous().get(path('?page=500'))).text()).length, listed.length, 'past the end: the last page');
});

test('a draft round has no list (404); nor does an unknown one', async () => {
  for (const p of [`/public/rounds/${draftRoundId}/respondents`, '/public/rounds/999999/respondents', '/public/rounds/abc/respondents', '/public/rounds/1e3/respondents']) {
    assert.equal((await anonymous().get(p)).status, 404, p);
  }
  const index = await (await anonymous().get('/public/rounds')).text();
  assert.match(index, new RegExp(`href="${path()}"`));
  assert.doesNotMatch(index, /รอบร่าง/);
  assert.match(index, new RegExp(`${listed.length} / ${laos.length}`));
});

test('cacheable: public, short-lived, no cookie; a 304 while nothing was sent, a new page once something is', async () => {
  const first = await anonymous().get(path('?province=22'));
  assert.equal(first.headers.get('cache-control'), 'public, max-age=60');
  assert.equal(first.headers.get('set-cookie'), null);
  const etag = first.headers.get('etag');
  assert.match(etag ?? '', /^W\/"[\w-]+"$/);
  const again = await anonymous().get(path('?province=22'), { 'if-none-match': etag! });
  assert.equal(again.status, 304);
  assert.equal(await again.text(), '');
  assert.equal(again.headers.get('etag'), etag);
  assert.equal((await anonymous().get(path('?province=20'), { 'if-none-match': etag! })).status, 200, 'another view, another tag');
  for (const p of ['/public/rounds', path()]) {
    const res = await anonymous().get(p);
    assert.equal(res.headers.get('set-cookie'), null, p);
    assert.match(res.headers.get('cache-control') ?? '', /^public, max-age=\d+$/);
    assert.equal((await anonymous().get(p, { 'if-none-match': res.headers.get('etag')! })).status, 304, p);
  }
  // The LAO still entering sends: the list changes, and so does its tag.
  await sql`update submissions set state = 'submitted', submitted_at = now() where org_unit_id = (select id from org_units where code = '7220603')`.execute(t.deps.db);
  const changed = await anonymous().get(path('?province=22'), { 'if-none-match': etag! });
  assert.equal(changed.status, 200);
  assert.ok(namesIn(await changed.text()).includes('องค์การบริหารส่วนตำบลคลองน้ำใส'));
  // A return takes it off again (the count drops, so the tag changes even though no one sent anything).
  const before = (await anonymous().get(path('?province=22'))).headers.get('etag')!;
  await sql`update submissions set state = 'returned' where org_unit_id = (select id from org_units where code = '7220603')`.execute(t.deps.db);
  assert.equal((await anonymous().get(path('?province=22'), { 'if-none-match': before })).status, 200);
  // The app keeps each rendered list by its tag: a reader with no tag of its own gets the page of now, not the one
  // rendered before the change.
  assert.ok(!namesIn(await (await anonymous().get(path('?province=22'))).text()).includes('องค์การบริหารส่วนตำบลคลองน้ำใส'));
  await sql`update submissions set state = 'submitted' where org_unit_id = (select id from org_units where code = '7220603')`.execute(t.deps.db);
  assert.ok(namesIn(await (await anonymous().get(path('?province=22'))).text()).includes('องค์การบริหารส่วนตำบลคลองน้ำใส'));
});

test('the home page links anonymous visitors to the public list', async () => {
  const home = await (await anonymous().get('/')).text();
  assert.match(home, /href="\/public\/rounds"/);
});

test('100 a page, in the same Thai order as the database sorts names, with links that keep the filters', async () => {
  const { programmeId, frameworkVersionId } = small;
  const syllables = ['กก', 'ขุน', 'ค่าย', 'เกาะ', 'แก่ง', 'โคก', 'ใหม่', 'ไผ่', 'บ่อ', 'ฤๅษี', 'หนอง'];
  const ids: number[] = [];
  for (let i = 0; i < 105; i++) {
    const name = `องค์การบริหารส่วนตำบล${syllables[i % syllables.length]}${syllables[(i * 7) % syllables.length]}${i}`;
    ids.push((await createLao(t.deps.db, { code: String(7300000 + i), nameTh: name, laoType: 'sao', districtCode: '2001' })).id);
  }
  const many = await openTestRound(t, programmeId, frameworkVersionId, 2591);
  await insertSubmissions(t.deps.db, many, ids.map((orgUnitId) => ({ orgUnitId, state: 'submitted', startedAt: new Date(), submittedAt: new Date(), submittedBy: null })));
  const query = `?province=20&type=sao&q=${encodeURIComponent('อบต.')}`;
  const first = await (await anonymous().get(`/public/rounds/${many}/respondents${query}`)).text();
  const second = await (await anonymous().get(`/public/rounds/${many}/respondents${query}&page=2`)).text();
  assert.match(first, /หน้า 1 จาก 2/);
  assert.match(first, /href="\/public\/rounds\/\d+\/respondents\?q=%E0%B8%AD%E0%B8%9A%E0%B8%95\.&amp;province=20&amp;type=sao&amp;page=2"/);
  const shown = [...namesIn(first), ...namesIn(second)];
  assert.equal(namesIn(first).length, 100);
  const expected = await sql<{ name: string }>`
    select u.name_th as name from submissions s join org_units u on u.id = s.org_unit_id
    where s.round_id = ${many} and u.lao_type = 'sao' and u.province_code = '20' order by u.name_th`.execute(t.deps.db);
  assert.deepEqual(shown, expected.rows.map((r) => r.name));
  assert.notDeepEqual(shown, [...shown].sort(), 'ICU order is not code-point order for these names');
});
