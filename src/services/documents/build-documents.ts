import type { Emblem, LetterDoc, MemoDoc, ResultsTableDoc } from '../../documents/view-models.ts';
import { resolveText, visibleIndicators } from '../../domain/framework/framework-view.ts';
import { laoTypeLabels } from '../../domain/org/lao-type.ts';
import { resultStateLabels, scoreSubmission } from '../../domain/results/score-indicator.ts';
import type { SubmissionContext } from '../submissions/load-submission.ts';

// The view-models of an LAO's documents about its results (seed 003): figures come from the results and cannot be
// edited; reference numbers, dates, signatories and wording come from the person preparing the document.

export type DocumentEdits = {
  referenceNo: string; date: Date; subject: string; addressee: string; paragraphs: string[]; proposal: string[];
  signatoryName: string; signatoryPosition: string; thaiDigits: boolean; publicUrl: string | null;
  address?: string; phone?: string;
  /** The deployment's Garuda (services/documents/emblem.ts); none keeps its place empty. */
  emblem?: Emblem;
};

/** เรียน …: the LAO's executive (นายกเทศมนตรีตำบล… for a municipality, นายกองค์การบริหารส่วนตำบล… otherwise). */
function executiveTitle(ctx: SubmissionContext): string {
  const name = ctx.unit.nameTh;
  if (ctx.audience === 'subdistrict' || ctx.audience === 'town' || ctx.audience === 'city') return `นายกเทศมนตรี${name.replace(/^เทศบาล/, '')}`;
  if (ctx.audience) return `นายก${name}`;
  return laoTypeLabels.pao.full === name ? name : `หัวหน้า${name}`;
}

/** The wording a person starts from, to edit before printing: the memo to the executive (seed 003's first document),
 * or the letter telling the provincial office that the data are entered (its second). */
export function defaultEdits(ctx: SubmissionContext, now: Date, publicUrl: string | null, kind: 'memo' | 'letter' = 'memo', provinceName = ''): DocumentEdits {
  const year = ctx.version.doc.version.fiscalYear;
  if (kind === 'letter') {
    return {
      referenceNo: '', date: now, publicUrl,
      subject: `การบันทึกข้อมูลการประเมินมาตรฐานขั้นต่ำการจัดบริการสาธารณะ ประจำปี พ.ศ. ${year}`,
      addressee: `ท้องถิ่นจังหวัด${provinceName}`,
      paragraphs: [`${ctx.unit.nameTh} ได้บันทึกข้อมูลการประเมินมาตรฐานขั้นต่ำการจัดบริการสาธารณะ ประจำปี พ.ศ. ${year} ในระบบครบถ้วนแล้ว`, 'จึงเรียนมาเพื่อโปรดทราบ'],
      proposal: [], signatoryName: '', signatoryPosition: '', thaiDigits: false,
    };
  }
  return {
    referenceNo: '', date: now, publicUrl,
    subject: `รายงานผลการประเมินมาตรฐานขั้นต่ำการจัดบริการสาธารณะ ประจำปี พ.ศ. ${year}`,
    addressee: executiveTitle(ctx),
    paragraphs: [
      `ตามที่สำนักงานคณะกรรมการการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่นได้ดำเนินการประเมินมาตรฐานขั้นต่ำการจัดบริการสาธารณะขององค์กรปกครองส่วนท้องถิ่น ประจำปี พ.ศ. ${year} โดยให้องค์กรปกครองส่วนท้องถิ่นบันทึกข้อมูลผลการดำเนินงานในระบบ นั้น`,
      `${ctx.unit.nameTh} ได้บันทึกข้อมูลครบถ้วนแล้ว ผลการประเมินสรุปได้ดังนี้`,
    ],
    proposal: [
      'จึงเรียนมาเพื่อโปรดทราบ และพิจารณาเห็นชอบให้รายงานผลการประเมินต่อสภาท้องถิ่น และประกาศผลการประเมินทางเว็บไซต์ของหน่วยงาน เพื่อให้ประชาชนทราบโดยทั่วกัน',
    ],
    signatoryName: '', signatoryPosition: '', thaiDigits: false,
  };
}

export function buildMemo(ctx: SubmissionContext, edits: DocumentEdits): MemoDoc {
  const summary = scoreSubmission(ctx.version.doc, ctx.audience, ctx.answers);
  const titles = new Map(visibleIndicators(ctx.version.doc, ctx.audience).map(({ indicator }) => [indicator.code, resolveText(indicator.title, ctx.audience, ctx.version.doc)]));
  return {
    agency: ctx.unit.nameTh, referenceNo: edits.referenceNo, date: edits.date, subject: edits.subject, addressee: edits.addressee,
    paragraphs: edits.paragraphs,
    resultsSummary: summary.byArea.map((a) => ({ area: a.title, met: a.counts.met, needsDevelopment: a.counts.needs_development, noService: a.counts.no_service, notDone: a.counts.not_done, missing: a.counts.missing })),
    toDevelop: summary.results.filter((r) => r.state === 'needs_development' || r.state === 'not_done').map((r) => titles.get(r.code) ?? r.code),
    proposal: edits.proposal,
    signatory: [{ name: edits.signatoryName, position: edits.signatoryPosition }],
    ...(edits.publicUrl ? { qrUrl: edits.publicUrl } : {}),
    emblem: edits.emblem ?? null, thaiDigits: edits.thaiDigits,
  };
}

export function buildLetter(ctx: SubmissionContext, edits: DocumentEdits): LetterDoc {
  return {
    referenceNo: edits.referenceNo, agency: ctx.unit.nameTh, address: edits.address ?? ctx.unit.nameTh, date: edits.date,
    subject: edits.subject, addressee: edits.addressee, paragraphs: edits.paragraphs,
    closing: 'ขอแสดงความนับถือ',
    signatory: { name: edits.signatoryName, position: edits.signatoryPosition },
    contact: { office: ctx.unit.nameTh, phone: edits.phone ?? '' },
    emblem: edits.emblem ?? null, thaiDigits: edits.thaiDigits,
  };
}

export function buildResultsTable(ctx: SubmissionContext, thaiDigits: boolean, emblem: Emblem = null): ResultsTableDoc {
  const { doc } = ctx.version;
  const summary = scoreSubmission(doc, ctx.audience, ctx.answers);
  const byCode = new Map(summary.results.map((r) => [r.code, r]));
  const areas = doc.areas.map((area) => {
    const groups = [
      ...(area.indicators?.length ? [{ mission: undefined, indicators: area.indicators }] : []),
      ...(area.missions ?? []).map((m) => ({ mission: resolveText(m.title, ctx.audience, doc), indicators: m.indicators })),
    ];
    return {
      area: resolveText(area.title, ctx.audience, doc),
      missions: groups.map((g) => ({
        ...(g.mission ? { mission: g.mission } : {}),
        rows: g.indicators.filter((i) => byCode.has(i.code)).map((i) => {
          const r = byCode.get(i.code)!;
          return {
            indicator: resolveText(i.title, ctx.audience, doc),
            target: r.target ? `${r.target.comparison === '>=' ? '≥' : r.target.comparison === '<=' ? '≤' : r.target.comparison} ${r.target.value.toLocaleString('th-TH')} ${i.unit}` : '—',
            frame: r.denominator, service: r.numerator ?? (i.formula ? r.value : null), percent: i.formula ? null : r.value,
            result: resultStateLabels[r.state],
          };
        }),
      })).filter((m) => m.rows.length),
    };
  }).filter((a) => a.missions.length);
  return { title: `ผลการประเมินมาตรฐานขั้นต่ำการจัดบริการสาธารณะ ประจำปี พ.ศ. ${doc.version.fiscalYear}`, subtitle: ctx.unit.nameTh, areas, emblem, thaiDigits };
}
