import type { Deps } from '../../deps.ts';
import { findOrgUnitByCode } from '../../db/queries/org-units.ts';
import { findProgrammeById } from '../../db/queries/frameworks.ts';
import { findRound } from '../../db/queries/rounds.ts';
import type { Emblem, LetterDoc, QuarterlyReportDoc } from '../../documents/view-models.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { bangkokInstant } from '../../domain/dates/bangkok-time.ts';
import { formatThaiDate } from '../../domain/dates/thai-date.ts';
import { DomainError } from '../../domain/errors.ts';
import { numericFieldTypes, type Field, type Section } from '../../domain/framework/framework-schema.ts';
import { resolveText, visibleFields } from '../../domain/framework/framework-view.ts';
import { provinceOfficeCode } from '../../domain/org/org-unit.ts';
import { fiscalQuarterRange, quarterlyRoundDates, type Quarter } from '../../domain/rounds/fiscal-quarter.ts';
import { answerKey, sectionItems } from '../../domain/submission/check-section.ts';
import type { StoredValue } from '../../domain/submission/parse-field-value.ts';
import { loadSubmissionContext, type SubmissionContext } from '../submissions/load-submission.ts';

// DLA's quarterly monitoring report of one province (seed 000's form), built from the provincial office's
// submission in a quarterly round: one row per standard of the section that repeats over the standards list. In
// that section a field whose key names problems (…problem…) fills ปัญหา/อุปสรรค, one that names suggestions
// (…suggest…) fills ข้อเสนอแนะ, and every other field is said in การปฏิบัติตามมาตรฐาน. Of the other sections, the
// first date is "ข้อมูล ณ วันที่", reporter_* fields are the reporter, numbers are the province's figures and long
// texts its summary. Figures come only from the answers; the page edits dates, wording and who signs.

export type QuarterlyReportContext = { ctx: SubmissionContext; province: { code: string; name: string } };

export async function loadQuarterlyReport(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: { roundId: number; provinceCode: string }): Promise<QuarterlyReportContext> {
  if (!/^\d{2}$/.test(input.provinceCode) || !Number.isSafeInteger(input.roundId) || input.roundId <= 0) throw new DomainError('not_found', 'quarterly_report_not_found');
  const round = await findRound(deps.db, input.roundId);
  const programme = round ? await findProgrammeById(deps.db, round.programmeId) : undefined;
  // Only rounds of a quarterly programme the provincial offices answer have this report.
  if (!programme || programme.frequency !== 'quarterly' || programme.respondents !== 'province_office') throw new DomainError('not_found', 'quarterly_report_not_found');
  const province = await findOrgUnitByCode(deps.db, 'province', input.provinceCode);
  if (!province) throw new DomainError('not_found', 'quarterly_report_not_found');
  const ctx = await loadSubmissionContext(deps, actor, { roundId: input.roundId, orgUnitCode: provinceOfficeCode(input.provinceCode) });
  return { ctx, province: { code: input.provinceCode, name: province.nameTh } };
}

export type QuarterlyEdits = {
  asOf: Date; note: string; reporterName: string; reporterPosition: string; reporterPhone: string;
  referenceNo: string; date: Date; subject: string; addressee: string; address: string; paragraphs: string[];
  signatoryName: string; signatoryPosition: string; thaiDigits: boolean; emblem: Emblem;
};

const monthOf = (isoDate: string) => formatThaiDate(isoDate).split(' ')[1]!;

/** ไตรมาสที่ 2 ปีงบประมาณ พ.ศ. 2570 (มกราคม – มีนาคม 2570) */
export function quarterPeriod(fiscalYear: number, quarter: number | null): string {
  if (!quarter) return `ปีงบประมาณ พ.ศ. ${fiscalYear}`;
  const { first, last } = fiscalQuarterRange(fiscalYear, quarter as Quarter);
  return `ไตรมาสที่ ${quarter} ปีงบประมาณ พ.ศ. ${fiscalYear} (${monthOf(first)} – ${monthOf(last)} ${Number(last.slice(0, 4)) + 543})`;
}

type Roles = { repeated: Section[]; others: { field: Field }[] };

function sectionsOf(q: QuarterlyReportContext): Roles {
  const { doc } = q.ctx.version;
  const fields = visibleFields(doc, q.ctx.audience).filter(({ field }) => field.type !== 'file');
  return {
    repeated: [...new Set(fields.filter(({ section }) => section.repeatOver).map(({ section }) => section))],
    others: fields.filter(({ section }) => !section.repeatOver),
  };
}

const answer = (q: QuarterlyReportContext, key: string, item = ''): StoredValue | undefined => q.ctx.answers.get(answerKey(key, item)) ?? undefined;
const isProblems = (f: Field) => /problem|obstacle/i.test(f.key);
const isSuggestions = (f: Field) => /suggest/i.test(f.key);

/** An answer as a reader of the form says it: a choice by its label, a number with its unit. */
function say(q: QuarterlyReportContext, field: Field, value: StoredValue | undefined): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (field.type === 'choice') return field.choices?.find((c) => c.value === value)?.label ?? String(value);
  if (field.type === 'yesno') return value === true ? 'ใช่' : 'ไม่ใช่';
  if (field.type === 'date' && typeof value === 'string') return formatThaiDate(value);
  if (typeof value === 'number') return `${value.toLocaleString('en-US', { maximumFractionDigits: 2 })}${field.unit ? ` ${field.unit}` : ''}`;
  return String(value);
}

function rows(q: QuarterlyReportContext): QuarterlyReportDoc['rows'] {
  const { doc } = q.ctx.version;
  const label = (f: Field) => resolveText(f.label, q.ctx.audience, doc);
  return sectionsOf(q).repeated.flatMap((section) => {
    const fields = section.fields.filter((f) => f.type !== 'file');
    return sectionItems(doc, section).map((item) => {
      const of = (pick: (f: Field) => boolean) => fields.filter(pick).map((f) => say(q, f, answer(q, f.key, item.code))).filter((s): s is string => s !== null);
      const practice = fields.filter((f) => !isProblems(f) && !isSuggestions(f)).map((f) => {
        const s = say(q, f, answer(q, f.key, item.code));
        // A choice says itself ("ปฏิบัติครบถ้วน"); anything else needs its label to be understood.
        return s === null ? null : f.type === 'choice' ? s : `${label(f)} ${s}`;
      }).filter((s): s is string => s !== null);
      return { standard: item.title, practice: practice.join('\n') || '-', problems: of(isProblems).join('\n') || '-', suggestions: of(isSuggestions).join('\n') || '-' };
    });
  });
}

/** What the page starts from: the as-of date and reporter from the answers, the usual wording of the covering letter. */
export function quarterlyDefaults(q: QuarterlyReportContext, now: Date, emblem: Emblem): QuarterlyEdits {
  const { round } = q.ctx;
  const { others } = sectionsOf(q);
  const dateField = others.find(({ field }) => field.type === 'date');
  const typedAsOf = dateField ? answer(q, dateField.field.key) : undefined;
  const asOf = typeof typedAsOf === 'string' ? bangkokInstant(typedAsOf, '09:00')
    : round.quarter ? quarterlyRoundDates(round.fiscalYear, round.quarter as Quarter).dueAt : now;
  const reporter = (suffix: string) => {
    const v = answer(q, `reporter_${suffix}`);
    return typeof v === 'string' ? v : '';
  };
  const p = q.province.name;
  const period = quarterPeriod(round.fiscalYear, round.quarter);
  return {
    asOf, note: '', reporterName: reporter('name'), reporterPosition: reporter('position'), reporterPhone: reporter('phone'),
    referenceNo: '', date: now, subject: 'การติดตามการดำเนินงานตามคู่มือมาตรฐานการจัดบริการสาธารณะขององค์กรปกครองส่วนท้องถิ่น',
    addressee: 'อธิบดีกรมส่งเสริมการปกครองท้องถิ่น', address: '',
    paragraphs: [
      'ตามที่กรมส่งเสริมการปกครองท้องถิ่นได้กำหนดให้มีการติดตามการดำเนินงานตามคู่มือมาตรฐานการจัดบริการสาธารณะขององค์กรปกครองส่วนท้องถิ่น และให้จังหวัดรายงานผลการดำเนินงานเป็นรายไตรมาส นั้น',
      `จังหวัด${p} ขอรายงานผลการดำเนินงานตามคู่มือมาตรฐานการจัดบริการสาธารณะขององค์กรปกครองส่วนท้องถิ่น ${period} รายละเอียดตามสิ่งที่ส่งมาด้วย`,
      'จึงเรียนมาเพื่อโปรดทราบ',
    ],
    signatoryName: '', signatoryPosition: `ผู้ว่าราชการจังหวัด${p}`, thaiDigits: false, emblem,
  };
}

export function buildQuarterlyReport(q: QuarterlyReportContext, edits: QuarterlyEdits): QuarterlyReportDoc {
  const { doc } = q.ctx.version;
  const { others } = sectionsOf(q);
  const facts = others.filter(({ field }) => numericFieldTypes.includes(field.type))
    .map(({ field }) => ({ label: resolveText(field.label, q.ctx.audience, doc), value: say(q, field, answer(q, field.key)) ?? '-' }));
  const summary = others.filter(({ field }) => field.type === 'longtext').map(({ field }) => answer(q, field.key)).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  return {
    province: q.province.name, asOf: edits.asOf, period: quarterPeriod(q.ctx.round.fiscalYear, q.ctx.round.quarter),
    rows: rows(q), facts, summary,
    ...(edits.note ? { note: edits.note } : {}),
    ...(edits.reporterName || edits.reporterPosition ? { reporter: { role: 'ผู้รายงาน', name: edits.reporterName, position: edits.reporterPosition, ...(edits.reporterPhone ? { phone: edits.reporterPhone } : {}) } } : {}),
    emblem: edits.emblem, thaiDigits: edits.thaiDigits,
  };
}

/** The province's covering letter to DLA that goes with the form (หนังสือภายนอก). */
export function buildQuarterlyLetter(q: QuarterlyReportContext, edits: QuarterlyEdits): LetterDoc {
  const p = q.province.name;
  return {
    referenceNo: edits.referenceNo, agency: `ศาลากลางจังหวัด${p}`, address: edits.address, date: edits.date,
    subject: edits.subject, addressee: edits.addressee,
    enclosures: [`แบบติดตามผลการดำเนินงานตามคู่มือมาตรฐานการจัดบริการสาธารณะขององค์กรปกครองส่วนท้องถิ่น จังหวัด${p} ${quarterPeriod(q.ctx.round.fiscalYear, q.ctx.round.quarter)} จำนวน 1 ฉบับ`],
    paragraphs: edits.paragraphs, closing: 'ขอแสดงความนับถือ',
    signatory: { name: edits.signatoryName, position: edits.signatoryPosition },
    contact: { office: `สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด${p}\nกลุ่มงานส่งเสริมและพัฒนาท้องถิ่น`, phone: edits.reporterPhone },
    emblem: edits.emblem, thaiDigits: edits.thaiDigits,
  };
}

/** How many standards the report has a row for, and how many of them have any answer yet. */
export function quarterlyProgress(q: QuarterlyReportContext): { standards: number; answered: number } {
  const { doc } = q.ctx.version;
  let standards = 0;
  let answered = 0;
  for (const section of sectionsOf(q).repeated) {
    for (const item of sectionItems(doc, section)) {
      standards++;
      if (section.fields.some((f) => answer(q, f.key, item.code) != null)) answered++;
    }
  }
  return { standards, answered };
}
