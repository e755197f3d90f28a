import type { TemplateRow } from '../../../db/queries/reminders.ts';
import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import { placeholderLabels, placeholders, renderReminder, type TemplateValues } from '../../../domain/reminders/templates.ts';
import { CsrfField, ErrorSummary, Notice, type FieldErrors } from '../../components/forms.tsx';

// The reminder templates (owners): each with its wording, the placeholders it may use, and how it reads filled in.

export type TemplateFormState = { code: string; values: { subject: string; body: string }; errors: FieldErrors };

const sample: TemplateValues = {
  lao: 'เทศบาลตำบลตัวอย่าง', office: 'สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอตัวอย่าง', round: 'การประเมินมาตรฐานขั้นต่ำ (ตัวอย่าง)',
  dueDate: '29 สิงหาคม 2568', count: '2', list: '- เทศบาลตำบลตัวอย่าง (กำหนดส่ง 29 สิงหาคม 2568)\n- องค์การบริหารส่วนตำบลตัวอย่าง (กำหนดส่ง 29 สิงหาคม 2568)',
  link: 'https://…/rounds/…',
};

export function TemplatesView(p: { templates: TemplateRow[]; csrf: string; state?: TemplateFormState; notice?: string | undefined }) {
  const errors = p.state ? Object.fromEntries(Object.entries(p.state.errors).map(([k, v]) => [`${p.state!.code}-${k}`, v])) : {};
  return (
    <>
      <h1>แบบข้อความเตือน</h1>
      <p class="lead">ข้อความที่ส่งถึงหน่วยงานจากหน้าติดตามและการเตือนอัตโนมัติ ใส่ตัวแทนในวงเล็บปีกกาได้ ระบบแทนที่ด้วยข้อมูลของแต่ละหน่วยงานตอนส่ง</p>
      {p.notice ? <Notice kind="success">{p.notice}</Notice> : null}
      <ErrorSummary errors={errors} />
      {p.templates.map((t) => {
        const mine = p.state?.code === t.code ? p.state : undefined;
        const values = mine?.values ?? { subject: t.subject, body: t.body };
        const e = mine?.errors ?? {};
        const preview = renderReminder(values, sample);
        const id = (f: string) => `${t.code}-${f}`;
        return (
          <section class="panel" id={t.code} aria-labelledby={id('title')}>
            <h2 id={id('title')}>{t.title} {t.example ? <span class="tag tag-grey">ข้อความตัวอย่าง แก้ไขได้</span> : null}</h2>
            <p class="hint small">
              {t.example ? 'ถ้อยคำนี้เป็นตัวอย่างที่ติดมากับระบบ ไม่ใช่หนังสือราชการ ปรับให้ตรงกับหน่วยงานก่อนใช้' : `แก้ไขล่าสุด ${formatThaiDate(t.updatedAt, { withTime: true })}${t.updatedByName ? ` โดย ${t.updatedByName}` : ''}`}
            </p>
            <form method="post" action={`/reminder-templates/${t.code}`} novalidate>
              <CsrfField token={p.csrf} />
              <div class={e.subject ? 'field field-error' : 'field'}>
                <label for={id('subject')}>หัวเรื่อง</label>
                {e.subject ? <p class="error-message" id={`${id('subject')}-error`}>{e.subject}</p> : null}
                <input type="text" id={id('subject')} name="subject" value={values.subject} maxlength={200} aria-invalid={e.subject ? 'true' : undefined} aria-describedby={e.subject ? `${id('subject')}-error` : undefined} />
              </div>
              <div class={e.body ? 'field field-error' : 'field'}>
                <label for={id('body')}>ข้อความ</label>
                <p class="hint" id={`${id('body')}-hint`}>ใช้ได้: {placeholders[t.kind].map((ph) => <><code>{`{${ph}}`}</code> {placeholderLabels[ph]}; </>)}</p>
                {e.body ? <p class="error-message" id={`${id('body')}-error`}>{e.body}</p> : null}
                <textarea id={id('body')} name="body" rows={9} aria-invalid={e.body ? 'true' : undefined} aria-describedby={`${id('body')}-hint${e.body ? ` ${id('body')}-error` : ''}`}>{values.body}</textarea>
              </div>
              <details class="chase-preview">
                <summary>ตัวอย่างเมื่อแทนค่าแล้ว</summary>
                <p class="chase-preview-subject"><strong>{preview.subject}</strong></p>
                <p class="chase-preview-body">{preview.body}</p>
              </details>
              <button type="submit" class="button">บันทึก<span class="visually-hidden"> {t.title}</span></button>
            </form>
          </section>
        );
      })}
    </>
  );
}
