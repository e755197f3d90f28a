import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emblemWidthCm, formatter, pngSize } from '../../src/documents/format.ts';
import { renderLetterHtml, renderMemoHtml } from '../../src/documents/index.ts';
import { fakeEmblem, letterSample, memoSample } from './samples.ts';

describe('document formatting', () => {
  it('Thai digits in figures, dates and wording; URLs and e-mail addresses keep theirs', () => {
    const th = formatter(true);
    assert.equal(th.text('ทั้ง 3 ด้าน รวม 24 ตัวชี้วัด'), 'ทั้ง ๓ ด้าน รวม ๒๔ ตัวชี้วัด');
    assert.equal(th.text('ส่งทาง kalasinlocal2022@gmail.com ภายใน 15 วัน'), 'ส่งทาง kalasinlocal2022@gmail.com ภายใน ๑๕ วัน');
    assert.equal(th.text('ดูที่ https://odloc.go.th/r/2568 และ www.dla.go.th/2567'), 'ดูที่ https://odloc.go.th/r/2568 และ www.dla.go.th/2567');
    assert.equal(th.num(1250.5), '๑,๒๕๐.๕');
    assert.equal(th.num(null), '-');
    assert.equal(th.date(new Date('2025-08-24T18:30:00Z')), '๒๕ สิงหาคม ๒๕๖๘', 'the Bangkok calendar day, Buddhist Era');
    const arabic = formatter(false);
    assert.equal(arabic.text('รวม 24 ตัวชี้วัด'), 'รวม 24 ตัวชี้วัด');
    assert.equal(arabic.date(new Date('2025-08-29T03:00:00Z')), '29 สิงหาคม 2568');
  });

  it('the emblem keeps its proportions at the official height', () => {
    const { png } = fakeEmblem(120, 132);
    assert.deepEqual(pngSize(png), { width: 120, height: 132 });
    assert.ok(Math.abs(emblemWidthCm(png, 1.5) - (1.5 * 120) / 132) < 1e-9);
    assert.equal(emblemWidthCm(undefined, 3), 3);
    assert.throws(() => pngSize(Buffer.from('GIF89a not a png at all')), /not a PNG/);
  });

  it('HTML: a whole printable page with A4 and the official margins, text escaped, nothing fetched from outside', async () => {
    const html = await renderMemoHtml(memoSample({ subject: 'รายงาน <script>alert(1)</script> & ผล' }));
    assert.ok(html.startsWith('<!doctype html><html lang="th">'));
    const page = /@page \{ size: A4; margin: ([\d.]+)cm 2cm 2cm 3cm; \}/.exec(html);
    const inkPt = /padding-top: ([\d.]+)pt; -webkit-box-decoration-break: clone; box-decoration-break: clone;/.exec(html);
    assert.ok(page && inkPt, 'A4, the side margins, and a padding repeated at the top of every page');
    assert.ok(Math.abs(Number(page[1]) + (Number(inkPt[1]) * 2.54) / 72 - 1.5) < 0.001, 'the text starts 1.5 cm from the top');
    assert.ok(html.includes('รายงาน &lt;script&gt;alert(1)&lt;/script&gt; &amp; ผล'));
    assert.doesNotMatch(html, /<script>alert/);
    assert.doesNotMatch(html, /(src|href)="https?:/, 'fonts and images are data: URLs');
    assert.match(html, /font-family:'Sarabun'/);
    const letter = await renderLetterHtml(letterSample({ emblem: null }));
    assert.match(letter, /class="emblem" style="width:3\.000cm;height:3cm;/, 'an empty place 3 cm high for Garuda');
  });
});
