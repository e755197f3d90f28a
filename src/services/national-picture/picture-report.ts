import { countText, mapCredit, percentText, type PictureReportDoc, type ReportSection, type ReportTable } from '../../documents/charts/index.ts';
import { formatThaiDate } from '../../domain/dates/thai-date.ts';
import { laoTypeLabels } from '../../domain/org/lao-type.ts';
import type { NationalPicture, PictureRow } from './load-national-picture.ts';
import { pictureCharts, placeCharts, type MapMeasure } from './picture-charts.ts';
import type { Rate } from './picture-rates.ts';

// The printed report of a picture: the page's charts drawn to the width of an A4 page (16 cm between margins),
// each with its figures, in the order a committee reads them.

const n = countText;
const rateHead = ['ผ่าน', 'การพัฒนาในอนาคต', 'ไม่มีบริการสาธารณะ', 'ไม่ได้ดำเนินการ', 'อัตราผ่าน'];
const rateCells = (r: Rate) => [n(r.met), n(r.needsDevelopment), n(r.noService), n(r.notDone), percentText(r.rate)];

function ratesTable(first: string, rows: PictureRow[]): ReportTable {
  return { head: [first, ...rateHead], rows: rows.map((r) => [r.label, ...rateCells(r)]), numeric: [false, true, true, true, true, true], widths: [42, 10, 14, 14, 10, 10] };
}

export function buildPictureReport(p: NationalPicture, measure: MapMeasure, now: Date): PictureReportDoc {
  const charts = pictureCharts(p, measure, { width: 600, idPrefix: 'report' });
  const placeWord = p.placeKind === 'province' ? 'จังหวัด' : 'อำเภอ';
  const sections: ReportSection[] = [];
  const placesTable: ReportTable = {
    head: [placeWord, 'ส่งแล้ว', 'ต้องส่ง', 'ร้อยละที่ส่ง', ...rateHead],
    rows: p.places.map((r) => [r.label, n(r.submitted), n(r.expected), percentText(r.completion), ...rateCells(r)]),
    numeric: [false, true, true, true, true, true, true, true, true],
    widths: [19, 8, 8, 9, 9, 12, 13, 12, 10],
  };
  // The short charts first, so the map (a page of its own) does not leave the first page half empty.
  sections.push({ heading: 'อัตราผ่านรายด้าน', svg: charts.areas, notes: [], table: ratesTable('ด้าน', p.areas) });
  if (charts.laoTypes) sections.push({ heading: 'อัตราผ่านตามประเภท อปท.', svg: charts.laoTypes, notes: [], table: ratesTable('ประเภท', p.laoTypes) });
  if (charts.map) {
    sections.push({
      heading: measure === 'completion' ? 'แผนที่ร้อยละที่ส่งข้อมูลแล้ว รายจังหวัด' : 'แผนที่อัตราผ่าน รายจังหวัด',
      svg: charts.map, notes: [mapCredit], table: null,
    });
  }
  sections.push({
    heading: 'การกระจายของสัดส่วนตัวชี้วัดที่ผ่านของแต่ละแห่ง', svg: charts.distribution,
    notes: p.distribution.noneJudged ? [`ไม่รวม ${n(p.distribution.noneJudged)} แห่งที่ไม่มีตัวชี้วัดใดเทียบค่าเป้าหมายได้`] : [],
    table: { head: ['ร้อยละของตัวชี้วัดที่ผ่าน', 'จำนวนหน่วย'], rows: p.distribution.bins.map((b) => [b.label, n(b.count)]), numeric: [false, true], widths: [60, 40] },
  });
  sections.push({
    heading: 'อัตราผ่านรายตัวชี้วัด', svg: charts.indicators,
    notes: p.exampleTargets ? ['* ค่าเป้าหมายเป็นค่าตัวอย่าง ยังไม่ใช่ค่าที่ประกาศ'] : [],
    table: ratesTable('ตัวชี้วัด', p.indicators.map((r) => ({ ...r, label: `${r.label}${r.exampleTarget ? ' *' : ''}` }))),
  });
  if (charts.lastYear && p.lastYear) {
    sections.push({
      heading: `เทียบกับ${p.lastYear.roundTitle}`, svg: charts.lastYear, notes: [],
      table: {
        head: ['ตัวชี้วัด', 'รหัสปีก่อน', `ปี ${p.lastYear.fiscalYear}`, `ปี ${p.round.fiscalYear}`],
        rows: p.lastYear.rows.map((r) => [r.label, r.previousCode, percentText(r.previous.rate), percentText(r.current.rate)]),
        numeric: [false, false, true, true],
        widths: [55, 15, 15, 15],
      },
    });
  }
  // Seventy-seven provinces do not fit one page: forty bars to a chart, the table after the last.
  const places = placeCharts(p, { width: 600, idPrefix: 'report', perChart: 40 });
  places.forEach((svg, i) => sections.push({
    heading: `อัตราผ่านราย${placeWord}${places.length > 1 ? ` (${i + 1}/${places.length})` : ''}`, svg, notes: [], table: i === places.length - 1 ? placesTable : null,
  }));

  const asOf = p.round.state === 'published' && p.round.publishedAt
    ? `ประกาศผลเมื่อ ${formatThaiDate(p.round.publishedAt)}`
    : `ข้อมูล ณ ${formatThaiDate(now, { withTime: true })} (ยังไม่ประกาศผล ตัวเลขอาจเปลี่ยน)`;
  return {
    title: `รายงานภาพรวมผลการประเมิน ${p.scopeName}${p.laoType ? ` (${laoTypeLabels[p.laoType].full})` : ''}`,
    subtitle: [p.round.title, `${p.programmeTitle} · กรอบการประเมิน ${p.versionCode}`, asOf],
    notices: [
      ...(p.round.demo ? ['รอบสาธิต: ตัวเลขทั้งหมดมาจากข้อมูลสาธิต ไม่ใช่ผลการประเมินจริง'] : []),
      ...(p.exampleTargets ? ['ค่าเป้าหมายของตัวชี้วัดบางตัวยังเป็นค่าตัวอย่าง อัตราผ่านของตัวชี้วัดเหล่านั้นจึงเป็นตัวอย่างด้วย'] : []),
    ],
    method: [
      'อัตราผ่าน = ผลที่ "สูงกว่าค่าเป้าหมาย/ผ่าน" ÷ (ผลที่ผ่าน + ผลที่ "การพัฒนาในอนาคต") × 100 ไม่นับ "ไม่มีบริการสาธารณะ" "ไม่ได้ดำเนินการ" และผลที่ยังไม่มีข้อมูล',
      'นับเฉพาะหน่วยที่ส่งข้อมูลแล้ว (ส่งแล้วหรือผ่านการตรวจแล้ว)',
    ],
    figures: [
      { label: 'ส่งข้อมูลแล้ว', value: `${n(p.submitted)} จาก ${n(p.expected)} แห่ง (${percentText(p.expected ? Math.round((p.submitted / p.expected) * 1000) / 10 : null)})` },
      { label: 'อัตราผ่านรวม', value: `${percentText(p.overall.rate)} (ผ่าน ${n(p.overall.met)} จาก ${n(p.overall.judged)} ผล)` },
      { label: 'ไม่มีบริการสาธารณะ / ไม่ได้ดำเนินการ', value: `${n(p.overall.noService)} / ${n(p.overall.notDone)} ผล` },
    ],
    sections,
  };
}
