import type { AttendeeRow, WorkshopRow } from '../../../db/queries/workshops.ts';
import { CsrfField, ErrorSummary } from '../../components/forms.tsx';
import { formParts, type FormState } from '../rounds/fields.tsx';
import { AttendeeFields } from './workshop-view.tsx';

// /workshops/:id/attendees/:attendeeId/edit: one attendee of the person's LAO, corrected in a plain form (a typo in
// a phone number, someone else going instead). Open until registration closes.

export function AttendeeEditView(p: { csrf: string; workshop: WorkshopRow; attendee: AttendeeRow; state: FormState }) {
  const f = formParts(p.state, 'attendee');
  const errors = p.state.form === 'attendee' ? p.state.errors : {};
  const back = `/workshops/${p.workshop.id}`;
  return (
    <>
      <nav class="breadcrumbs" aria-label="เส้นทาง"><ol><li><a href="/workshops">การอบรมและคู่มือ</a></li><li><a href={back}>{p.workshop.title}</a></li><li aria-current="page">แก้ไขผู้เข้าร่วม</li></ol></nav>
      <h1>แก้ไขผู้เข้าร่วม</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action={`${back}/attendees/${p.attendee.id}/edit`} novalidate class="form-narrow">
        <CsrfField token={p.csrf} />
        {f.error('form') ? <p class="error-message" id={f.id('form')}>{f.error('form')}</p> : null}
        <AttendeeFields f={f} />
        <div class="button-group">
          <button type="submit" class="button">บันทึก</button>
          <a href={back}>ยกเลิก กลับไปหน้าการอบรม</a>
        </div>
      </form>
    </>
  );
}
