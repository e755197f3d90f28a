import type { ChaseRow } from '../../../db/queries/chase-list.ts';
import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import { laoTypeLabels, type LaoType } from '../../../domain/org/lao-type.ts';
import { answeredShare } from '../../../domain/reminders/chase-state.ts';
import type { SubmissionStateName } from '../../../domain/submission/submission-state.ts';
import { daysText, StateTag } from '../submissions/shared-view.tsx';
import { submissionPath } from '../submissions/page-model.ts';

// The chase list's rows: a box to tick, where the respondent stands, its own deadline, who would receive a
// reminder ("ไม่มีผู้รับ" when nobody can), the last reminder and call, and a small form to note a call. The call
// form's fields belong to a form outside the send form (the `form` attribute), since forms cannot nest.

export type CallState = { orgUnitId: number | null; note: string; error: string };

const percent = (share: number) => `${Math.floor(share * 100).toLocaleString('th-TH')}%`;

export function ChaseTable(p: { roundId: number; rows: ChaseRow[]; now: Date; checked: Set<string>; call?: CallState | undefined }) {
  return (
    <table class="table-stack chase-table">
      <thead>
        <tr>
          <th scope="col"><span class="visually-hidden">เลือก</span></th>
          <th scope="col">หน่วยงาน</th><th scope="col">สถานะ</th><th scope="col">กำหนดส่ง</th><th scope="col">ผู้รับ</th><th scope="col">การติดตาม</th>
        </tr>
      </thead>
      <tbody>
        {p.rows.map((r) => {
          const id = `unit-${r.orgUnitId}`;
          const due = daysText(r.deadline, p.now);
          const callError = p.call && p.call.orgUnitId === r.orgUnitId ? p.call : undefined;
          return (
            <tr id={`row-${r.orgUnitId}`}>
              <td data-label="เลือก" class="chase-pick"><input type="checkbox" name="units" value={String(r.orgUnitId)} id={id} checked={p.checked.has(String(r.orgUnitId))} /></td>
              <td data-label="หน่วยงาน">
                <label for={id} class="chase-name">{r.name}</label>
                <span class="muted small nowrap"> {r.laoType ? laoTypeLabels[r.laoType as LaoType]?.short ?? '' : ''} {r.districtName ? `· ${r.districtName}` : ''}</span>
                {' '}<a class="small chase-view" href={submissionPath(p.roundId, r.code)}>ดูข้อมูล<span class="visually-hidden"> {r.name}</span></a>
              </td>
              <td data-label="สถานะ">
                <StateTag state={r.state as SubmissionStateName} />
                {r.late ? <> <strong class="tag tag-red">เลยกำหนด</strong></> : r.atRisk ? <> <strong class="tag tag-warning">เสี่ยงไม่ทัน</strong></> : null}
                <br /><span class="small muted">กรอกแล้ว {percent(answeredShare(r.answered, r.slots))}</span>
              </td>
              <td data-label="กำหนดส่ง" class="chase-due"><span class="date">{formatThaiDate(r.deadline, { short: true })}</span><br /><span class={due.late ? 'small late-text' : 'small muted'}>{due.text}</span></td>
              <td data-label="ผู้รับ" class="chase-people">{r.recipients > 0 ? `${r.recipients.toLocaleString('th-TH')} คน` : <strong class="tag tag-red">ไม่มีผู้รับ</strong>}</td>
              <td data-label="การติดตาม" class="chase-follow">
                {r.lastReminderAt ? <span class="small">เตือนล่าสุด {formatThaiDate(r.lastReminderAt, { short: true, withTime: true })}</span> : <span class="small muted">ยังไม่เคยเตือน</span>}
                {r.lastCallAt ? <p class="small chase-call">โทรติดตามแล้ว {formatThaiDate(r.lastCallAt, { short: true, withTime: true })}{r.lastCallBy ? ` โดย ${r.lastCallBy}` : ''}: {r.lastCallNote}</p> : null}
                <details class="chase-call-form" open={Boolean(callError)}>
                  <summary>บันทึกการโทร<span class="visually-hidden"> {r.name}</span></summary>
                  <div class={callError ? 'field field-error' : 'field'}>
                    <label for={`note-${r.orgUnitId}`}>โทรติดตามแล้ว: คุยกับใคร ได้ความว่าอย่างไร</label>
                    {callError ? <p class="error-message" id={`note-${r.orgUnitId}-error`}>{callError.error}</p> : null}
                    <textarea id={`note-${r.orgUnitId}`} name="note" form={`call-${r.orgUnitId}`} rows={2} maxlength={500}
                      aria-invalid={callError ? 'true' : undefined} aria-describedby={callError ? `note-${r.orgUnitId}-error` : undefined}>{callError?.note ?? ''}</textarea>
                  </div>
                  <button type="submit" form={`call-${r.orgUnitId}`} class="button button-secondary">บันทึก</button>
                </details>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The call forms the rows' fields belong to, placed after the send form. */
export function CallForms(p: { action: string; csrf: string; rows: ChaseRow[] }) {
  return (
    <>
      {p.rows.map((r) => (
        <form method="post" action={p.action} id={`call-${r.orgUnitId}`}>
          <input type="hidden" name="_csrf" value={p.csrf} />
          <input type="hidden" name="orgUnitId" value={String(r.orgUnitId)} />
        </form>
      ))}
    </>
  );
}
