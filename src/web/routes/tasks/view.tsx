import type { InternalDeadlineRow } from '../../../db/queries/rounds.ts';
import type { Task } from '../../../services/submissions/list-tasks.ts';
import { submissionPath } from '../submissions/page-model.ts';
import { DueText, PartTag, StateTag } from '../submissions/shared-view.tsx';
import { DivisionIndicators, TimelinessTag } from '../submissions/division-panel.tsx';

// One card per respondent and round: the deadline with days left (late marked, never hidden), any extension, the
// submission's state, and each form with its state, progress and who has it.

export function TasksView(props: { tasks: Task[]; internal: Map<string, InternalDeadlineRow[]>; now: Date; reviewing: { id: number; title: string; state: string }[] }) {
  return (
    <>
      <h1>งานของฉัน</h1>
      {props.tasks.length === 0 ? <p>ยังไม่มีรอบการประเมินที่หน่วยงานของท่านต้องส่งข้อมูล</p> : null}
      {props.reviewing.length ? (
        <section aria-labelledby="reviewing-title">
          <h2 id="reviewing-title">ตรวจข้อมูลของหน่วยงานในความรับผิดชอบ</h2>
          <ul>{props.reviewing.map((r) => <li><a href={`/rounds/${r.id}/submissions`}>{r.title}</a>{r.state === 'closed' ? <span class="muted"> (ปิดรับแล้ว)</span> : null}</li>)}</ul>
        </section>
      ) : null}
      {props.tasks.map((task) => {
        const base = submissionPath(task.roundId, task.orgUnitCode);
        const internal = props.internal.get(`${task.roundId}:${task.orgUnitId}`) ?? [];
        return (
          <section class={task.late && !task.closed ? 'task-card task-late' : 'task-card'} aria-labelledby={`task-${task.roundId}-${task.orgUnitId}`}>
            <h2 id={`task-${task.roundId}-${task.orgUnitId}`}><a href={base}>{task.roundTitle}</a></h2>
            <p class="muted">{task.orgUnitName} · {task.programmeTitle}</p>
            <dl class="summary-list">
              <dt>สถานะ</dt><dd><StateTag state={task.state} /></dd>
              {internal.map((d) => (<><dt>{task.division ? 'กลุ่มงานส่งสำนักงานภายใน' : 'กำหนดส่งภายใน'}</dt><dd>{d.title}: <DueText deadline={d.dueAt} now={props.now} /></dd></>))}
              <dt>{task.division ? 'สำนักงานส่งกรมภายใน' : 'กำหนดส่ง'}</dt><dd><DueText deadline={task.deadline} now={props.now} extended={task.extended} closed={task.closed} /></dd>
            </dl>
            {task.division ? (
              // A division officer: only the indicators their division owns, due at the province's internal date.
              task.division.divisions.map((d) => (
                <div class="division-block">
                  <h3>ตัวชี้วัดของ{d.name} <PartTag state={d.state} /> {d.state === 'ready' ? <TimelinessTag t={d.timeliness} /> : null}</h3>
                  <DivisionIndicators row={d} roundId={task.roundId} unitCode={task.orgUnitCode} caption={`ตัวชี้วัดของ${d.name} ใน${task.roundTitle}`} />
                  <p><a href={`${base}#division-${d.key}`}>{d.state === 'ready' ? 'ดูส่วนของกลุ่มงาน' : 'กรอกและแจ้งว่ากลุ่มงานกรอกเสร็จแล้ว'}</a></p>
                </div>
              ))
            ) : (
            <table class="table-stack">
              <caption class="visually-hidden">แบบของ{task.roundTitle}</caption>
              <thead><tr><th scope="col">แบบ</th><th scope="col">สถานะ</th><th scope="col" class="num">กรอกแล้ว</th><th scope="col">ผู้รับผิดชอบ</th></tr></thead>
              <tbody>
                {task.parts.map((p) => (
                  <tr>
                    <td data-label="แบบ"><a href={`${base}#form-${encodeURIComponent(p.code)}`}>{p.title}</a></td>
                    <td data-label="สถานะ"><PartTag state={p.state} /></td>
                    <td data-label="กรอกแล้ว" class="num">{p.answered.toLocaleString('th-TH')}/{p.total.toLocaleString('th-TH')}</td>
                    <td data-label="ผู้รับผิดชอบ">{p.assignedName ?? <span class="muted">ยังไม่ได้มอบหมาย</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            )}
          </section>
        );
      })}
    </>
  );
}
