import type { Deps } from '../../deps.ts';
import { findOrgUnitByCode } from '../../db/queries/org-units.ts';
import { sentScoreTotals } from '../../db/queries/score-ranking.ts';
import type { Emblem, OutstandingOfficeDoc } from '../../documents/view-models.ts';
import type { Indicator, Owner } from '../../domain/framework/framework-schema.ts';
import { resolveText, visibleIndicators } from '../../domain/framework/framework-view.ts';
import { provinceOfficeDivisions } from '../../domain/org/divisions.ts';
import { scoreSubmission, type IndicatorResult } from '../../domain/results/score-indicator.ts';
import type { SubmissionContext } from '../submissions/load-submission.ts';
import type { DocumentEdits } from './build-documents.ts';

// The outstanding-office report (seed 004) of one provincial or district office: each indicator with its owning
// divisions, the office's result, level, weight and weighted score, computed from the submission as every save
// computes them (score-indicator.ts). DLA has published no scoring bands or weights, so the shipped ones are
// examples: every such level and weight carries a mark and the report says what the mark means. The ranking is
// printed only once the round is closed, among the offices that sent their data.

/** Rounds of a scored programme that offices answer: the outstanding-office selections. */
export const isOutstandingOfficeRound = (ctx: Pick<SubmissionContext, 'programme'>) => ctx.programme.scored && ctx.programme.respondents !== 'lao';

export const exampleNote = 'ระดับและน้ำหนักที่มีเครื่องหมายนี้เป็นค่าตัวอย่าง — แก้ไขตามประกาศ (ยังไม่มีประกาศเกณฑ์อย่างเป็นทางการ) คะแนนที่คำนวณจากค่าเหล่านี้จึงยังไม่ใช่ผลทางการ';

const divisionNames = new Map<string, string>(provinceOfficeDivisions.map((d) => [d.key, d.nameTh]));

export function ownerWords(owner: Owner | undefined): string {
  if (!owner || 'area' in owner) return '-';
  if ('office' in owner) return owner.office === 'province_office' ? 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด' : 'สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอ';
  return [...owner.divisions.map((d) => divisionNames.get(d) ?? d), ...(owner.districtOffices ? ['ท้องถิ่นอำเภอทุกอำเภอ'] : [])].join(', ');
}

const leadingUnits = new Set(['ร้อยละ', 'ระดับ']);

/** ผลการดำเนินงาน as people write it: "ร้อยละ 92.5", "ระดับ 4", "6 กิจกรรม". */
export function resultWords(indicator: Indicator, r: IndicatorResult): string {
  if (r.state === 'missing') return 'ยังไม่มีข้อมูล';
  if (r.state === 'no_service' || r.value === null) return '-';
  const n = r.value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return leadingUnits.has(indicator.unit) ? `${indicator.unit} ${n}` : `${n} ${indicator.unit}`;
}

const isExample = (i: Indicator) => Boolean(i.levels?.example || i.weight?.example || i.example);
const byCode = (a: { indicator: Indicator }, b: { indicator: Indicator }) => a.indicator.code.localeCompare(b.indicator.code, 'en', { numeric: true });

/** The indicators in the order of their codes (DLA's own numbering: ตัวชี้วัดที่ ๑ … ๑๒), numbered from 1. */
function rows(ctx: SubmissionContext): { rows: OutstandingOfficeDoc['indicators']; total: number | null; max: number | null } {
  const { doc } = ctx.version;
  const summary = scoreSubmission(doc, ctx.audience, ctx.answers);
  const results = new Map(summary.results.map((r) => [r.code, r]));
  const rows = [...visibleIndicators(doc, ctx.audience)].sort(byCode).map(({ indicator }, i) => {
    const r = results.get(indicator.code)!;
    return {
      no: i + 1, title: resolveText(indicator.title, ctx.audience, doc), owner: ownerWords(indicator.owner), result: resultWords(indicator, r),
      level: r.level, weight: indicator.weight?.value ?? 0, score: r.score, example: isExample(indicator),
    };
  });
  return { rows, total: summary.score?.total ?? null, max: summary.score?.max ?? null };
}

/** Where the office stands among those that sent their data; null while the round is open or it sent nothing. */
async function rankingOf(deps: Pick<Deps, 'db'>, ctx: SubmissionContext): Promise<number | null> {
  if (ctx.round.state !== 'closed' && ctx.round.state !== 'published') return null;
  const totals = await sentScoreTotals(deps.db, ctx.round.id);
  const mine = totals.find((t) => t.orgUnitId === ctx.unit.id);
  return mine ? 1 + totals.filter((t) => t.total > mine.total + 1e-9).length : null;
}

async function provinceName(deps: Pick<Deps, 'db'>, ctx: SubmissionContext): Promise<string> {
  const province = ctx.unit.provinceCode ? await findOrgUnitByCode(deps.db, 'province', ctx.unit.provinceCode) : undefined;
  return province?.nameTh ?? '';
}

const formTitle = (ctx: SubmissionContext) => resolveText(ctx.version.doc.forms[0]!.title, ctx.audience, ctx.version.doc);

/** The report, from the submission and the edits of the documents page (date, notes, who reports). */
export async function buildOutstandingReport(deps: Pick<Deps, 'db'>, ctx: SubmissionContext, edits: DocumentEdits, emblem: Emblem): Promise<OutstandingOfficeDoc> {
  const province = await provinceName(deps, ctx);
  const { rows: indicators, total, max } = rows(ctx);
  const office = ctx.unit.kind === 'district_office' ? `${ctx.unit.nameTh} จังหวัด${province}` : ctx.unit.nameTh;
  return {
    title: formTitle(ctx), province, office, asOf: edits.date, indicators, total, maxTotal: max, ranking: await rankingOf(deps, ctx), exampleNote,
    notes: edits.paragraphs,
    ...(edits.signatoryName || edits.signatoryPosition ? { reporter: { role: 'ผู้รายงาน', name: edits.signatoryName, position: edits.signatoryPosition, ...(edits.phone ? { phone: edits.phone } : {}) } } : {}),
    emblem, thaiDigits: edits.thaiDigits,
  };
}

/** What the documents page of an office starts from: the report's reporter, and a covering letter to whom it reports. */
export async function outstandingDefaultEdits(deps: Pick<Deps, 'db'>, ctx: SubmissionContext, now: Date, kind: 'outstanding' | 'letter'): Promise<DocumentEdits> {
  const province = await provinceName(deps, ctx);
  const district = ctx.unit.kind === 'district_office';
  const head = district ? ctx.unit.nameTh.replace(/^สำนักงานส่งเสริมการปกครองท้องถิ่น/, 'ท้องถิ่น') : `ท้องถิ่นจังหวัด${province}`;
  const base = { referenceNo: '', date: now, publicUrl: null, proposal: [], signatoryName: '', signatoryPosition: head, thaiDigits: false };
  const title = formTitle(ctx);
  if (kind === 'outstanding') return { ...base, subject: title, addressee: '', paragraphs: [] };
  return {
    ...base,
    subject: title.replace(/^แบบรายงานผล/, 'รายงานผล'),
    addressee: district ? `ท้องถิ่นจังหวัด${province}` : 'อธิบดีกรมส่งเสริมการปกครองท้องถิ่น',
    paragraphs: [
      `ตามที่กรมส่งเสริมการปกครองท้องถิ่นได้จัดทำโครงการคัดเลือกท้องถิ่นจังหวัดดีเด่นและท้องถิ่นอำเภอดีเด่น และให้รายงานผลการดำเนินงานตามตัวชี้วัดที่กำหนด นั้น`,
      `${ctx.unit.nameTh} ขอส่ง${title} รายละเอียดตามสิ่งที่ส่งมาด้วย`,
      'จึงเรียนมาเพื่อโปรดพิจารณา',
    ],
  };
}
