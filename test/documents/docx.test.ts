import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  renderLetterDocx,
  renderMemoDocx,
  renderOutstandingOfficeDocx,
  renderQuarterlyReportDocx,
  renderResultsTableDocx,
} from '../../src/documents/index.ts';
import { assertThaiRuns, attr, documentXml, runs, type Run } from './docx-runs.ts';
import { letterSample, memoSample, outstandingSample, quarterlySample, resultsTableSample } from './samples.ts';

// Word shows Thai with the complex-script properties of a run: w:rFonts/@w:cs, w:szCs, w:bCs and w:lang/@w:bidi.
// Every run holding Thai must carry them, at the regulation's sizes, on pages with its margins.

const outDir = path.resolve(import.meta.dirname, '../../.tmp/documents');
function runWith(rs: Run[], text: string): Run {
  const r = rs.find((x) => x.text.trim() === text);
  assert.ok(r, `a run "${text}"`);
  return r;
}

function save(name: string, docx: Buffer): void {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, name), docx);
}

describe('DOCX', () => {
  it('memo: Sarabun, complex-script size, bold and Thai language on every Thai run; the regulation sizes and margins', async () => {
    const docx = await renderMemoDocx(memoSample());
    save('memo.docx', docx);
    const xml = documentXml(docx);
    const rs = assertThaiRuns(xml);

    const title = runWith(rs, 'บันทึกข้อความ');
    assert.equal(attr(title.props, 'w:szCs', 'w:val'), '58', 'title 29 pt');
    assert.match(title.props, /<w:bCs\/>/);
    for (const label of ['ส่วนราชการ', 'ที่', 'วันที่', 'เรื่อง']) {
      const r = runWith(rs, label);
      assert.equal(attr(r.props, 'w:szCs', 'w:val'), '40', `${label} 20 pt`);
      assert.match(r.props, /<w:bCs\/>/, `${label} bold`);
    }
    const body = rs.find((r) => r.text.startsWith('ผลการดำเนินงานด้านการศึกษา ซึ่งได้รับการประเมินว่าต้องพัฒนา'));
    assert.ok(body, 'the body sentence, tone marks and sara am as written');
    assert.equal(attr(body.props, 'w:szCs', 'w:val'), '32', 'body 16 pt');
    assert.doesNotMatch(body.props, /<w:bCs\/>/);

    assert.equal(attr(xml, 'w:pgMar', 'w:left'), '1701', 'left margin 3 cm');
    assert.equal(attr(xml, 'w:pgMar', 'w:right'), '1134', 'right margin 2 cm');
    assert.equal(attr(xml, 'w:pgSz', 'w:w'), '11906', 'A4 width');
    assert.equal(attr(xml, 'w:pgSz', 'w:h'), '16838', 'A4 height');
    // Garuda 1.5 cm high (540,000 EMU), its width in proportion (120 × 132 px)
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(xml);
    assert.ok(extent, 'the emblem is drawn');
    assert.ok(Math.abs(Number(extent[2]) - 540000) < 2000, `emblem height ${extent[2]} EMU`);
    assert.ok(Math.abs(Number(extent[1]) - (540000 * 120) / 132) < 2000, `emblem width ${extent[1]} EMU`);
    assert.match(xml, /<w:tab w:val="right" w:pos="9071" w:leader="dot"\/>/, 'dotted leader to the right margin');
    assert.match(xml, /<w:jc w:val="thaiDistribute"\/>/);
  });

  it('memo without an emblem keeps its place: a first line at least 1.5 cm high, no drawing', async () => {
    const xml = documentXml(await renderMemoDocx(memoSample({ emblem: null, qrUrl: undefined })));
    assert.doesNotMatch(xml, /<w:drawing>/);
    assert.match(xml, /<w:spacing w:line="850" w:lineRule="atLeast"\/>/);
  });

  it('letter: Thai digits in figures and dates, addresses left alone; Garuda 3 cm', async () => {
    const docx = await renderLetterDocx(letterSample());
    save('letter.docx', docx);
    const xml = documentXml(docx);
    const rs = assertThaiRuns(xml);
    const text = rs.map((r) => r.text).join('\n');
    assert.match(text, /๒๙ สิงหาคม ๒๕๖๘/);
    assert.match(text, /ที่ {2}จบ ๕๓๐๐๑\/๑๒๓๔/);
    assert.match(text, /www\.odloc\.go\.th/);
    assert.doesNotMatch(text, /พ\.ศ\. 2568/, 'no Arabic digits in a Thai-digits letter');
    assert.ok(runWith(rs, 'ขอแสดงความนับถือ'));
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(xml);
    assert.ok(extent && Math.abs(Number(extent[2]) - 1080000) < 2000, 'emblem 3 cm high');
    assert.equal(attr(xml, 'w:pgMar', 'w:left'), '1701');
  });

  it('report forms: bordered tables with a repeating header row, Thai runs complete; the quarterly form is landscape', async () => {
    const results = documentXml(await renderResultsTableDocx(resultsTableSample()));
    assertThaiRuns(results);
    assert.match(results, /<w:tblHeader\/>/);
    assert.equal(attr(results, 'w:pgSz', 'w:orient'), 'landscape', 'ODLOC\'s table is landscape');
    for (const heading of ['บริการสาธารณะ/ตัวชี้วัด', 'ค่าเป้าหมาย', '(๑) กรอบการประเมิน', '(๒) เทียบกับ (๑) %', 'ผลการประเมิน']) {
      assert.ok(results.includes(heading), heading);
    }
    assert.ok(results.includes('๙๑.๖๗'), 'percent with Thai digits');

    const quarterly = await renderQuarterlyReportDocx(quarterlySample());
    save('quarterly.docx', quarterly);
    const q = documentXml(quarterly);
    assertThaiRuns(q);
    assert.equal(attr(q, 'w:pgSz', 'w:orient'), 'landscape');
    assert.ok(Number(attr(q, 'w:pgSz', 'w:w')) > Number(attr(q, 'w:pgSz', 'w:h')), 'wider than high');
    assert.ok(q.includes('ข้อมูล ณ วันที่ ๒๕ เดือน เมษายน พ.ศ. ๒๕๖๔'));

    const outstanding = documentXml(await renderOutstandingOfficeDocx(outstandingSample()));
    assertThaiRuns(outstanding);
    assert.ok(outstanding.includes('รวมคะแนน'));
    assert.ok(outstanding.includes('ผลการจัดลำดับ: ลำดับที่ ๓'));
  });
});
