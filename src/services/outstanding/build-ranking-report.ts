import type { RankingDoc } from '../../documents/ranking-model.ts';
import type { Emblem } from '../../documents/view-models.ts';
import type { OfficeRanking } from './rank-offices.ts';

// The ranking report's view-model from a ranking (rank-offices.ts): what the page shows, as a document.

const th = (n: number) => n.toLocaleString('th-TH');

/** The lines under the title: how many were ranked of how many, and whether the ranks may still change. */
export function rankingStatus(r: OfficeRanking): string[] {
  const unit = r.kind === 'provinces' ? 'จังหวัด' : 'อำเภอ';
  const lines = [`จัดลำดับจาก ${th(r.ranked.length)} ${unit}ที่ส่งข้อมูลแล้ว จากทั้งหมด ${th(r.respondents)} ${unit}`];
  if (r.provisional) lines.push('รอบการประเมินยังเปิดรับข้อมูล ลำดับนี้ยังเปลี่ยนได้จนกว่าจะปิดรับข้อมูล');
  return lines;
}

export function rankingTitle(r: OfficeRanking): string {
  return r.kind === 'provinces' ? `ผลการจัดลำดับ${r.programmeTitle}` : `ผลการคัดเลือกท้องถิ่นอำเภอดีเด่น จังหวัด${r.province?.name ?? ''}`;
}

/** A province's name under the heading จังหวัด, without the word repeated. */
const short = (r: OfficeRanking, name: string) => (r.kind === 'provinces' ? name.replace(/^จังหวัด/, '') : name);

export function buildRankingReport(r: OfficeRanking, opts: { asOf: Date; thaiDigits: boolean; emblem: Emblem }): RankingDoc {
  return {
    title: rankingTitle(r),
    subtitle: r.round.title,
    asOf: opts.asOf,
    status: rankingStatus(r),
    unitHeading: r.kind === 'provinces' ? 'จังหวัด' : 'ท้องถิ่นอำเภอ',
    indicators: r.indicators.map((i) => ({ no: i.no, title: i.title, owner: i.owner, weight: i.weight, thresholds: i.thresholds, example: i.example })),
    maxTotal: r.maxTotal,
    rows: r.ranked.map((o) => ({ rank: o.rank, tied: o.tied, name: short(r, o.name), levels: o.indicators.map((i) => i.level), total: o.total })),
    details: r.ranked.map((o) => ({
      rank: o.rank, tied: o.tied, name: o.name, total: o.total,
      indicators: o.indicators.map((i) => ({ no: i.no, result: i.result, band: i.band.replace(/^ระดับ \d: /, ''), level: i.level, weight: i.weight, score: i.score, evidence: i.evidence })),
    })),
    notSent: r.notSent.map((o) => short(r, o.name)),
    tieRule: r.tieRule,
    ...(r.examples ? { exampleNote: r.exampleNote } : {}),
    emblem: opts.emblem,
    thaiDigits: opts.thaiDigits,
  };
}
