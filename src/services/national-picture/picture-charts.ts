import { countText, histogramChart, pairedBarChart, percentText, provinceMap, rateBarChart } from '../../documents/charts/index.ts';
import type { NationalPicture, PictureRow } from './load-national-picture.ts';

// The picture's charts as SVG, from its figures. A picture kept for a published round keeps its charts with it
// (drawing them costs more than counting), so they are drawn once per picture, size and map measure.

export type MapMeasure = 'completion' | 'pass';
export type PictureCharts = {
  indicators: string; areas: string; laoTypes: string | null; places: string; distribution: string;
  lastYear: string | null; map: string | null;
};

const drawn = new WeakMap<NationalPicture, Map<string, PictureCharts>>();

function extremes(rows: PictureRow[]): string {
  const rated = rows.filter((r) => r.rate !== null).sort((a, b) => b.rate! - a.rate!);
  if (!rated.length) return 'ยังไม่มีผลที่นับได้';
  const top = rated[0]!;
  const bottom = rated[rated.length - 1]!;
  return rated.length === 1 ? `${top.label} ${percentText(top.rate)}` : `สูงสุด ${top.label} ${percentText(top.rate)} ต่ำสุด ${bottom.label} ${percentText(bottom.rate)}`;
}

const detail = (r: PictureRow) => `ผ่าน ${countText(r.met)} จาก ${countText(r.judged)} ผล`;
const bars = (rows: PictureRow[]) => rows.map((r) => ({ label: r.label, value: r.rate, detail: detail(r) }));
const reference = (p: NationalPicture) => (p.overall.rate === null ? null : { value: p.overall.rate, label: `รวม ${percentText(p.overall.rate)}` });

/** The places' rates as bars, highest first, `perChart` to a chart (a printed page holds about forty). */
export function placeCharts(p: NationalPicture, o: { width: number; idPrefix: string; perChart: number }): string[] {
  const placeWord = p.placeKind === 'province' ? 'จังหวัด' : 'อำเภอ';
  const sorted = [...p.places].sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1));
  // As many bars to each chart as the split allows: 77 provinces at 40 a chart are 39 and 38, not 40 and 37.
  const per = Math.max(1, Math.ceil(sorted.length / Math.max(1, Math.ceil(sorted.length / o.perChart))));
  const out: string[] = [];
  for (let i = 0; i < sorted.length || i === 0; i += per) {
    const part = sorted.slice(i, i + per);
    const range = sorted.length > per ? ` (อันดับ ${i + 1}–${i + part.length})` : '';
    out.push(rateBarChart(bars(part), {
      id: `${o.idPrefix}-places${i ? `-${i}` : ''}`, width: o.width, reference: reference(p),
      title: `อัตราผ่านราย${placeWord} ${p.scopeName}${range}`, desc: `ร้อยละของผลที่ผ่านค่าเป้าหมาย แยกตาม${placeWord} เรียงจากมากไปน้อย ${extremes(part)}`,
    }));
  }
  return out;
}

export function pictureCharts(p: NationalPicture, measure: MapMeasure, size: { width: number; idPrefix: string } = { width: 420, idPrefix: 'chart' }): PictureCharts {
  let forPicture = drawn.get(p);
  if (!forPicture) drawn.set(p, (forPicture = new Map()));
  const key = `${measure}|${size.width}|${size.idPrefix}`;
  const kept = forPicture.get(key);
  if (kept) return kept;

  const { width, idPrefix } = size;
  const ref = reference(p);
  const charts: PictureCharts = {
    indicators: rateBarChart(bars(p.indicators), {
      id: `${idPrefix}-indicators`, width, labelLines: 2, reference: ref,
      title: `อัตราผ่านรายตัวชี้วัด ${p.scopeName}`, desc: `ร้อยละของผลที่ผ่านค่าเป้าหมาย แยกตามตัวชี้วัด ${extremes(p.indicators)}`,
    }),
    areas: rateBarChart(bars(p.areas), {
      id: `${idPrefix}-areas`, width, reference: ref, labelLines: 2,
      title: `อัตราผ่านรายด้าน ${p.scopeName}`, desc: `ร้อยละของผลที่ผ่านค่าเป้าหมาย แยกตามด้าน ${extremes(p.areas)}`,
    }),
    laoTypes: p.laoTypes.length ? rateBarChart(bars(p.laoTypes), {
      id: `${idPrefix}-types`, width, reference: ref,
      title: `อัตราผ่านตามประเภท อปท. ${p.scopeName}`, desc: `ร้อยละของผลที่ผ่านค่าเป้าหมาย แยกตามประเภท อปท. ${extremes(p.laoTypes)}`,
    }) : null,
    places: placeCharts(p, { width, idPrefix, perChart: Infinity })[0]!,
    distribution: histogramChart(p.distribution.bins, {
      id: `${idPrefix}-distribution`, width, xName: 'สัดส่วนตัวชี้วัดที่ผ่านของแต่ละแห่ง', yName: 'แห่ง',
      title: `การกระจายของสัดส่วนตัวชี้วัดที่ผ่าน ${p.scopeName}`,
      desc: `จำนวนหน่วยที่ส่งข้อมูลแล้ว ${countText(p.distribution.respondents)} แห่ง แบ่งตามร้อยละของตัวชี้วัดที่ผ่านของแต่ละแห่ง ช่วงละ 10`,
    }),
    lastYear: p.lastYear ? pairedBarChart(p.lastYear.rows.map((r) => ({ label: r.label, previous: r.previous.rate, current: r.current.rate })), {
      id: `${idPrefix}-last-year`, width, labelLines: 2, previousName: `ปี ${p.lastYear.fiscalYear}`, currentName: `ปี ${p.round.fiscalYear}`,
      title: `อัตราผ่านเทียบกับปีก่อน ${p.scopeName}`, desc: `อัตราผ่านของตัวชี้วัดที่เทียบกับตัวชี้วัดของรอบ ${p.lastYear.roundTitle} ได้ ${p.lastYear.rows.length} ตัว`,
    }) : null,
    map: p.placeKind === 'province' ? provinceMap(new Map(p.places.map((r) => [r.key, measure === 'completion'
      ? { value: r.completion, detail: `ส่งแล้ว ${countText(r.submitted)} จาก ${countText(r.expected)} แห่ง` }
      : { value: r.rate, detail: detail(r) }])), {
      id: `${idPrefix}-map`, width: Math.min(380, width),
      legendTitle: measure === 'completion' ? 'ร้อยละที่ส่งข้อมูลแล้ว' : 'อัตราผ่าน',
      title: measure === 'completion' ? `แผนที่ร้อยละของผู้ตอบที่ส่งข้อมูลแล้ว รายจังหวัด` : `แผนที่อัตราผ่านรายจังหวัด`,
      desc: measure === 'completion'
        ? `สีเข้มคือส่งข้อมูลครบมาก ${p.places.length} จังหวัด ทั้งประเทศส่งแล้ว ${countText(p.submitted)} จาก ${countText(p.expected)} แห่ง`
        : `สีเข้มคืออัตราผ่านสูง ${extremes(p.places)}`,
    }) : null,
  };
  forPicture.set(key, charts);
  return charts;
}
