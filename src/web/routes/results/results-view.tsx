import { laoTypeLabels } from '../../../domain/org/lao-type.ts';
import { roundStateLabels } from '../../../domain/rounds/round-state.ts';
import type { ResultsView } from '../../../services/results/load-results.ts';
import { Notice } from '../../components/forms.tsx';
import { submissionPath } from '../submissions/page-model.ts';
import { Breadcrumbs, StateTag as SubmissionStateTag } from '../submissions/shared-view.tsx';
import { fieldId, PlanSection, type PlanFailure } from './plan-view.tsx';
import { planFieldLabels, type PlanField } from './plan-schema.ts';
import { ResultsSummaryView, ResultsTables } from './results-table.tsx';

// The signed-in results page of one respondent: counts, the ODLOC-style tables with why, last year and similar LAOs,
// the improvement plan, and — once the round is published — the public page's address and QR code.

export type ResultsPageProps = {
  view: ResultsView;
  csrf: string;
  canEditPlan: boolean;
  publicLink: { url: string; qrPath: string } | null;
  notice?: string | undefined;
  failed?: PlanFailure | undefined;
};

export const resultsPath = (roundId: number, orgUnitCode: string) => `${submissionPath(roundId, orgUnitCode)}/results`;

export function ResultsPage(p: ResultsPageProps) {
  const { view } = p;
  const { ctx } = view;
  const base = submissionPath(ctx.round.id, ctx.unit.code);
  const failedErrors = p.failed && !p.failed.conflict ? Object.entries(p.failed.errors) : [];
  return (
    <>
      <Breadcrumbs items={[{ href: '/tasks', label: 'งานของฉัน' }, { href: `/rounds/${ctx.round.id}`, label: ctx.round.title }, { href: base, label: ctx.unit.nameTh }]} />
      <span class="caption">{ctx.unit.nameTh} · {ctx.round.title}</span>
      <h1>ผลการประเมิน</h1>
      {p.notice ? <Notice kind="success">{p.notice}</Notice> : null}
      {failedErrors.length ? (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
          <h2 id="error-summary-title">แผนพัฒนายังไม่ได้บันทึก</h2>
          <ul>{failedErrors.map(([f, m]) => <li><a href={f === 'form' ? `#plan-${p.failed!.code}` : `#${fieldId(p.failed!.code, f as PlanField)}`}>{f in planFieldLabels ? `${planFieldLabels[f as PlanField]}: ` : ''}{m}</a></li>)}</ul>
        </div>
      ) : null}
      <dl class="summary-list">
        <dt>หน่วยงาน</dt><dd>{ctx.unit.nameTh}{ctx.audience ? ` (${laoTypeLabels[ctx.audience].full})` : ''}</dd>
        <dt>รอบการประเมิน</dt><dd>{ctx.round.title} · {roundStateLabels[ctx.round.state]}</dd>
        <dt>สถานะการส่งข้อมูล</dt><dd><SubmissionStateTag state={ctx.state} /></dd>
        {view.lastYearRoundTitle ? <><dt>เทียบกับปีก่อน</dt><dd>{view.lastYearRoundTitle}</dd></> : null}
      </dl>
      {ctx.round.state !== 'published' ? <Notice kind="info">ผลนี้คำนวณจากข้อมูลที่บันทึกล่าสุด และจะเปิดเผยต่อสาธารณะเมื่อรอบการประเมินประกาศผลแล้ว</Notice> : null}
      {p.publicLink ? (
        <section class="panel public-link" aria-labelledby="public-link-title">
          <h2 id="public-link-title">หน้าผลการประเมินสำหรับประชาชน</h2>
          <div class="public-link-body">
            <img src={p.publicLink.qrPath} width={160} height={160} alt={`คิวอาร์โค้ดไปยังหน้าผลการประเมินสำหรับประชาชน ${p.publicLink.url}`} />
            <p>ประชาชนดูผลการประเมินและแผนพัฒนาได้โดยไม่ต้องเข้าสู่ระบบ ที่<br /><a href={p.publicLink.url} class="wrap">{p.publicLink.url}</a><br />
              <a href={p.publicLink.qrPath} download={`qr-${ctx.unit.code}.svg`}>ดาวน์โหลดคิวอาร์โค้ด (SVG)</a></p>
          </div>
        </section>
      ) : null}
      <ResultsSummaryView view={view} />
      <ResultsTables view={view} />
      <PlanSection rows={view.rows} canEdit={p.canEditPlan} csrf={p.csrf} failed={p.failed} dataFiscalYear={ctx.version.doc.version.dataFiscalYear}
        actionFor={(code) => `${resultsPath(ctx.round.id, ctx.unit.code)}/plans/${encodeURIComponent(code)}#plan-${code}`} />
      <p><a href={base}>กลับไปหน้าการส่งข้อมูล</a> · <a href={`${base}/check`}>ตรวจคำตอบทั้งหมด</a> · <a href={`${base}/documents`}>เอกสารรายงานผล (PDF/Word)</a></p>
    </>
  );
}
