import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { loadConfig } from '../../src/config.ts';
import type { Actor } from '../../src/domain/access/actor.ts';
import { loadActor } from '../../src/services/access/load-actor.ts';
import { listEvidence, evidenceFor } from '../../src/services/evidence/list-evidence.ts';
import { createStorage, LocalStorage, S3Storage, signV4, type Storage } from '../../src/services/evidence/storage.ts';
import { EvidenceBlock, evidenceFeedback } from '../../src/web/routes/evidence/component.tsx';
import { importSmallFramework, openTestRound } from '../authz/world.ts';
import { createLao, createUserWithRole, type TestUser } from '../support/factories.ts';
import { Browser, createTestApp, testOrigin, type TestApp } from '../support/web.ts';
import { startFakeS3 } from './fake-s3.ts';
import { sampleDocx, sampleExe, sampleHtml, samplePdf, samplePng, sampleXlsx, zipBombXlsx } from './sample-files.ts';

// Evidence end to end on real PostgreSQL: upload → list → preview headers → remove, the limits, who may do what,
// and the S3 storage against a small fake S3 that checks each request's signature.

const mb = 1024 * 1024;
let t: TestApp;
let dataDir: string;
let roundId: number;
const laoA = '5220601';
const laoB = '6220602';
const users = {} as Record<'officerA' | 'officerB' | 'district' | 'province', TestUser & { browser: Browser; actor: Actor }>;

before(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'matrathan-evidence-'));
  t = await createTestApp({ DATA_DIR: dataDir, EVIDENCE_MAX_FILE_MB: '1', EVIDENCE_MAX_SUBMISSION_MB: '2.5' });
  await createLao(t.deps.db, { code: laoA, nameTh: 'เทศบาลตำบลเอ', laoType: 'subdistrict', districtCode: '2206' });
  await createLao(t.deps.db, { code: laoB, nameTh: 'องค์การบริหารส่วนตำบลบี', laoType: 'sao', districtCode: '2206' });
  const { programmeId, frameworkVersionId } = await importSmallFramework(t);
  roundId = await openTestRound(t, programmeId, frameworkVersionId, 2568);
  const make = async (role: 'lao_officer' | 'district_office' | 'province_office', unit: string) => {
    const u = await createUserWithRole(t.deps, role, unit);
    const browser = new Browser(t.app);
    assert.equal((await browser.signIn(u.username, u.password)).status, 303);
    return { ...u, browser, actor: (await loadActor(t.deps.db, u.userId))! };
  };
  users.officerA = await make('lao_officer', laoA);
  users.officerB = await make('lao_officer', laoB);
  users.district = await make('district_office', '2206');
  users.province = await make('province_office', '22');
});
after(async () => {
  await t.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

const base = (lao = laoA) => `/rounds/${roundId}/submissions/${lao}/evidence`;
const back = () => `/rounds/${roundId}/submissions/${laoA}/sections/F1-S1`;

async function upload(who: Browser, file: { bytes: Buffer; name: string } | null, fields: Record<string, string> = { indicatorCode: 'A3-01' }, lao = laoA): Promise<Response> {
  const form = new FormData();
  form.set('_csrf', who.csrf());
  form.set('back', back());
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file) form.set('file', new File([new Uint8Array(file.bytes)], file.name));
  return t.app.request(base(lao), { method: 'POST', body: form, headers: { cookie: who.cookieHeader(), origin: testOrigin } });
}
const outcome = (res: Response) => {
  assert.equal(res.status, 303, `status ${res.status}`);
  const url = new URL(res.headers.get('location')!, testOrigin);
  return { path: url.pathname, error: url.searchParams.get('evidence_error'), done: url.searchParams.get('evidence_done'), for: url.searchParams.get('evidence_for'), hash: url.hash };
};
const liveRows = (lao = laoA) => t.deps.db.selectFrom('evidence').innerJoin('submissions', 'submissions.id', 'evidence.submission_id').innerJoin('org_units', 'org_units.id', 'submissions.org_unit_id')
  .selectAll('evidence').where('org_units.code', '=', lao).where('evidence.removed_at', 'is', null).orderBy('evidence.id').execute();
async function storedFiles(): Promise<string[]> {
  const dir = path.join(dataDir, 'evidence');
  return (await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])).filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name));
}
async function removeAll(lao = laoA) {
  await t.deps.db.updateTable('evidence').set({ removed_at: new Date() }).where('removed_at', 'is', null)
    .where('submission_id', 'in', t.deps.db.selectFrom('submissions').innerJoin('org_units', 'org_units.id', 'submissions.org_unit_id').select('submissions.id').where('org_units.code', '=', lao)).execute();
}

test('upload → list → preview with safe headers → remove, each audited; the file lives under DATA_DIR/evidence by a random key', async () => {
  const pdf = samplePdf(1000);
  const res = await upload(users.officerA.browser, { bytes: pdf, name: 'รายงาน งบประมาณ "ปี 68".pdf' });
  const o = outcome(res);
  assert.deepEqual([o.path, o.done, o.error, o.for, o.hash], [back(), 'uploaded', null, 'indicator:A3-01', '#evidence-indicator-A3-01']);

  const [row] = await liveRows();
  assert.ok(row);
  assert.equal(row.file_name, 'รายงาน งบประมาณ ปี 68.pdf');
  assert.equal(row.content_type, 'application/pdf');
  assert.equal(row.size_bytes, pdf.length);
  assert.equal(row.sha256, crypto.createHash('sha256').update(pdf).digest('hex'));
  assert.match(row.storage_key, /^evidence\/[0-9a-f]{2}\/[0-9a-f]{32}$/);
  const files = await storedFiles();
  assert.deepEqual(files, [path.join(dataDir, ...row.storage_key.split('/'))]);
  assert.deepEqual(await fs.readFile(files[0]!), pdf);
  const submission = await t.deps.db.selectFrom('submissions').select(['id', 'state', 'version']).where('id', '=', row.submission_id).executeTakeFirstOrThrow();
  assert.equal(submission.state, 'in_progress', 'the first upload starts the submission');
  assert.equal(submission.version, 0, 'no answer saved yet: a reader that saw no submission (version 0) can still save');
  const audit = await t.deps.db.selectFrom('audit_events').select(['action', 'entity_id', 'actor_user_id']).where('action', 'in', ['submission.start', 'evidence.upload']).orderBy('id').execute();
  assert.deepEqual(audit.map((a) => [a.action, a.actor_user_id]), [['submission.start', users.officerA.userId], ['evidence.upload', users.officerA.userId]]);

  const list = await listEvidence(t.deps, users.officerA.actor, { roundId, orgUnitCode: laoA });
  assert.equal(list.canEdit, true);
  assert.deepEqual(evidenceFor(list.items, { indicatorCode: 'A3-01' }).map((i) => i.id), [row.id]);
  assert.deepEqual(evidenceFor(list.items, { fieldKey: 'budget_total' }), []);

  const inline = await users.officerA.browser.get(`${base()}/${row.id}?inline=1`);
  assert.equal(inline.status, 200);
  assert.equal(inline.headers.get('content-type'), 'application/pdf');
  assert.equal(inline.headers.get('content-disposition'), `inline; filename="evidence-${row.id}.pdf"; filename*=UTF-8''${encodeURIComponent('รายงาน งบประมาณ ปี 68.pdf')}`);
  assert.equal(inline.headers.get('x-content-type-options'), 'nosniff');
  assert.match(inline.headers.get('content-security-policy') ?? '', /^sandbox;.*default-src 'none'/);
  assert.match(inline.headers.get('cache-control') ?? '', /no-store/);
  assert.deepEqual(Buffer.from(await inline.arrayBuffer()), pdf);
  const download = await users.officerA.browser.get(`${base()}/${row.id}`);
  assert.match(download.headers.get('content-disposition') ?? '', /^attachment; /);

  const removed = outcome(await users.officerA.browser.post(`${base()}/${row.id}/remove`, { back: back(), indicatorCode: 'A3-01' }));
  assert.deepEqual([removed.done, removed.for], ['removed', 'indicator:A3-01']);
  assert.deepEqual(await liveRows(), []);
  const gone = await t.deps.db.selectFrom('evidence').select('removed_at').where('id', '=', row.id).executeTakeFirstOrThrow();
  assert.ok(gone.removed_at, 'soft delete: the row stays with removed_at');
  assert.equal((await storedFiles()).length, 1, 'the bytes stay for the audit trail');
  const removeAudit = await t.deps.db.selectFrom('audit_events').select(['old_value']).where('action', '=', 'evidence.remove').where('entity_id', '=', String(row.id)).executeTakeFirstOrThrow();
  assert.equal((removeAudit.old_value as { fileName: string }).fileName, row.file_name);
  assert.equal((await users.officerA.browser.get(`${base()}/${row.id}`)).status, 404, 'a removed file is no longer served');
  assert.equal((await users.officerA.browser.post(`${base()}/${row.id}/remove`, { back: back() })).status, 404, 'nor removed twice');
});

test('images preview inline with their own type; DOCX and XLSX are always attachments; a field can carry evidence too', async () => {
  const png = outcome(await upload(users.officerA.browser, { bytes: samplePng(), name: 'ภาพ.png' }, { fieldKey: 'has_plan' }));
  assert.deepEqual([png.done, png.for], ['uploaded', 'field:has_plan']);
  const docx = outcome(await upload(users.officerA.browser, { bytes: sampleDocx(), name: 'หนังสือ.docx' }));
  assert.equal(docx.done, 'uploaded');
  const rows = await liveRows();
  const pngRow = rows.find((r) => r.field_key === 'has_plan')!;
  const docxRow = rows.find((r) => r.content_type.includes('wordprocessingml'))!;
  const img = await users.officerA.browser.get(`${base()}/${pngRow.id}?inline=1`);
  assert.equal(img.headers.get('content-type'), 'image/png');
  assert.match(img.headers.get('content-disposition')!, /^inline; /);
  const word = await users.officerA.browser.get(`${base()}/${docxRow.id}?inline=1`);
  assert.equal(word.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  assert.match(word.headers.get('content-disposition')!, /^attachment; filename="evidence-\d+\.docx"/);
  await removeAll();
});

test('refused by content, whatever the name: a program renamed .pdf, HTML named .png, a zip bomb named .xlsx; nothing is kept', async () => {
  const before = await storedFiles();
  const cases: [Buffer, string, string][] = [
    [sampleExe(), 'report.pdf', 'unknown'],
    [sampleHtml(), 'photo.png', 'unknown'],
    [zipBombXlsx(120), 'budget.xlsx', 'too_large_unpacked'],
    [samplePng(), 'scan.pdf', 'extension_mismatch'],
    [samplePdf().subarray(0, 60), 'cut.pdf', 'damaged'],
    [Buffer.alloc(0), 'empty.pdf', 'empty'],
  ];
  for (const [bytes, name, code] of cases) {
    const o = outcome(await upload(users.officerA.browser, { bytes, name }));
    assert.equal(o.error, code, name);
    const page = evidenceFeedback({ evidence_error: o.error!, evidence_for: o.for! }, { indicatorCode: 'A3-01' });
    assert.match(page.error ?? '', /[\u0E00-\u0E7F]/, 'the page gets a Thai message for it');
  }
  assert.equal(outcome(await upload(users.officerA.browser, null)).error, 'no_file');
  assert.equal(outcome(await upload(users.officerA.browser, { bytes: samplePdf(), name: 'a.pdf' }, {})).error, 'no_target');
  assert.equal(outcome(await upload(users.officerA.browser, { bytes: samplePdf(), name: 'a.pdf' }, { indicatorCode: 'Z9-99' })).error, 'unknown_target');
  assert.equal(outcome(await upload(users.officerA.browser, { bytes: samplePdf(), name: 'a.pdf' }, { fieldKey: 'no_such_field' })).error, 'unknown_target');
  assert.equal(outcome(await upload(users.officerA.browser, { bytes: samplePdf(), name: 'a.pdf' }, { indicatorCode: 'A3-01', fieldKey: 'has_plan' })).error, 'no_target');
  assert.deepEqual(await liveRows(), []);
  assert.deepEqual(await storedFiles(), before, 'no object is left behind by a refused upload');
});

test('limits: per file (1 MB here) and per submission (2.5 MB here), counting only files not removed', async () => {
  assert.equal(outcome(await upload(users.officerA.browser, { bytes: samplePdf(mb), name: 'big.pdf' })).error, 'file_too_large');
  for (let i = 0; i < 2; i++) assert.equal(outcome(await upload(users.officerA.browser, { bytes: samplePdf(0.9 * mb), name: `part${i}.pdf` })).done, 'uploaded');
  const stored = (await storedFiles()).length;
  assert.equal(outcome(await upload(users.officerA.browser, { bytes: samplePdf(0.9 * mb), name: 'part2.pdf' })).error, 'submission_full');
  assert.equal((await storedFiles()).length, stored, 'the bytes stored before the total was checked are deleted again');
  const [first] = await liveRows();
  outcome(await users.officerA.browser.post(`${base()}/${first!.id}/remove`, { back: back() }));
  assert.equal(outcome(await upload(users.officerA.browser, { bytes: samplePdf(0.9 * mb), name: 'part2.pdf' })).done, 'uploaded', 'room again after a removal');
  await removeAll();
});

test('once submitted, nothing can be added or removed; the office above may look but not upload; another LAO is refused', async () => {
  const b = users.officerB.browser;
  assert.equal(outcome(await upload(b, { bytes: sampleXlsx(), name: 'ตาราง.xlsx' }, { indicatorCode: 'A3-01' }, laoB)).done, 'uploaded');
  const [row] = await liveRows(laoB);
  await t.deps.db.updateTable('submissions').set({ state: 'submitted' }).where('id', '=', row!.submission_id).execute();
  assert.equal(outcome(await upload(b, { bytes: samplePdf(), name: 'late.pdf' }, { indicatorCode: 'A3-01' }, laoB)).error, 'not_editable');
  assert.equal(outcome(await b.post(`${base(laoB)}/${row!.id}/remove`, { back: back(), indicatorCode: 'A3-01' })).error, 'not_editable');
  assert.equal((await listEvidence(t.deps, users.officerB.actor, { roundId, orgUnitCode: laoB })).canEdit, false);
  assert.equal((await b.get(`${base(laoB)}/${row!.id}`)).status, 200, 'still readable');

  // LAO B's officer and LAO A's evidence
  assert.equal((await upload(b, { bytes: samplePdf(), name: 'x.pdf' })).status, 403);
  assert.equal((await upload(users.officerA.browser, { bytes: samplePdf(), name: 'x.pdf' }, { indicatorCode: 'A3-01' }, laoB)).status, 403);
  assert.equal((await users.officerA.browser.get(`${base(laoB)}/${row!.id}`)).status, 403);
  assert.equal((await users.officerA.browser.post(`${base(laoB)}/${row!.id}/remove`, { back: back() })).status, 403);
  // the id of B's file asked for under A's unit is not found, whoever asks
  assert.equal((await users.officerA.browser.get(`${base(laoA)}/${row!.id}`)).status, 404);

  // the district office above both
  assert.equal((await users.district.browser.get(`${base(laoB)}/${row!.id}?inline=1`)).status, 200);
  assert.equal((await upload(users.district.browser, { bytes: samplePdf(), name: 'x.pdf' }, { indicatorCode: 'A3-01' }, laoB)).status, 403);
  assert.equal((await users.district.browser.post(`${base(laoB)}/${row!.id}/remove`, { back: back() })).status, 403);
  assert.equal((await listEvidence(t.deps, users.district.actor, { roundId, orgUnitCode: laoB })).canEdit, false);
  assert.equal((await users.province.browser.get(`${base(laoB)}/${row!.id}`)).status, 200);

  // units that are not respondents, bad ids, unknown rounds
  assert.equal((await users.district.browser.get(`/rounds/${roundId}/submissions/no-such-unit/evidence/1`)).status, 404);
  assert.equal((await users.district.browser.get(`${base(laoB)}/abc`)).status, 404);
  assert.equal((await users.district.browser.get(`/rounds/999999/submissions/${laoB}/evidence/${row!.id}`)).status, 404);
});

test('after the entry window closes, uploads are refused with the reason', async () => {
  const now = t.clock.now();
  t.clock.advance(60 * 24 * 60 * 60 * 1000);
  try {
    assert.equal(outcome(await upload(users.officerA.browser, { bytes: samplePdf(), name: 'late.pdf' })).error, 'past_deadline');
    assert.equal((await listEvidence(t.deps, users.officerA.actor, { roundId, orgUnitCode: laoA })).canEdit, false);
  } finally {
    t.clock.set(now);
  }
});

test('the way back must be a path under /rounds/ on this site', async () => {
  const post = (backPath: string) => users.officerA.browser.post(base(), { back: backPath, indicatorCode: 'A3-01' });
  for (const bad of ['https://evil.example/rounds/1', '//evil.example/rounds/1', '/rounds/../admin/register', '/\\evil.example', '/admin/register', 'javascript:alert(1)']) {
    const o = outcome(await post(bad));
    assert.equal(o.path, `/rounds/${roundId}`, bad);
  }
  const kept = outcome(await post(`${back()}?part=F1&evidence_error=forged#top`));
  assert.equal(kept.path, back());
  assert.equal(kept.error, 'no_file', 'our outcome replaces whatever was in the query');
});

test('a malformed multipart body is answered with a redirect, never a 500', async () => {
  const res = await t.app.request(base(), {
    method: 'POST', body: `--x\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${users.officerA.browser.csrf()}\r\n--x\r\nbroken`,
    headers: { cookie: users.officerA.browser.cookieHeader(), origin: testOrigin, 'content-type': 'multipart/form-data; boundary=x' },
  });
  assert.ok(res.status < 500, `status ${res.status}`);
});

test('EvidenceBlock: the list, the upload form with its hint and error, and no form for those who may only look', () => {
  const items = [{ id: 7, indicatorCode: 'A3-01', fieldKey: null, fileName: 'ภาพ <b>.png', contentType: 'image/png', sizeBytes: 2048, uploadedAt: new Date('2025-08-01T03:00:00Z'), uploaderName: 'สมชาย' }];
  const html = String(EvidenceBlock({ csrf: 'tok', roundId: 3, orgUnitCode: '5220601', indicatorCode: 'A3-01', items, canEdit: true, error: 'ไฟล์ใหญ่เกิน 10 MB', back: '/rounds/3/x' }));
  assert.match(html, /enctype="multipart\/form-data"/);
  assert.match(html, /action="\/rounds\/3\/submissions\/5220601\/evidence"/);
  assert.match(html, /href="\/rounds\/3\/submissions\/5220601\/evidence\/7\?inline=1"/);
  assert.match(html, /action="\/rounds\/3\/submissions\/5220601\/evidence\/7\/remove"/);
  assert.match(html, /PDF, PNG, JPEG, DOCX หรือ XLSX ไฟล์ละไม่เกิน 10 MB/);
  assert.match(html, /class="error-message"[^>]*>ไฟล์ใหญ่เกิน 10 MB/);
  assert.match(html, /name="_csrf" value="tok"/);
  assert.match(html, /name="back" value="\/rounds\/3\/x"/);
  assert.ok(html.includes('ภาพ &lt;b&gt;.png'), 'file names are escaped');
  const readOnly = String(EvidenceBlock({ csrf: 'tok', roundId: 3, orgUnitCode: '5220601', fieldKey: 'has_plan', items: [], canEdit: false }));
  assert.doesNotMatch(readOnly, /<form/);
  assert.match(readOnly, /ยังไม่ได้แนบหลักฐาน/);
  assert.deepEqual(evidenceFeedback({ evidence_done: 'uploaded', evidence_for: 'field:has_plan' }, { fieldKey: 'has_plan' }), { notice: 'แนบไฟล์แล้ว' });
  assert.deepEqual(evidenceFeedback({ evidence_error: 'empty', evidence_for: 'field:other' }, { fieldKey: 'has_plan' }), {}, 'another block\u2019s message is not shown here');
  assert.deepEqual(evidenceFeedback({ evidence_error: '<script>', evidence_for: 'field:has_plan' }, { fieldKey: 'has_plan' }), {}, 'only known codes');
});

test('SigV4 signs the AWS documentation example exactly', () => {
  const headers = signV4({
    method: 'GET', url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'), headers: { Range: 'bytes=0-9' },
    payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', at: new Date('2013-05-24T00:00:00Z'),
    region: 'us-east-1', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  });
  assert.equal(headers.authorization, 'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
});

test('S3 storage: configured by S3_*, signed PUT/GET/DELETE against a fake S3, used by uploads and downloads', async () => {
  const s3 = await startFakeS3({ 'test-key-id': 'test-secret-key' });
  const original: Storage = t.deps.storage;
  try {
    assert.ok(original instanceof LocalStorage, 'without S3_ENDPOINT evidence stays on disk');
    assert.throws(() => loadConfig({ S3_ENDPOINT: s3.url }), /S3_BUCKET/);
    const config = loadConfig({ DATA_DIR: dataDir, S3_ENDPOINT: s3.url, S3_BUCKET: 'matrathan-evidence', S3_REGION: 'ap-southeast-1', S3_ACCESS_KEY_ID: 'test-key-id', S3_SECRET_ACCESS_KEY: 'test-secret-key' });
    const storage = createStorage(config);
    assert.ok(storage instanceof S3Storage);

    await storage.put('evidence/ab/direct', Buffer.from('hello'), 'text/plain');
    assert.deepEqual(await storage.get('evidence/ab/direct'), Buffer.from('hello'));
    await storage.delete('evidence/ab/direct');
    assert.equal(await storage.get('evidence/ab/direct'), undefined);
    assert.match(s3.seen[0]!.authorization, /^AWS4-HMAC-SHA256 Credential=test-key-id\/\d{8}\/ap-southeast-1\/s3\/aws4_request,SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date,Signature=[0-9a-f]{64}$/);
    assert.deepEqual(s3.seen.map((s) => `${s.method} ${s.path}`), ['PUT /matrathan-evidence/evidence/ab/direct', 'GET /matrathan-evidence/evidence/ab/direct', 'DELETE /matrathan-evidence/evidence/ab/direct', 'GET /matrathan-evidence/evidence/ab/direct']);
    await assert.rejects(new S3Storage({ ...config.s3!, secretAccessKey: 'wrong' }).put('evidence/ab/x', Buffer.from('x'), 'text/plain'), /403 SignatureDoesNotMatch/);
    await assert.rejects(storage.get('../../etc/passwd'), /invalid storage key/);
    await assert.rejects(new LocalStorage(dataDir).put('evidence/../../x', Buffer.from('x')), /invalid storage key/);

    t.deps.storage = storage;
    const xlsx = sampleXlsx();
    assert.equal(outcome(await upload(users.officerA.browser, { bytes: xlsx, name: 'ตาราง.xlsx' })).done, 'uploaded');
    const [row] = await liveRows();
    assert.deepEqual(s3.objects.get(`/matrathan-evidence/${row!.storage_key}`)?.body, xlsx);
    assert.equal(s3.objects.get(`/matrathan-evidence/${row!.storage_key}`)?.contentType, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const got = await users.officerA.browser.get(`${base()}/${row!.id}`);
    assert.equal(got.status, 200);
    assert.deepEqual(Buffer.from(await got.arrayBuffer()), xlsx);

    // a file changed behind our back in the store is not served
    s3.objects.get(`/matrathan-evidence/${row!.storage_key}`)!.body = Buffer.from('tampered');
    assert.equal((await users.officerA.browser.get(`${base()}/${row!.id}`)).status, 500);
    // an upload refused after its bytes were stored (the submission is full) takes them out of the store again
    for (let i = 0; i < 2; i++) assert.equal(outcome(await upload(users.officerA.browser, { bytes: samplePdf(0.9 * mb), name: `p${i}.pdf` })).done, 'uploaded');
    const count = s3.objects.size;
    assert.equal(outcome(await upload(users.officerA.browser, { bytes: samplePdf(0.9 * mb), name: 'p3.pdf' })).error, 'submission_full');
    assert.equal(s3.objects.size, count);
  } finally {
    t.deps.storage = original;
    await removeAll();
    await s3.close();
  }
});
