import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { importFramework } from '../../src/services/framework/import-framework.ts';
import { changeRoundState } from '../../src/services/rounds/change-round-state.ts';
import { createRound } from '../../src/services/rounds/create-round.ts';
import { saveValues } from '../../src/services/submissions/save-values.ts';
import { buildEntryWorld, meta, type EntryWorld } from '../submissions/support.ts';
import { Browser, createTestApp, testOrigin, type TestApp } from '../support/web.ts';

// Bulk entry through a form's XLSX template: download, fill with ExcelJS, check (nothing saved), import (saved in
// one go, against the version seen at the check), and every bad file or cell refused with its row and column.
let t: TestApp;
let w: EntryWorld;
let officer: Browser;
let base: string;

before(async () => {
  t = await createTestApp();
  w = await buildEntryWorld(t);
  officer = new Browser(t.app);
  assert.equal((await officer.signIn(w.users.officer.username, w.users.officer.password)).status, 303);
  base = `/rounds/${w.roundId}/submissions/${w.lao.code}/forms`;
  // something saved already, so the template comes pre-filled
  const saved = await saveValues(t.deps, w.actors.officer2, { roundId: w.roundId, orgUnitCode: w.lao.code, values: { population: '5230' }, baseVersion: 0 }, meta);
  assert.ok(saved.ok);
});
after(() => t.close());

async function template(formCode: string, browser = officer): Promise<ExcelJS.Workbook> {
  const res = await browser.get(`${base}/${formCode}/template.xlsx`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="8100001-F1\.xlsx"|attachment/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb;
}

const rowOf = (ws: ExcelJS.Worksheet, key: string) => {
  for (let r = 4; r <= ws.rowCount; r++) if (ws.getCell(`A${r}`).value === key) return r;
  throw new Error(`no row for ${key}`);
};

async function upload(formCode: string, bytes: Buffer | Uint8Array, fields: Record<string, string>, fileName = 'แบบ.xlsx', browser = officer) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('_csrf', browser.csrf());
  form.set('file', new Blob([new Uint8Array(bytes)]), fileName);
  const res = await t.app.request(`${base}/${formCode}/upload`, { method: 'POST', body: form, headers: { cookie: browser.cookieHeader(), origin: testOrigin } });
  return { status: res.status, html: await res.text() };
}

const stored = async () => {
  const rows = await t.deps.db.selectFrom('submission_values').select(['field_key', 'value']).execute();
  return Object.fromEntries(rows.map((r) => [r.field_key, r.value]));
};
const versionIn = (html: string) => Number(/name="version" value="(\d+)"/.exec(html)?.[1]);

test('the template: one row per field in the LAO type\u2019s words, keys hidden in column A, saved values pre-filled, lists for choices', async () => {
  const wb = await template('F1');
  assert.equal(wb.worksheets.length, 1);
  const ws = wb.worksheets[0]!;
  assert.match(String(ws.getCell('A1').value), /^matrathan:form-template:v1\|odloc-2568\|F1\|8100001$/);
  assert.equal(ws.getColumn(1).hidden, true);
  assert.deepEqual((ws.getRow(3).values as unknown[]).slice(1), ['key', 'ส่วน', 'ข้อมูล', 'ค่า', 'หน่วย', 'วิธีกรอก']);
  const population = rowOf(ws, 'population');
  assert.equal(ws.getCell(`C${population}`).value, 'จำนวนประชากรตามทะเบียนราษฎร');
  assert.equal(ws.getCell(`D${population}`).value, 5230);
  assert.equal(ws.getCell(`E${population}`).value, 'คน');
  assert.match(String(ws.getCell(`F${population}`).value), /จำนวนเต็ม.*ต้องกรอก/);
  assert.equal(ws.getCell(`C${rowOf(ws, 'area_km2')}`).value, 'พื้นที่ของเทศบาล', 'labels resolved for a เทศบาลตำบล');
  assert.throws(() => rowOf(ws, 'districts_covered'), 'a field for อบจ. only is left out');
  assert.equal(ws.getCell(`C${population}`).font?.name, 'Sarabun');
  assert.ok((ws.getColumn(3).width ?? 0) >= 40, 'labels readable');
  assert.equal(ws.getCell(`D${population}`).protection?.locked, false, 'only the value column is open');
});

test('round trip: a dry run reports what would change and saves nothing; the import saves it all at once', async () => {
  const wb = await template('F1');
  const ws = wb.worksheets[0]!;
  const fill: Record<string, string | number> = { population: 5400, households: '1,800', area_km2: 24.5, communities: 12, staff_total: 40, staff_education: 5, budget_total: 1500000, revenue_total: 1600000 };
  for (const [key, value] of Object.entries(fill)) ws.getCell(`D${rowOf(ws, key)}`).value = value;
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());

  const page = await officer.get(`${base}/F1/upload`);
  assert.equal(page.status, 200);
  const before = await stored();
  const dry = await upload('F1', bytes, { mode: 'dry_run', version: String(versionIn(await page.text())) });
  assert.equal(dry.status, 200, dry.html.slice(0, 3000));
  assert.match(dry.html, /ไฟล์ถูกต้อง ยังไม่ได้บันทึก หากนำเข้าจะเปลี่ยน 8 ช่อง/);
  assert.match(dry.html, /5,230 คน/);
  assert.deepEqual(await stored(), before, 'a dry run writes nothing');

  const imported = await upload('F1', bytes, { mode: 'import', version: String(versionIn(dry.html)) });
  assert.equal(imported.status, 200, imported.html.slice(0, 3000));
  assert.match(imported.html, /นำเข้าแล้ว บันทึก 8 ช่อง/);
  const after = await stored();
  assert.equal(after.population, 5400);
  assert.equal(after.households, 1800);
  assert.equal(after.revenue_total, 1600000);
  const versions = await t.deps.db.selectFrom('submissions').select('version').executeTakeFirstOrThrow();
  assert.equal(versions.version, versionIn(dry.html) + 1, 'three sections, one save');
});

test('an import against a version someone has since moved on is a conflict, and nothing is saved', async () => {
  const wb = await template('F1');
  const ws = wb.worksheets[0]!;
  ws.getCell(`D${rowOf(ws, 'communities')}`).value = 15;
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const dry = await upload('F1', bytes, { mode: 'dry_run', version: String(versionIn(await (await officer.get(`${base}/F1/upload`)).text())) });
  assert.equal(dry.status, 200);
  const version = versionIn(dry.html);
  const meanwhile = await saveValues(t.deps, w.actors.officer2, { roundId: w.roundId, orgUnitCode: w.lao.code, values: { staff_total: '41' }, baseVersion: version }, meta);
  assert.ok(meanwhile.ok);
  const late = await upload('F1', bytes, { mode: 'import', version: String(version) });
  assert.equal(late.status, 409);
  assert.match(late.html, /มีผู้บันทึกข้อมูลการส่งนี้หลังจากที่ท่านตรวจสอบไฟล์/);
  assert.equal((await stored()).communities, 12, 'nothing overwritten');
});

test('a bad cell is reported by row and column in Thai, and nothing is saved', async () => {
  const wb = await template('F1');
  const ws = wb.worksheets[0]!;
  const population = rowOf(ws, 'population');
  const households = rowOf(ws, 'households');
  ws.getCell(`D${population}`).value = 'ห้าพัน';
  ws.getCell(`D${households}`).value = -3;
  ws.getCell(`D${rowOf(ws, 'communities')}`).value = 99;
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const before = await stored();
  for (const mode of ['dry_run', 'import']) {
    const r = await upload('F1', bytes, { mode, version: '999' });
    assert.equal(r.status, 422, mode);
    assert.ok(r.html.includes(`แถว ${population} คอลัมน์ D: จำนวนประชากรตามทะเบียนราษฎร: กรอกเป็นจำนวนเต็ม`), r.html.slice(0, 4000));
    assert.ok(r.html.includes(`แถว ${households} คอลัมน์ D: จำนวนครัวเรือน: ต้องไม่ติดลบ`));
    assert.match(r.html, /พบปัญหา 2 รายการ ยังไม่ได้บันทึกค่าใด/);
  }
  assert.deepEqual(await stored(), before);
});

test('files that are not this form\u2019s template are refused before anything is read into a workbook', async () => {
  const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'binary'), Buffer.alloc(2000, 0x41)]);
  const asExe = await upload('F1', exe, { mode: 'dry_run' }, 'แบบ ๑.xlsx');
  assert.equal(asExe.status, 422);
  assert.match(asExe.html, /ไฟล์นี้ไม่ใช่ไฟล์ Excel \(\.xlsx\) แม้ชื่อไฟล์จะลงท้ายด้วย \.xlsx/);

  const bomb = zipWithOneEntry('xl/worksheets/sheet1.xml', Buffer.alloc(64 * 1024 * 1024, 0x20), 100);
  assert.ok(bomb.length < 200 * 1024, 'the bomb is small on disk');
  const asBomb = await upload('F1', bomb, { mode: 'dry_run' });
  assert.equal(asBomb.status, 422);
  assert.match(asBomb.html, /ขยายตัวเมื่อเปิดจนใหญ่ผิดปกติ/);

  const other = Buffer.from(await (await template('F2-1')).xlsx.writeBuffer());
  const wrongForm = await upload('F1', other, { mode: 'dry_run' });
  assert.equal(wrongForm.status, 422);
  assert.match(wrongForm.html, /ไฟล์นี้เป็นแม่แบบของแบบ F2-1/);

  const plain = new ExcelJS.Workbook();
  plain.addWorksheet('Sheet1').getCell('A1').value = 'population';
  const notTemplate = await upload('F1', Buffer.from(await plain.xlsx.writeBuffer()), { mode: 'dry_run' });
  assert.equal(notTemplate.status, 422);
  assert.match(notTemplate.html, /ไม่ใช่แม่แบบของ/);

  const tampered = await template('F1');
  tampered.worksheets[0]!.getCell(`A${rowOf(tampered.worksheets[0]!, 'households')}`).value = 'salary_of_mayor';
  const keyChanged = await upload('F1', Buffer.from(await tampered.xlsx.writeBuffer()), { mode: 'dry_run' });
  assert.equal(keyChanged.status, 422);
  assert.match(keyChanged.html, /แถว \d+ คอลัมน์ A: รหัสช่องข้อมูล/);

  const none = await t.app.request(`${base}/F1/upload`, { method: 'POST', body: new URLSearchParams({ _csrf: officer.csrf(), mode: 'dry_run' }), headers: { cookie: officer.cookieHeader(), origin: testOrigin, 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(none.status, 422);
});

test('only the LAO\u2019s own people get the template and the upload page; an unknown form is 404', async () => {
  const other = new Browser(t.app);
  await other.signIn(w.users.otherOfficer.username, w.users.otherOfficer.password);
  assert.equal((await other.get(`${base}/F1/template.xlsx`)).status, 403);
  assert.equal((await other.get(`${base}/F1/upload`)).status, 403);
  const district = new Browser(t.app);
  await district.signIn(w.users.district.username, w.users.district.password);
  assert.equal((await district.get(`${base}/F1/template.xlsx`)).status, 403, 'reviewers read, they do not enter');
  assert.equal((await officer.get(`${base}/NOPE/template.xlsx`)).status, 404);
  assert.equal((await officer.get(`/rounds/${w.roundId}/submissions/${w.lao.code}/forms/%3Cx%3E/upload`)).status, 404);
  assert.equal((await new Browser(t.app).get(`${base}/F1/template.xlsx`)).status, 303, 'signed out: to the sign-in page');
});

test('a section repeated over a master list: one row per item, choices as a list, item titles in the messages', async () => {
  // DLA's quarterly monitoring: the provincial office reports one row per standard.
  const file = path.resolve(import.meta.dirname, '../../frameworks/dla-standards-monitoring.yaml');
  const imported = await importFramework(t.deps, null, { bytes: fs.readFileSync(file), fileName: 'dla-standards-monitoring.yaml' }, meta);
  assert.ok(imported.ok);
  const version = await t.deps.db.selectFrom('framework_versions').select(['id', 'programme_id']).where('id', '=', imported.versionId).executeTakeFirstOrThrow();
  const now = t.clock.now().getTime();
  const day = 86_400_000;
  const { roundId } = await createRound(t.deps, null, {
    programmeId: version.programme_id, frameworkVersionId: version.id, title: 'ติดตามมาตรฐาน ไตรมาส ๒', fiscalYear: 2570, quarter: 2,
    opensAt: new Date(now - day), dueAt: new Date(now + 30 * day), lateUntil: new Date(now + 30 * day), editClosesAt: new Date(now + 60 * day),
    laoTypes: null, provinceCodes: ['22'], excludedProvinceCodes: [],
  }, meta);
  await changeRoundState(t.deps, null, { roundId, to: 'open' }, meta);
  const office = await t.deps.db.selectFrom('round_respondents as r').innerJoin('org_units as u', 'u.id', 'r.org_unit_id').select('u.code').where('r.round_id', '=', roundId).executeTakeFirstOrThrow();
  const browser = new Browser(t.app);
  await browser.signIn(w.users.province.username, w.users.province.password);
  const officeBase = `/rounds/${roundId}/submissions/${office.code}/forms`;

  const res = await browser.get(`${officeBase}/F1/template.xlsx`);
  assert.equal(res.status, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const ws = wb.worksheets[0]!;
  const s01 = rowOf(ws, 'std_compliance|S01');
  assert.equal(ws.getCell(`C${s01}`).value, 'การปฏิบัติตามมาตรฐานการบริการสาธารณะ (มาตรฐานทางถนน)');
  assert.deepEqual(ws.getCell(`D${s01}`).dataValidation?.formulae, ['"ปฏิบัติครบถ้วน,ปฏิบัติบางส่วน,ยังไม่ได้ปฏิบัติ"']);
  assert.equal(ws.getCell(`D${rowOf(ws, 'data_as_of')}`).numFmt, '@', 'a date stays text');

  ws.getCell(`D${s01}`).value = 'ปฏิบัติครบถ้วน';
  ws.getCell(`D${rowOf(ws, 'std_lao_applying|S01')}`).value = 'สามสิบ';
  ws.getCell(`D${rowOf(ws, 'data_as_of')}`).value = '25/01/2570';
  const toLao = await upload('F1', Buffer.from(await wb.xlsx.writeBuffer()), { mode: 'dry_run' }, 'f1.xlsx', browser);
  assert.equal(toLao.status, 403, 'the provincial office does not enter an LAO\u2019s data');
  const post = async (bytes: Buffer, mode: string) => {
    const form = new FormData();
    form.set('_csrf', browser.csrf());
    form.set('mode', mode);
    form.set('file', new Blob([new Uint8Array(bytes)]), 'f1.xlsx');
    const r = await t.app.request(`${officeBase}/F1/upload`, { method: 'POST', body: form, headers: { cookie: browser.cookieHeader(), origin: testOrigin } });
    return { status: r.status, html: await r.text() };
  };
  const invalid = await post(Buffer.from(await wb.xlsx.writeBuffer()), 'dry_run');
  assert.equal(invalid.status, 422);
  assert.ok(invalid.html.includes(`แถว ${rowOf(ws, 'std_lao_applying|S01')} คอลัมน์ D: จำนวน อปท. ในจังหวัดที่นำมาตรฐานไปใช้ (มาตรฐานทางถนน): กรอกเป็นจำนวนเต็ม`), invalid.html.slice(0, 3000));
  ws.getCell(`D${rowOf(ws, 'std_lao_applying|S01')}`).value = 30;
  const done = await post(Buffer.from(await wb.xlsx.writeBuffer()), 'import');
  assert.equal(done.status, 200, done.html.slice(0, 3000));
  const values = await t.deps.db.selectFrom('submission_values as v').innerJoin('submissions as s', 's.id', 'v.submission_id').select(['v.field_key', 'v.item_code', 'v.value']).where('s.round_id', '=', roundId).execute();
  const byKey = Object.fromEntries(values.map((v) => [`${v.field_key}|${v.item_code}`, v.value]));
  assert.equal(byKey['std_compliance|S01'], 'full');
  assert.equal(byKey['std_lao_applying|S01'], 30);
  assert.equal(byKey['data_as_of|'], '2027-01-25');
});

/** A one-entry zip that lies about its size, as a zip bomb does. */
function zipWithOneEntry(name: string, data: Buffer, declaredSize: number): Buffer {
  const body = zlib.deflateRawSync(data);
  const fileName = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(fileName.length, 28);
  central.writeUInt32LE(0, 42);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + fileName.length, 12);
  end.writeUInt32LE(30 + fileName.length + body.length, 16);
  return Buffer.concat([local, fileName, body, central, fileName, end]);
}
