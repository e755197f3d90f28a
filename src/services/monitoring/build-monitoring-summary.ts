import type { Deps } from '../../deps.ts';
import type { ProgrammeRow } from '../../db/queries/frameworks.ts';
import { listSentValues } from '../../db/queries/monitoring.ts';
import type { MonitoringSummaryDoc } from '../../documents/monitoring-summary.ts';
import type { Emblem } from '../../documents/view-models.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import { summariseStandards, type SentReport, type StandardSummary } from '../../domain/monitoring/national-summary.ts';
import { monitoringFields, type MonitoringFields } from '../../domain/monitoring/report-fields.ts';
import { reportStatusLabels } from '../../domain/monitoring/report-status.ts';
import { quarterPeriod } from '../documents/build-quarterly-report.ts';
import { loadFrameworkVersion } from '../framework/load-framework-version.ts';
import { listQuarterReports, type ProvinceReport, type StatusCounts } from './list-quarter-reports.ts';

// DLA's national summary of one quarter, from the reports the provinces have sent: per standard, the provinces per
// degree of following, and their problems and suggestions word for word; with what it rests on (who sent, on time or
// late, who has not). The page and the PDF/DOCX read the same summary.

export type MonitoringSummary = {
  programme: ProgrammeRow;
  roundTitle: string;
  roundId: number;
  period: string;
  fields: MonitoringFields;
  standards: StandardSummary[];
  reports: ProvinceReport[];
  counts: StatusCounts;
};

export async function loadMonitoringSummary(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: { roundId: number }): Promise<MonitoringSummary> {
  const { round, programme, reports, counts } = await listQuarterReports(deps, actor, input);
  const { doc } = await loadFrameworkVersion(deps.db, { id: round.frameworkVersionId });
  const fields = monitoringFields(doc);
  if (!fields) throw new DomainError('not_found', 'round_not_found');
  const keys = [fields.compliance, ...fields.problems, ...fields.suggestions].filter((f) => f !== null).map((f) => f.key);
  const values = await listSentValues(deps.db, round.id, keys);
  const byProvince = new Map<string, SentReport & { answers: Map<string, unknown> }>();
  for (const v of values) {
    let r = byProvince.get(v.provinceCode);
    if (!r) byProvince.set(v.provinceCode, (r = { provinceCode: v.provinceCode, provinceName: v.provinceName, answers: new Map() }));
    r.answers.set(`${v.fieldKey}|${v.itemCode}`, v.value);
  }
  // A sent report with none of these answers still counts (as "not stated" on every standard).
  for (const r of reports) {
    if ((r.state === 'submitted' || r.state === 'accepted') && r.provinceCode && !byProvince.has(r.provinceCode)) {
      byProvince.set(r.provinceCode, { provinceCode: r.provinceCode, provinceName: r.provinceName ?? r.provinceCode, answers: new Map() });
    }
  }
  return {
    programme, roundTitle: round.title, roundId: round.id, period: quarterPeriod(round.fiscalYear, round.quarter), fields,
    standards: summariseStandards(fields, [...byProvince.values()]), reports, counts,
  };
}

const names = (rows: ProvinceReport[]) => rows.map((r) => r.provinceName ?? r.officeCode).join(', ');

export function monitoringSummaryDoc(s: MonitoringSummary, opts: { asOf: Date; emblem: Emblem; thaiDigits: boolean }): MonitoringSummaryDoc {
  const c = s.counts;
  const sent = c.on_time + c.late;
  const overdue = s.reports.filter((r) => r.status === 'overdue');
  const pending = s.reports.filter((r) => r.status === 'pending');
  return {
    period: s.period,
    asOf: opts.asOf,
    coverage: [
      `จังหวัดที่ส่งรายงานแล้ว ${sent} จาก ${c.expected} จังหวัด (${reportStatusLabels.on_time} ${c.on_time} จังหวัด ${reportStatusLabels.late} ${c.late} จังหวัด)`,
      ...(overdue.length ? [`${reportStatusLabels.overdue} ${overdue.length} จังหวัด: ${names(overdue)}`] : []),
      ...(pending.length ? [`ยังไม่ส่ง ยังไม่ถึงกำหนด ${pending.length} จังหวัด`] : []),
      'สรุปนี้นับเฉพาะรายงานที่จังหวัดส่งแล้ว ข้อความปัญหา/อุปสรรคและข้อเสนอแนะยกมาตามที่จังหวัดรายงาน',
    ],
    complianceColumns: s.fields.compliance?.choices?.map((ch) => ch.label) ?? [],
    standards: s.standards.map((st) => ({
      title: st.title, counts: st.compliance.map((x) => x.provinces), notStated: st.notStated,
      problems: st.problems.map((p) => ({ province: p.provinceName, text: p.text })),
      suggestions: st.suggestions.map((p) => ({ province: p.provinceName, text: p.text })),
    })),
    emblem: opts.emblem,
    thaiDigits: opts.thaiDigits,
  };
}
