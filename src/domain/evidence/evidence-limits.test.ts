import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkEvidenceSize, cleanFileName, contentDisposition, defaultEvidenceLimits, evidenceLimits, formatFileSize } from './evidence-limits.ts';

const mb = 1024 * 1024;

test('size: empty, over the file limit, over what the submission has left', () => {
  const limits = defaultEvidenceLimits;
  assert.deepEqual(checkEvidenceSize(5 * mb, 0, limits), { ok: true });
  assert.equal(checkEvidenceSize(10 * mb, 90 * mb, limits).ok, true, 'exactly at both limits is accepted');
  const empty = checkEvidenceSize(0, 0, limits);
  assert.ok(!empty.ok && empty.reason === 'empty');
  const big = checkEvidenceSize(10 * mb + 1, 0, limits);
  assert.ok(!big.ok && big.reason === 'file_too_large' && big.message.includes('10 MB'));
  const full = checkEvidenceSize(2 * mb, 99 * mb, limits);
  assert.ok(!full.ok && full.reason === 'submission_full' && full.message.includes('100 MB') && full.message.includes('1 MB'));
  assert.equal(evidenceLimits(2 * mb, 5 * mb).maxUnpackedBytes, defaultEvidenceLimits.maxUnpackedBytes);
  assert.equal(formatFileSize(1536), '2 KB');
  assert.equal(formatFileSize(2.5 * mb), '2.5 MB');
});

test('file names are kept for display only: no folders, control or bidi characters, not too long', () => {
  assert.equal(cleanFileName('C:\\Users\\me\\รายงาน ปี 2568.pdf', 'pdf'), 'รายงาน ปี 2568.pdf');
  assert.equal(cleanFileName('../../etc/passwd', 'pdf'), 'passwd');
  assert.equal(cleanFileName('evil\u202Efdp.exe.pdf', 'pdf'), 'evilfdp.exe.pdf');
  assert.equal(cleanFileName('a"b<c>.pdf', 'pdf'), 'abc.pdf');
  assert.equal(cleanFileName('   ', 'png'), 'หลักฐาน.png');
  assert.equal(cleanFileName('...', 'png'), 'หลักฐาน.png');
  const long = cleanFileName(`${'ก'.repeat(400)}.xlsx`, 'xlsx');
  assert.equal([...long].length, 150);
  assert.ok(long.endsWith('.xlsx'));
});

test('Content-Disposition carries an ASCII fallback and the Thai name in RFC 5987 form', () => {
  const h = contentDisposition('attachment', "งบ (ปี 68)'s.xlsx", 'evidence-7.xlsx');
  assert.equal(h, `attachment; filename="evidence-7.xlsx"; filename*=UTF-8''${encodeURIComponent('งบ')}%20%28${encodeURIComponent('ปี')}%2068%29%27s.xlsx`);
  assert.doesNotMatch(contentDisposition('inline', 'a\r\nb.pdf', 'x.pdf'), /[\r\n]/);
});
