import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeDocumentBrowser, configureDocumentBrowser } from '../../src/documents/index.ts';
import { unzip } from '../documents/read-back.ts';
import { fakeEmblem } from '../documents/samples.ts';
import { samplePdf } from '../evidence/sample-files.ts';
import { createUserWithRole } from '../support/factories.ts';
import { signedIn } from '../support/submission-pages.ts';
import { buildEntryWorld, fillEverything, type EntryWorld } from '../submissions/support.ts';
import { createTestApp, testOrigin, type Browser, type TestApp } from '../support/web.ts';

// The Garuda the deployment uploads once: only a PNG or JPEG by its bytes, refused in Thai at the field otherwise;
// replaced and removed with an audit row each; printed in every document (an image XObject in the PDF, a media part
// in the DOCX) and its place kept empty when there is none.

let t: TestApp;
let w: EntryWorld;
let admin: Browser;
let programmeAdmin: Browser;
let province: Browser;
let officer: Browser;
let documents: string;

before(async () => {
  configureDocumentBrowser({ chromiumPath: process.env.CHROMIUM_PATH || undefined });
  t = await createTestApp();
  w = await buildEntryWorld(t);
  await fillEverything(t, w);
  admin = await signedIn(t, await createUserWithRole(t.deps, 'system_admin', 'TH'));
  programmeAdmin = await signedIn(t, await createUserWithRole(t.deps, 'programme_admin', 'TH'));
  province = await signedIn(t, w.users.province);
  officer = await signedIn(t, w.users.officer);
  documents = `/rounds/${w.roundId}/submissions/${w.lao.code}/documents`;
});
after(async () => {
  await closeDocumentBrowser();
  await t.close();
});

async function upload(b: Browser, fileName: string, bytes: Buffer, type = 'application/octet-stream'): Promise<Response> {
  const form = new FormData();
  form.set('_csrf', b.csrf());
  form.set('file', new File([new Uint8Array(bytes)], fileName, { type }));
  return t.app.request('/admin/emblem', { method: 'POST', body: form, headers: { cookie: b.cookieHeader(), origin: testOrigin } });
}

const memoForm = (format: 'pdf' | 'docx', kind = 'memo') => ({
  kind, referenceNo: 'จบ 52301/1', date: '15/09/2568', subject: 'รายงานผลการประเมิน', addressee: 'นายกเทศมนตรีตำบลทดสอบ', paragraphs: 'ย่อหน้าแรก', proposal: 'จึงเรียนมาเพื่อโปรดทราบ',
  signatoryName: 'นางสาวสมศรี ใจดี', signatoryPosition: 'หัวหน้าสำนักปลัด', phone: '0 3938 7038', format,
});
/** The pixel sizes of the PDF's image XObjects ("300x330"); the memo's dotted leaders are images too. */
const imagesInPdf = (pdf: Buffer): string[] => pdf.toString('latin1').split(/\d+ 0 obj/).map((o) => o.split('stream')[0]!)
  .filter((dict) => /\/Subtype\s*\/Image\b/.test(dict)).map((dict) => `${/\/Width\s+(\d+)/.exec(dict)?.[1]}x${/\/Height\s+(\d+)/.exec(dict)?.[1]}`);
const mediaOf = (docx: Buffer) => [...unzip(docx).keys()].filter((k) => k.startsWith('word/media/'));
async function memo(format: 'pdf' | 'docx', kind = 'memo'): Promise<Buffer> {
  const res = await officer.post(documents, memoForm(format, kind));
  assert.equal(res.status, 200);
  return Buffer.from(await res.arrayBuffer());
}
const audits = async (action: string) => (await t.deps.db.selectFrom('audit_events').select('id').where('action', '=', action).execute()).length;

test('without a Garuda the documents keep its place and hold no image', async () => {
  const html = await (await admin.get('/admin/emblem')).text();
  assert.match(html, /ยังไม่มีภาพตราครุฑ/);
  assert.ok(!imagesInPdf(await memo('pdf')).some((size) => /^(300x330|240x264)$/.test(size)));
  const docx = await memo('docx');
  assert.deepEqual(mediaOf(docx), []);
  assert.match(unzip(docx).get('word/document.xml')!.toString('utf8'), /<w:spacing w:line="850" w:lineRule="atLeast"\/>/, 'a first line 1.5 cm high');
});

test('anything but a PNG or JPEG is refused in Thai at the field, whatever its name says', async () => {
  for (const [name, bytes] of [['garuda.png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')], ['garuda.pdf', samplePdf()], ['ครุฑ.png', Buffer.from('not an image at all')]] as const) {
    const res = await upload(admin, name, bytes);
    assert.equal(res.status, 422, name);
    const html = await res.text();
    assert.match(html, /id="file-error">รับเฉพาะไฟล์ภาพ PNG หรือ JPEG/, name);
    assert.match(html, /href="#file"/, 'the error summary links to the field');
  }
  const named = await upload(admin, 'garuda.jpg', fakeEmblem().png);
  assert.equal(named.status, 422, 'a PNG named .jpg');
  assert.match(await named.text(), /เปลี่ยนชื่อไฟล์ให้ลงท้ายด้วย \.png/);
  const tiny = await upload(admin, 'tiny.png', fakeEmblem(40, 44).png);
  assert.equal(tiny.status, 422);
  assert.match(await tiny.text(), /ภาพเล็กเกินไป/);
  const big = await upload(admin, 'big.png', Buffer.concat([fakeEmblem().png, Buffer.alloc(2 * 1024 * 1024)]));
  assert.equal(big.status, 422);
  assert.match(await big.text(), /ไฟล์ใหญ่เกิน 2 MB/);
  const none = await admin.post('/admin/emblem', {});
  assert.equal(none.status, 422);
  assert.match(await none.text(), /เลือกไฟล์ภาพตราครุฑ/);
  assert.equal(await audits('document_image.upload'), 0, 'nothing stored');
});

test('only the programme owners and system administrators manage it', async () => {
  assert.equal((await province.get('/admin/emblem')).status, 403);
  assert.equal((await upload(province, 'garuda.png', fakeEmblem(300, 330).png)).status, 403);
  assert.equal((await officer.post('/admin/emblem/remove', {})).status, 403);
  assert.equal((await programmeAdmin.get('/admin/emblem')).status, 200);
});

test('uploaded, it is previewed and printed: an image XObject in the PDF, a media part in the DOCX, at 1.5 cm', async () => {
  const png = fakeEmblem(300, 330).png;
  const res = await upload(programmeAdmin, 'ตราครุฑ.png', png, 'image/png');
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/admin/emblem?done=uploaded');
  const html = await (await programmeAdmin.get('/admin/emblem?done=uploaded')).text();
  assert.match(html, /บันทึกตราครุฑแล้ว/);
  assert.match(html, /<img src="\/admin\/emblem\/image\?v=[0-9a-f]{12}"/);
  assert.match(html, /300 × 330 จุด/);
  const image = await programmeAdmin.get('/admin/emblem/image');
  assert.equal(image.headers.get('content-type'), 'image/png');
  assert.deepEqual(Buffer.from(await image.arrayBuffer()), png);
  assert.equal(await audits('document_image.upload'), 1);

  assert.ok(imagesInPdf(await memo('pdf')).includes('300x330'), 'the memo PDF draws the Garuda');
  const docx = await memo('docx');
  assert.equal(mediaOf(docx).length, 1);
  assert.deepEqual(unzip(docx).get(mediaOf(docx)[0]!), png, 'the very image uploaded');
  const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(unzip(docx).get('word/document.xml')!.toString('utf8'));
  assert.ok(extent && Math.abs(Number(extent[2]) - 540000) < 2000, 'Garuda 1.5 cm high in the memo');
  assert.equal(mediaOf(await memo('docx', 'letter')).length, 1, 'and in the letter');
  assert.ok(imagesInPdf(await memo('pdf', 'results')).includes('300x330'), 'and above the results table');
});

test('replaced by a JPEG, which prints in both formats; removed, its place is empty again', async (ctx) => {
  let canvas: typeof import('@napi-rs/canvas');
  try {
    canvas = await import('@napi-rs/canvas');
  } catch {
    ctx.skip('no JPEG encoder (@napi-rs/canvas) on this platform');
    return;
  }
  const c = canvas.createCanvas(240, 264);
  const g = c.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, 240, 264);
  g.fillStyle = '#8a1c1c';
  g.beginPath();
  g.arc(120, 132, 100, 0, Math.PI * 2);
  g.fill();
  const jpeg = await c.encode('jpeg', 90);
  const old = await t.deps.db.selectFrom('document_images').select('storage_key').executeTakeFirstOrThrow();

  const res = await upload(admin, 'garuda.jpeg', jpeg, 'image/jpeg');
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/admin/emblem?done=replaced');
  assert.equal(await t.deps.storage.get(old.storage_key), undefined, 'the replaced image is gone from storage');
  assert.equal(await audits('document_image.replace'), 1);
  assert.ok(imagesInPdf(await memo('pdf')).includes('240x264'), 'the JPEG drawn in the PDF');
  const docx = await memo('docx');
  assert.deepEqual(mediaOf(docx).map((m) => m.split('.').pop()), ['jpg']);
  const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(unzip(docx).get('word/document.xml')!.toString('utf8'));
  assert.ok(extent && Math.abs(Number(extent[1]) - (540000 * 240) / 264) < 2000, 'its own proportions');

  const removed = await admin.post('/admin/emblem/remove', {});
  assert.equal(removed.status, 303);
  assert.equal(await audits('document_image.remove'), 1);
  assert.equal((await admin.get('/admin/emblem/image')).status, 404);
  assert.ok(!imagesInPdf(await memo('pdf')).includes('240x264'));
  assert.deepEqual(mediaOf(await memo('docx')), []);
});
