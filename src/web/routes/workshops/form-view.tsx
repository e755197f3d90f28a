import type { ProgrammeRow } from '../../../db/queries/frameworks.ts';
import type { WorkshopDocumentRow } from '../../../db/queries/workshops.ts';
import { formatFileSize } from '../../../domain/evidence/evidence-limits.ts';
import { laoTypeLabels, laoTypes } from '../../../domain/org/lao-type.ts';
import { CsrfField, ErrorSummary, Notice } from '../../components/forms.tsx';
import { CheckboxesField, DateTimeField, formParts, InputField, SelectField, TextAreaField, type FormState } from '../rounds/fields.tsx';

// /workshops/new and /workshops/:id/edit: the announcement (what, when in Bangkok, where, for whom, until when people
// register, how many per LAO) and, once it exists, its documents. Works without JavaScript; 422 keeps every value.

export type WorkshopFormProps = {
  csrf: string; programmes: ProgrammeRow[]; provinces: { code: string; name: string }[]; state: FormState; documentState?: FormState;
  workshopId?: number; title?: string; documents?: WorkshopDocumentRow[]; notice?: string | undefined;
};

export function WorkshopFormView(p: WorkshopFormProps) {
  const f = formParts(p.state, 'workshop');
  const editing = p.workshopId !== undefined;
  const action = editing ? `/workshops/${p.workshopId}/edit` : '/workshops/new';
  const provinces = f.values('provinceCodes') ?? [];
  const errors = p.state.form === 'workshop' ? p.state.errors : {};
  const time = (name: 'startTime' | 'endTime', label: string, hint: string) => (
    <div class={f.error(name) ? 'field field-error' : 'field'}>
      <label for={f.id(name)}>{label}</label>
      <p class="hint" id={`${f.id(name)}-hint`}>{hint}</p>
      {f.error(name) ? <p class="error-message" id={`${f.id(name)}-error`}>{f.error(name)}</p> : null}
      <input id={f.id(name)} name={name} type="text" inputmode="numeric" class="input-time" placeholder="ชช:นน" value={f.value(name) ?? ''} autocomplete="off" aria-invalid={f.error(name) ? 'true' : undefined} aria-describedby={[`${f.id(name)}-hint`, f.error(name) ? `${f.id(name)}-error` : ''].filter(Boolean).join(' ')} />
    </div>
  );
  return (
    <>
      <nav class="breadcrumbs" aria-label="เส้นทาง"><ol><li><a href="/workshops">การอบรมและคู่มือ</a></li>{editing ? <li><a href={`/workshops/${p.workshopId}`}>{p.title}</a></li> : null}<li aria-current="page">{editing ? 'แก้ไข' : 'ประกาศการอบรม'}</li></ol></nav>
      <h1>{editing ? 'แก้ไขการอบรม' : 'ประกาศการอบรม'}</h1>
      {p.notice ? <Notice kind="success">{p.notice}</Notice> : null}
      <ErrorSummary errors={errors} />
      <form method="post" action={action} novalidate class="form-narrow">
        <CsrfField token={p.csrf} />
        <SelectField name="programmeId" id={f.id('programmeId')} label="โครงการ" options={p.programmes.map((x) => ({ value: String(x.id), label: x.title }))} placeholder="— เลือกโครงการ —" value={f.value('programmeId')} error={f.error('programmeId')} />
        <InputField name="title" id={f.id('title')} label="ชื่อการอบรม" hint="เช่น ประชุมเชิงปฏิบัติการเพื่อชี้แจงแนวทางการประเมินมาตรฐานขั้นต่ำ ประจำปี พ.ศ. 2569" value={f.value('title')} error={f.error('title')} />
        <InputField name="date" id={f.id('date')} label="วันที่อบรม (พ.ศ.)" hint="วว/ดด/ปปปป เช่น 18/04/2569 (เวลาประเทศไทย)" value={f.value('date')} error={f.error('date')} width="short" inputmode="numeric" />
        <div class="date-time-inputs">
          {time('startTime', 'เวลาเริ่ม (น.)', 'เช่น 09:00')}
          {time('endTime', 'เวลาสิ้นสุด (น.)', 'เช่น 16:30')}
        </div>
        <InputField name="onlineUrl" id={f.id('onlineUrl')} label="ลิงก์เข้าร่วมออนไลน์ (ถ้ามี)" hint="ขึ้นต้นด้วย https:// เช่น ลิงก์ห้อง Webex, Zoom หรือ Facebook Live" value={f.value('onlineUrl')} error={f.error('onlineUrl')} />
        <InputField name="place" id={f.id('place')} label="สถานที่จัด (ถ้ามี)" hint="เว้นว่างถ้าจัดออนไลน์อย่างเดียว" value={f.value('place')} error={f.error('place')} />
        <CheckboxesField name="laoTypes" id={f.id('laoTypes')} legend="ประเภท อปท. ที่เข้าร่วม" hint="ไม่เลือก = ทุกประเภท" options={laoTypes.map((t) => ({ value: t, label: laoTypeLabels[t].full }))} values={f.values('laoTypes') ?? []} error={f.error('laoTypes')} />
        <details class="field-details" open={provinces.length > 0 || Boolean(f.error('provinceCodes'))}>
          <summary>จังหวัดที่เข้าร่วม{provinces.length ? ` (เลือกไว้ ${provinces.length} จังหวัด)` : ' (ทุกจังหวัด)'}</summary>
          <CheckboxesField name="provinceCodes" id={f.id('provinceCodes')} legend="จังหวัดที่เข้าร่วม" hint="ไม่เลือก = ทุกจังหวัด สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดและอำเภอของจังหวัดที่เลือกเห็นการอบรมนี้ด้วย" columns options={p.provinces.map((x) => ({ value: x.code, label: x.name }))} values={provinces} error={f.error('provinceCodes')} />
        </details>
        <DateTimeField name="registrationCloses" id={f.id('registrationCloses')} legend="ปิดรับลงทะเบียน" kind="deadline" date={f.value('registrationClosesDate')} time={f.value('registrationClosesTime')} error={f.error('registrationCloses')} hint="วว/ดด/ปปปป ปี พ.ศ. และเวลา ต้องไม่หลังเวลาสิ้นสุดการอบรม หลังเวลานี้ อปท. เพิ่ม แก้ไข หรือลบรายชื่อไม่ได้" />
        <InputField name="maxAttendeesPerLao" id={f.id('maxAttendeesPerLao')} label="จำนวนผู้เข้าร่วมสูงสุดต่อ อปท. (ถ้ามี)" hint="เว้นว่าง = ไม่จำกัด" value={f.value('maxAttendeesPerLao')} error={f.error('maxAttendeesPerLao')} width="short" inputmode="numeric" />
        <TextAreaField name="description" id={f.id('description')} label="รายละเอียด" hint="วัตถุประสงค์ กำหนดการ ผู้ที่ควรเข้าร่วม และช่องทางสอบถาม (หมายเลขโทรศัพท์ตามหนังสือแจ้ง)" rows={6} value={f.value('description')} error={f.error('description')} />
        <button type="submit" class="button">{editing ? 'บันทึกการแก้ไข' : 'ประกาศการอบรม'}</button>
      </form>
      {editing ? <DocumentsManager csrf={p.csrf} workshopId={p.workshopId!} documents={p.documents ?? []} state={p.documentState ?? { form: 'document', values: {}, errors: {} }} /> : <p class="muted">แนบเอกสารประกอบ (คู่มือ แบบฟอร์ม) ได้หลังประกาศการอบรมแล้ว</p>}
    </>
  );
}

function DocumentsManager(p: { csrf: string; workshopId: number; documents: WorkshopDocumentRow[]; state: FormState }) {
  const d = formParts(p.state, 'document');
  const errors = p.state.form === 'document' ? p.state.errors : {};
  return (
    <section aria-labelledby="documents-title">
      <h2 id="documents-title">เอกสารประกอบ</h2>
      <ErrorSummary errors={errors} />
      {p.documents.length ? (
        <ul class="document-list">
          {p.documents.map((doc) => (
            <li>
              <a href={`/workshops/${p.workshopId}/documents/${doc.id}`}>{doc.title}</a> <span class="muted small">({doc.fileName} · {formatFileSize(doc.sizeBytes)})</span>
              <form method="post" action={`/workshops/${p.workshopId}/documents/${doc.id}/remove`} class="inline-form">
                <CsrfField token={p.csrf} />
                <button type="submit" class="link-button">ลบ<span class="visually-hidden"> {doc.title}</span></button>
              </form>
            </li>
          ))}
        </ul>
      ) : <p class="muted">ยังไม่มีเอกสารประกอบ</p>}
      <form method="post" action={`/workshops/${p.workshopId}/documents`} enctype="multipart/form-data" novalidate class="form-narrow">
        <CsrfField token={p.csrf} />
        <InputField name="title" id={d.id('title')} label="ชื่อเอกสาร" hint="เช่น คู่มือการจัดเก็บและแบบรวบรวมข้อมูล หรือ คู่มือการใช้งานระบบ (เว้นว่าง = ใช้ชื่อไฟล์)" value={d.value('title')} error={d.error('title')} />
        <div class={d.error('file') ? 'field field-error' : 'field'}>
          <label for={d.id('file')}>ไฟล์</label>
          <p class="hint" id={`${d.id('file')}-hint`}>PDF, DOCX หรือ XLSX ไม่เกิน 20 MB</p>
          {d.error('file') ? <p class="error-message" id={`${d.id('file')}-error`}>{d.error('file')}</p> : null}
          <input id={d.id('file')} name="file" type="file" accept=".pdf,.docx,.xlsx" aria-invalid={d.error('file') ? 'true' : undefined} aria-describedby={[`${d.id('file')}-hint`, d.error('file') ? `${d.id('file')}-error` : ''].filter(Boolean).join(' ')} />
        </div>
        <button type="submit" class="button button-secondary">อัปโหลดเอกสาร</button>
      </form>
    </section>
  );
}
