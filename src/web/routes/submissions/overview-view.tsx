import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import type { InternalDeadlineRow } from '../../../db/queries/rounds.ts';
import type { PartStateName } from '../../../domain/submission/submission-state.ts';
import type { SubmissionContext } from '../../../services/submissions/load-submission.ts';
import { Notice } from '../../components/forms.tsx';
import { ownerText } from './indicator-view.tsx';
import { indicatorReferences, sectionPath, sectionProgress, submissionPath, type FormEntry, type Permissions } from './page-model.ts';
import { Breadcrumbs, DueText, PartTag, StateTag } from './shared-view.tsx';
import type { DivisionStatus } from '../../../services/outstanding/division-status.ts';
import { divisionKeyOfPart } from '../../../domain/outstanding/division-scope.ts';
import { DivisionStatusPanel, MyDivisionPanel } from './division-panel.tsx';

// The submission's task list (GOV.UK "complete multiple tasks"): each form with its sections and where each
// stands, who it is assigned to, the deadline, what the reviewers said and, after a return, what to fix.

export type OverviewProps = {
  csrf: string;
  now: Date;
  ctx: SubmissionContext;
  perms: Permissions;
  forms: FormEntry[];
  people: { userId: string; name: string; role: string }[];
  internalDeadlines: InternalDeadlineRow[];
  returnReason: string | null;
  changes: { label: string; before: string; after: string; href: string }[];
  fieldLabel: (fieldKey: string | null, itemCode: string) => { label: string; href: string | null };
  notice?: string | undefined;
  failed?: { form: string; kind: 'assign' | 'ready'; messages: string[] } | undefined;
  /** The provincial office's divisions (seed 004), when the framework names division owners. */
  division: DivisionStatus | null;
};

function partState(ctx: SubmissionContext, entry: FormEntry, answered: number): PartStateName {
  const part = ctx.parts.find((p) => p.partCode === entry.form.code);
  return part?.state ?? (answered ? 'in_progress' : 'not_started');
}

export function OverviewView(p: OverviewProps) {
  const { ctx, perms } = p;
  const base = submissionPath(ctx.round.id, ctx.unit.code);
  const open = ctx.comments.filter((c) => c.returnsField && !c.resolvedAt);
  const deadline = ctx.entry.deadline;
  return (
    <>
      <Breadcrumbs items={[{ href: '/tasks', label: 'งานของฉัน' }, { href: `/rounds/${ctx.round.id}`, label: ctx.round.title }]} />
      <span class="caption">{ctx.round.title}</span>
      <h1>{ctx.unit.nameTh}</h1>
      {p.notice ? <Notice kind="success">{p.notice}</Notice> : null}
      {!ctx.entry.allowed ? <Notice kind="warning">{ctx.entry.message}</Notice> : null}
      <dl class="summary-list">
        <dt>สถานะ</dt><dd><StateTag state={ctx.state} /></dd>
        {p.internalDeadlines.map((d) => (<><dt>กำหนดส่งภายใน</dt><dd>{d.title}: <DueText deadline={d.dueAt} now={p.now} /></dd></>))}
        <dt>กำหนดส่ง</dt><dd><DueText deadline={deadline} now={p.now} extended={ctx.entry.allowed && Boolean(ctx.entry.extension)} closed={!ctx.entry.allowed} /></dd>
        {ctx.submission?.submittedAt ? (<><dt>ส่งล่าสุด</dt><dd>{formatThaiDate(ctx.submission.submittedAt, { withTime: true })}</dd></>) : null}
      </dl>
      {ctx.state === 'returned' ? (
        <div class="panel panel-warning" id="returned">
          <h2>ผู้ตรวจส่งกลับให้แก้ไข</h2>
          {p.returnReason ? <p>เหตุผล: {p.returnReason}</p> : null}
          <p>แก้ไขได้เฉพาะช่องต่อไปนี้ ช่องอื่นดูได้อย่างเดียว แล้วให้ผู้บริหารส่งอีกครั้ง</p>
          <ul>
            {open.map((c) => {
              const f = p.fieldLabel(c.fieldKey, c.itemCode);
              return <li>{f.href ? <a href={f.href}>{f.label}</a> : f.label}: {c.body}</li>;
            })}
          </ul>
          {p.changes.length ? (
            <>
              <h3>สิ่งที่เปลี่ยนตั้งแต่ส่งครั้งก่อน</h3>
              <table class="table-stack">
                <thead><tr><th scope="col">ช่องข้อมูล</th><th scope="col">ส่งครั้งก่อน</th><th scope="col">ตอนนี้</th></tr></thead>
                <tbody>{p.changes.map((c) => <tr><td data-label="ช่องข้อมูล"><a href={c.href}>{c.label}</a></td><td data-label="ส่งครั้งก่อน">{c.before || 'ว่าง'}</td><td data-label="ตอนนี้">{c.after || 'ว่าง'}</td></tr>)}</tbody>
              </table>
            </>
          ) : <p class="muted">ยังไม่มีช่องที่เปลี่ยนจากที่ส่งครั้งก่อน</p>}
        </div>
      ) : null}
      {p.division?.mine ? (
        <MyDivisionPanel status={p.division} roundId={ctx.round.id} unitCode={ctx.unit.code} csrf={p.csrf} editable={perms.editable} now={p.now}
          failed={p.failed && divisionKeyOfPart(p.failed.form) ? p.failed.messages : undefined} />
      ) : p.division ? <DivisionStatusPanel status={p.division} now={p.now} /> : null}
      <h2>แบบที่ต้องกรอก</h2>
      <ol class="task-list">
        {p.forms.map((f) => {
          const progress = f.sections.map((s) => sectionProgress(ctx, s, perms.reopened));
          const answered = progress.reduce((n, x) => n + x.answered, 0);
          const total = progress.reduce((n, x) => n + x.total, 0);
          const part = ctx.parts.find((x) => x.partCode === f.form.code);
          const failed = p.failed?.form === f.form.code ? p.failed : undefined;
          return (
            <li class="task-form" id={`form-${f.form.code}`}>
              <h3 class="task-form-title">{f.title} <PartTag state={partState(ctx, f, answered)} /></h3>
              <p class="muted small">กรอกแล้ว {answered.toLocaleString('th-TH')} จาก {total.toLocaleString('th-TH')} ช่อง · ผู้รับผิดชอบ: {part?.assignedName ?? 'ยังไม่ได้มอบหมาย'}</p>
              <ul class="task-sections">
                {f.sections.map((s, i) => {
                  const pr = progress[i]!;
                  const owners = [...new Set(ctx.version.doc.areas.flatMap((a) => [...(a.indicators ?? []), ...(a.missions ?? []).flatMap((m) => m.indicators)])
                    .filter((ind) => indicatorReferences(ctx, ind).some((k) => s.fields.some((fl) => fl.key === k))).map((ind) => ownerText(ind.owner)).filter((x): x is string => Boolean(x)))];
                  const status = pr.returned ? <strong class="tag tag-red">แก้ไข {pr.returned} ช่อง</strong>
                    : pr.answered === pr.total ? <strong class="tag tag-green">ครบแล้ว</strong>
                    : pr.answered ? <strong class="tag">กรอกแล้ว {pr.answered}/{pr.total}</strong> : <strong class="tag tag-grey">ยังไม่เริ่ม</strong>;
                  return (
                    <li class="task-section">
                      <span class="task-name"><a href={sectionPath(ctx.round.id, ctx.unit.code, s.section.code)}>{s.title}</a>
                        {owners.length && ctx.audience === null ? <span class="muted small task-owner">ผู้รับผิดชอบตัวชี้วัด: {owners.join('; ')}</span> : null}</span>
                      <span class="task-status">{status}</span>
                    </li>
                  );
                })}
              </ul>
              {failed ? <div class="error-message" role="alert">{failed.messages.length > 1 ? <ul>{failed.messages.map((m) => <li>{m}</li>)}</ul> : failed.messages[0]}</div> : null}
              <div class="task-actions">
                {perms.canSubmit && perms.editable ? (
                  <form method="post" action={`${base}/parts/${encodeURIComponent(f.form.code)}/assign`} class="assign-form">
                    <input type="hidden" name="_csrf" value={p.csrf} />
                    <label for={`assign-${f.form.code}`}>มอบหมายแบบนี้ให้</label>
                    <select id={`assign-${f.form.code}`} name="userId">
                      <option value="">ยังไม่มอบหมาย</option>
                      {p.people.map((u) => <option value={u.userId} selected={part?.assignedUserId === u.userId}>{u.name}</option>)}
                    </select>{' '}
                    <button type="submit" class="button button-secondary">มอบหมาย</button>
                  </form>
                ) : null}
                {perms.canEdit && perms.editable && !perms.scope && part?.state !== 'ready' ? (
                  <form method="post" action={`${base}/parts/${encodeURIComponent(f.form.code)}/ready`} class="inline-form">
                    <input type="hidden" name="_csrf" value={p.csrf} />
                    <button type="submit" class="button button-secondary">แจ้งว่ากรอกแบบนี้เสร็จแล้ว</button>
                  </form>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      <div class="button-group">
        <a class="button" href={`${base}/check`}>{perms.canSubmit ? 'ตรวจคำตอบและส่ง' : 'ตรวจคำตอบทั้งหมด'}</a>
        {perms.canReview ? <a class="button button-secondary" href={`${base}/review`}>ตรวจและให้ความเห็น</a> : null}
        <a class="button button-secondary" href={`${base}/results`}>ผลการประเมินและแผนพัฒนา</a>
        <a class="button button-secondary" href={`${base}/documents`}>เอกสารรายงานผล (PDF/Word)</a>
      </div>
      {ctx.comments.length ? (
        <section aria-labelledby="comments-title">
          <h2 id="comments-title">ความเห็นของผู้ตรวจ</h2>
          <ul class="comments">
            {ctx.comments.map((c) => {
              const f = p.fieldLabel(c.fieldKey, c.itemCode);
              return (
                <li>
                  <strong>{f.href ? <a href={f.href}>{f.label}</a> : f.label}</strong>{c.returnsField ? <> <span class="tag tag-red">ขอให้แก้ไข</span></> : null}
                  {c.resolvedAt ? <> <span class="tag tag-grey">ส่งแล้ว</span></> : null}
                  <br />{c.body} <span class="muted small">— {c.authorName ?? 'ผู้ตรวจ'}, {formatThaiDate(c.createdAt, { short: true, withTime: true })}</span>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </>
  );
}
