import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rateBarChart } from './bar-charts.ts';
import { mapProvinces, provinceMap } from './province-map.ts';
import { cleanSvg } from './render-svg.ts';
import { fitText, measureText, textWidth, wrapText } from './text-metrics.ts';

// Thai labels measured with Sarabun and cut where a reader would, and charts fit for a page with a strict CSP.

const marks = /^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/;

test('Thai marks above and below a consonant add no width; bold is wider; the CSS size is read', () => {
  assert.equal(textWidth('ก่', 16), textWidth('ก', 16), 'a tone mark sits on its consonant');
  assert.equal(textWidth('กิ', 16), textWidth('ก', 16));
  assert.ok(textWidth('ด้านการศึกษา', 16, 700) > textWidth('ด้านการศึกษา', 16, 400));
  assert.equal(measureText('ด้านการศึกษา', 'bold 26px Sarabun').width, textWidth('ด้านการศึกษา', 26, 700));
  assert.equal(measureText('abc').width, textWidth('abc', 12), 'ECharts default size when none is given');
});

test('a label too long is cut at a word boundary with "…", never leaving a mark without its consonant', () => {
  const title = 'จำนวนโครงการหรือกิจกรรมที่เทศบาลส่งเสริมการใช้เทคโนโลยีดิจิทัลเพื่อการเรียนรู้';
  assert.equal(fitText('ด้านการศึกษา', 200, 13), 'ด้านการศึกษา', 'short text unchanged');
  for (const max of [40, 60, 90, 140, 200]) {
    const cut = fitText(title, max, 13);
    assert.ok(cut.endsWith('…'));
    assert.ok(textWidth(cut, 13) <= max + 0.001, `${cut} fits ${max}px`);
    assert.ok(title.startsWith(cut.slice(0, -1)));
  }
  const words = [...new Intl.Segmenter('th', { granularity: 'word' }).segment(title)].map((w) => w.segment);
  for (const max of [60, 90, 140]) {
    const kept = fitText(title, max, 13).slice(0, -1);
    assert.ok(words.some((_, i) => words.slice(0, i + 1).join('') === kept), `"${kept}" is whole words`);
  }
  const one = fitText('ประชาสัมพันธ์', 30, 13);
  assert.doesNotMatch(one.slice(-2, -1), marks, 'a long word is cut between clusters');
  for (const lines of [wrapText(title, 120, 13, 2), wrapText(title, 120, 13, 5)]) {
    for (const line of lines) {
      assert.ok(textWidth(line, 13) <= 120 + 0.001, line);
      assert.doesNotMatch(line, marks, 'no line starts with a mark');
    }
  }
  assert.equal(wrapText(title, 120, 13, 2).length, 2);
  assert.ok(wrapText(title, 120, 13, 2)[1]!.endsWith('…'));
  assert.equal(wrapText(title, 120, 13, 10).join(''), title, 'nothing lost when there is room');
});

test('what ECharts writes is made fit for a strict CSP and for screen readers', () => {
  const raw = '<svg width="10" height="20" xmlns="http://www.w3.org/2000/svg" version="1.1">\n<rect width="10" height="20" x="0" y="0" fill="none"></rect>\n' +
    '<path d="M0 0L1 1" fill="#fff" ecmeta_series_index="0" ecmeta_data_index="1" ecmeta_ssr_type="chart" class="zr0-cls-0"></path>\n' +
    '<text style="font-size:12px;font-family:Sarabun;" fill="#000">ก &amp; ข</text>\n<style ><![CDATA[\n.zr0-cls-0:hover { cursor:pointer; }\n]]>\n</style>\n</svg>';
  const svg = cleanSvg(raw, { width: 10, height: 20 }, { id: 'c', title: 'ชื่อ <แผนภูมิ>', desc: 'คำอธิบาย' }, (s, d) => (s === 0 && d === 1 ? 'จันทบุรี: 80%' : undefined));
  assert.equal(svg, '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 20" width="10" height="20" role="img" aria-labelledby="c-title c-desc" font-family="Sarabun, sans-serif" class="chart">' +
    '<title id="c-title">ชื่อ &lt;แผนภูมิ&gt;</title><desc id="c-desc">คำอธิบาย</desc>' +
    '<path d="M0 0L1 1" fill="#fff"><title>จันทบุรี: 80%</title></path><text font-size="12px" font-family="Sarabun" fill="#000">ก &amp; ข</text></svg>');
});

test('a bar chart and the map: no inline style, each bar and province titled, Thai labels in the SVG', () => {
  const bars = rateBarChart([{ label: 'ด้านการศึกษา', value: 72.25, detail: 'ผ่าน 10 จาก 14 ผล' }, { label: 'ด้านสิ่งแวดล้อม', value: null }], { id: 'b', title: 'อัตราผ่าน', desc: 'รายด้าน' });
  assert.doesNotMatch(bars, /style=|<style|ecmeta_|class="zr/);
  assert.match(bars, />ด้านการศึกษา<\/text>/);
  assert.match(bars, /<title>ด้านการศึกษา: 72.3% \(ผ่าน 10 จาก 14 ผล\)<\/title>/);
  assert.match(bars, />ไม่มีข้อมูล<\/text>/, 'a rate that cannot be counted says so');
  const { codes } = mapProvinces();
  assert.equal(codes.length, 77);
  const map = provinceMap(new Map([['22', { value: 45 }], ['10', { value: 90 }]]), { id: 'm', title: 'แผนที่', desc: 'ร้อยละ', legendTitle: 'ร้อยละที่ส่งข้อมูลแล้ว' });
  assert.equal((map.match(/<path [^>]*><title>/g) ?? []).length, 77, 'every province titled');
  assert.match(map, /<title>จันทบุรี: 45%<\/title>/);
  assert.match(map, /<title>ชลบุรี: ไม่มีข้อมูล<\/title>/);
  assert.ok(map.length < 60_000, `the map stays light (${map.length} characters)`);
});
