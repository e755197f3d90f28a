import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import { formatFileSize } from '../../../domain/evidence/evidence-limits.ts';
import { workshopWhen } from '../../../domain/workshops/workshop-time.ts';
import type { LaoRegistration, WorkshopPage } from '../../../services/workshops/load-workshop-page.ts';
import { CsrfField, ErrorSummary, Notice } from '../../components/forms.tsx';
import { formParts, InputField, type FormState } from '../rounds/fields.tsx';

// /workshops/:id: what the letter said (when, the link, where, for whom, until when to register) with the documents
// to download, then what the person does here: LAO people register their attendees; offices see how many of their
// LAOs registered; owners see the counts per province, export the list and edit.

const n = (v: number) => v.toLocaleString('th-TH');
const docLabel: Record<string, string> = { 'application/pdf': 'PDF', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX' };

export function WorkshopView(p: { csrf: string; page: WorkshopPage; state?: FormState | undefined; notice?: string | undefined }) {
  const { workshop: w, registration } = p.page;
  const ended = w.endsAt.getTime() <= p.page.now.getTime();
  return (
    <>
      <nav class="breadcrumbs" aria-label="เส้นทาง"><ol><li><a href="/workshops">การอบรมและคู่มือ</a></li><li aria-current="page">{w.title}</li></ol></nav>
      <span class="caption">{w.programmeTitle}</span>
      <h1>{w.title}</h1>
      {p.notice ? <Notice kind="success">{p.notice}</Notice> : null}
      <ErrorSummary errors={p.state?.errors ?? {}} />
      {p.page.viewer.owner ? <p><a href={`/workshops/${w.id}/edit`}>แก้ไขการอบรมและเอกสารประกอบ</a></p> : null}
      <dl class="summary-list">
        <dt>วันและเวลา</dt><dd>{workshopWhen(w.startsAt, w.endsAt)}{ended ? <> <span class="tag tag-grey">จบแล้ว</span></> : null}</dd>
        {w.onlineUrl ? <><dt>เข้าร่วมออนไลน์</dt><dd><a href={w.onlineUrl} rel="noopener noreferrer" class="wrap">{w.onlineUrl}</a></dd></> : null}
        {w.place ? <><dt>สถานที่</dt><dd>{w.place}</dd></> : null}
        <dt>ผู้เข้าร่วม</dt><dd>{p.page.audienceWords}{w.maxAttendeesPerLao ? ` · ไม่เกิน ${n(w.maxAttendeesPerLao)} คนต่อ อปท.` : ' · ลงทะเบียนได้มากกว่าหนึ่งคนต่อ อปท.'}</dd>
        <dt>ลงทะเบียน</dt><dd>{registration.open ? `ลงทะเบียน แก้ไข หรือลบรายชื่อได้ถึง ${formatThaiDate(w.registrationClosesAt, { withTime: true })}` : `ปิดรับลงทะเบียนแล้ว (${formatThaiDate(w.registrationClosesAt, { withTime: true })})`}</dd>
      </dl>
      {w.description ? <div class="workshop-description">{w.description.split(/\n{2,}/).map((para) => <p>{para.split('\n').flatMap((line, i) => (i ? [<br />, line] : [line]))}</p>)}</div> : null}

      <h2 id="documents">เอกสารประกอบ</h2>
      {p.page.documents.length ? (
        <ul class="document-list">
          {p.page.documents.map((d) => (
            <li><a href={`/workshops/${w.id}/documents/${d.id}`} download>{d.title}</a> <span class="muted small">({docLabel[d.contentType] ?? 'ไฟล์'} · {formatFileSize(d.sizeBytes)})</span></li>
          ))}
        </ul>
      ) : <p class="muted">ยังไม่มีเอกสารประกอบ ผู้จัดจะแนบคู่มือไว้ที่นี่เมื่อพร้อม</p>}

      {p.page.laos.map((reg) => <LaoRegistrationBlock csrf={p.csrf} workshopId={w.id} reg={reg} page={p.page} state={p.state} several={p.page.laos.length > 1} />)}
      <Counts page={p.page} />
    </>
  );
}

function LaoRegistrationBlock(p: { csrf: string; workshopId: number; reg: LaoRegistration; page: WorkshopPage; state: FormState | undefined; several: boolean }) {
  const { reg } = p;
  const open = p.page.registration.open;
  const f = formParts(p.state, `attendee-${reg.lao.id}`);
  const headingId = `register-${reg.lao.id}`;
  return (
    <section aria-labelledby={headingId} class="registration">
      <h2 id={headingId}>ผู้เข้าร่วมจาก{reg.lao.nameTh}</h2>
      <p>ลงทะเบียนแล้ว <strong>{n(reg.attendees.length)} คน</strong>{reg.placesLeft !== null ? ` · ลงทะเบียนได้อีก ${n(reg.placesLeft)} คน` : ''} <span class="muted small">(รายชื่อนี้เห็นเฉพาะเจ้าหน้าที่และผู้บริหารของ{reg.lao.nameTh} และผู้จัดการอบรม)</span></p>
      {reg.attendees.length ? (
        <table class="table-stack attendee-table">
          <caption class="visually-hidden">ผู้เข้าร่วมที่ลงทะเบียนแล้ว</caption>
          <thead><tr><th scope="col">ชื่อ-นามสกุล</th><th scope="col">ตำแหน่ง</th><th scope="col">โทรศัพท์</th><th scope="col">อีเมล</th>{open ? <th scope="col"><span class="visually-hidden">แก้ไขหรือลบ</span></th> : null}</tr></thead>
          <tbody>
            {reg.attendees.map((a) => (
              <tr>
                <td data-label="ชื่อ-นามสกุล">{a.name}</td>
                <td data-label="ตำแหน่ง">{a.position}</td>
                <td data-label="โทรศัพท์" class="nowrap">{a.phone}</td>
                <td data-label="อีเมล" class="wrap">{a.email ?? <span class="muted">—</span>}</td>
                {open ? (
                  <td data-label="" class="attendee-actions">
                    <a href={`/workshops/${p.workshopId}/attendees/${a.id}/edit`}>แก้ไข<span class="visually-hidden"> {a.name}</span></a>
                    <form method="post" action={`/workshops/${p.workshopId}/attendees/${a.id}/remove`} class="inline-form">
                      <CsrfField token={p.csrf} />
                      <button type="submit" class="link-button">ลบ<span class="visually-hidden"> {a.name}</span></button>
                    </form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {!open ? <Notice kind="warning">{p.page.registration.open ? '' : p.page.registration.message}</Notice>
        : reg.placesLeft === 0 ? <p>หน่วยงานของท่านลงทะเบียนครบจำนวนแล้ว หากต้องการเปลี่ยนผู้เข้าร่วม ให้แก้ไขหรือลบรายชื่อเดิม</p>
        : (
          <form method="post" action={`/workshops/${p.workshopId}/attendees`} novalidate class="form-narrow attendee-form">
            <CsrfField token={p.csrf} />
            <input type="hidden" name="orgUnitId" value={String(reg.lao.id)} />
            <h3>เพิ่มผู้เข้าร่วม{p.several ? `จาก${reg.lao.nameTh}` : ''}</h3>
            {f.error('form') ? <p class="error-message" id={f.id('form')}>{f.error('form')}</p> : null}
            <AttendeeFields f={f} />
            <button type="submit" class="button">ลงทะเบียน</button>
          </form>
        )}
    </section>
  );
}

/** The four attendee inputs, shared by the registration form and the edit page. */
export function AttendeeFields(p: { f: ReturnType<typeof formParts> }) {
  const { f } = p;
  return (
    <>
      <InputField name="name" id={f.id('name')} label="ชื่อ-นามสกุล" hint="พร้อมคำนำหน้า เช่น นางสาวสมใจ ใจดี" value={f.value('name')} error={f.error('name')} />
      <InputField name="position" id={f.id('position')} label="ตำแหน่ง" hint="เช่น นักวิเคราะห์นโยบายและแผนชำนาญการ" value={f.value('position')} error={f.error('position')} />
      <InputField name="phone" id={f.id('phone')} label="โทรศัพท์" hint="เช่น 081 234 5678 หรือ 0 5672 9781 ต่อ 103" value={f.value('phone')} error={f.error('phone')} inputmode="numeric" />
      <InputField name="email" id={f.id('email')} label="อีเมล (ถ้ามี)" hint="ใช้ส่งลิงก์และเอกสารการอบรม" value={f.value('email')} error={f.error('email')} />
    </>
  );
}

function Counts(p: { page: WorkshopPage }) {
  const counts = p.page.counts;
  if (!counts) return null;
  const laos = counts.reduce((s, c) => s + c.laos, 0);
  const people = counts.reduce((s, c) => s + c.attendees, 0);
  const w = p.page.workshop;
  return (
    <section aria-labelledby="counts-title">
      <h2 id="counts-title">{p.page.countsScope === 'nation' ? 'การลงทะเบียนทั้งหมด' : 'การลงทะเบียนของ อปท. ในความรับผิดชอบของท่าน'}</h2>
      <p>ลงทะเบียนแล้ว <strong>{n(laos)} อปท.</strong> ผู้เข้าร่วม <strong>{n(people)} คน</strong>{p.page.countsScope === 'reach' ? ' (แสดงเฉพาะจำนวน รายชื่อผู้เข้าร่วมเห็นได้เฉพาะ อปท. นั้นและผู้จัดการอบรม)' : ''}</p>
      {p.page.viewer.owner ? (
        <p>
          ดาวน์โหลดรายชื่อ: <a href={`/workshops/${w.id}/attendees.xlsx`}>Excel (XLSX)</a> · <a href={`/workshops/${w.id}/attendees.csv`}>CSV</a> · <a href={`/workshops/${w.id}/attendees.csv?by=province`}>CSV สรุปรายจังหวัด</a>
          <span class="muted small"> (CSV เป็น UTF-8 มี BOM เปิดด้วย Excel แล้วอ่านภาษาไทยได้)</span>
        </p>
      ) : null}
      {counts.length ? (
        <table class="table-stack counts-table">
          <caption class="visually-hidden">จำนวน อปท. และผู้เข้าร่วมที่ลงทะเบียน รายจังหวัด</caption>
          <thead><tr><th scope="col">จังหวัด</th><th scope="col" class="num">อปท. ที่ลงทะเบียน</th><th scope="col" class="num">ผู้เข้าร่วม</th></tr></thead>
          <tbody>
            {counts.map((c) => <tr><td data-label="จังหวัด">{c.provinceName ?? c.provinceCode ?? 'ไม่ระบุจังหวัด'}</td><td data-label="อปท. ที่ลงทะเบียน" class="num">{n(c.laos)}</td><td data-label="ผู้เข้าร่วม" class="num">{n(c.attendees)}</td></tr>)}
          </tbody>
        </table>
      ) : <p class="muted">ยังไม่มี อปท. ลงทะเบียน</p>}
    </section>
  );
}
