import type { ChasePage } from '../../../services/reminders/load-chase-page.ts';
import { CsrfField, type FieldErrors } from '../../components/forms.tsx';
import { chaseFilterLabels } from '../../../domain/reminders/chase-state.ts';
import type { SendFormState } from './schema.ts';

// The send part of the chase form (to whom, which template with its preview, which channels, "ส่ง"), and the
// round's scheduled reminders (owners change them; everyone else reads them).

export function SendFields(p: { page: ChasePage; state?: SendFormState | undefined }) {
  const v = p.state?.values;
  const e = p.state?.errors ?? {};
  const scope = v?.scope ?? 'selected';
  const template = v?.templateCode ?? p.page.templates[0]?.code;
  const channels = v?.channels ?? ['email', 'line'];
  return (
    <section class="panel chase-send" aria-labelledby="send-heading">
      <h2 id="send-heading">ส่งข้อความเตือน</h2>
      <div class={e.scope ? 'field field-error' : 'field'}>
        <fieldset id="scope">
          <legend>ส่งถึง</legend>
          {e.scope ? <p class="error-message">{e.scope}</p> : null}
          <div class="checkbox"><input type="radio" name="scope" value="selected" id="scope-selected" checked={scope === 'selected'} />
            <label for="scope-selected">หน่วยงานที่เลือกไว้ในรายการ</label></div>
          <div class="checkbox"><input type="radio" name="scope" value="filter" id="scope-filter" checked={scope === 'filter'} />
            <label for="scope-filter">ทุกหน่วยงานตามตัวกรองนี้ ({chaseFilterLabels[p.page.filter.state ?? 'all']} {p.page.total.toLocaleString('th-TH')} แห่ง ทุกหน้า)</label></div>
        </fieldset>
      </div>
      <div class={e.templateCode ? 'field field-error' : 'field'}>
        <fieldset id="templateCode">
          <legend>แบบข้อความ</legend>
          {e.templateCode ? <p class="error-message">{e.templateCode}</p> : null}
          {p.page.templates.map((t) => (
            <div class="chase-template">
              <div class="checkbox"><input type="radio" name="templateCode" value={t.code} id={`template-${t.code}`} checked={template === t.code} />
                <label for={`template-${t.code}`}>{t.title}{t.example ? <> <span class="tag tag-grey">ข้อความตัวอย่าง แก้ไขได้</span></> : null}</label></div>
              <details class="chase-preview">
                <summary>ดูตัวอย่างข้อความ<span class="visually-hidden"> {t.title}</span></summary>
                <p class="chase-preview-subject"><strong>{t.preview.subject}</strong></p>
                <p class="chase-preview-body">{t.preview.body}</p>
              </details>
            </div>
          ))}
        </fieldset>
      </div>
      <div class="field">
        <fieldset>
          <legend>ช่องทาง</legend>
          <div class="checkbox"><input type="checkbox" id="channel-in-app" checked disabled /><label for="channel-in-app">แจ้งเตือนในระบบ (ส่งเสมอ)</label></div>
          <div class="checkbox"><input type="checkbox" name="channels" value="email" id="channel-email" checked={channels.includes('email')} /><label for="channel-email">อีเมล</label></div>
          {p.page.lineConfigured
            ? <div class="checkbox"><input type="checkbox" name="channels" value="line" id="channel-line" checked={channels.includes('line')} /><label for="channel-line">LINE (เฉพาะผู้ที่เชื่อมบัญชี LINE แล้ว)</label></div>
            : <p class="hint small">LINE: ยังไม่ได้ตั้งค่าการส่งผ่าน LINE ในระบบนี้</p>}
        </fieldset>
      </div>
      <p class="hint small">ส่งเฉพาะหน่วยงานที่ยังไม่ส่งข้อมูล ผู้รับคือเจ้าหน้าที่และผู้บริหารของหน่วยงาน ระบบทยอยส่งตามอัตราที่กำหนด และแสดงความคืบหน้าหลังกดส่ง</p>
      <button type="submit" class="button">ส่ง</button>
    </section>
  );
}

export function ScheduleSection(p: { page: ChasePage; csrf: string; state?: { values: Record<string, string>; errors: FieldErrors } | undefined }) {
  const s = p.page.settings;
  const v = p.state?.values;
  const e = p.state?.errors ?? {};
  const days = s.daysBefore.length ? s.daysBefore.map((d) => d.toLocaleString('th-TH')).join(', ') : '—';
  return (
    <section class="chase-schedule" aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">การเตือนอัตโนมัติ</h2>
      <p>
        {s.enabled
          ? <>ระบบเตือนหน่วยงานที่ยังไม่ส่งก่อนกำหนดส่งของแต่ละหน่วยงาน {days} วัน ด้วยแบบข้อความ "ใกล้ถึงกำหนดส่ง" เตือนเมื่อได้รับการขยายเวลา และแจ้งหน่วยงานกำกับ (ท้องถิ่นอำเภอสำหรับ อปท. ท้องถิ่นจังหวัดสำหรับท้องถิ่นอำเภอ) เมื่อเลยกำหนดส่งแล้ว {s.escalateAfterDays.toLocaleString('th-TH')} วัน</>
          : <>ปิดการเตือนอัตโนมัติของรอบนี้อยู่</>}
      </p>
      {p.page.manage ? (
        <form method="post" action={`/rounds/${p.page.round.id}/chase/settings`} novalidate class="panel">
          <CsrfField token={p.csrf} />
          <div class="checkbox"><input type="checkbox" name="enabled" value="yes" id="enabled" checked={v ? v.enabled === 'yes' : s.enabled} /><label for="enabled">เปิดการเตือนอัตโนมัติ</label></div>
          <div class={e.daysBefore ? 'field field-error' : 'field'}>
            <label for="daysBefore">เตือนก่อนกำหนดส่ง (วัน)</label>
            <p class="hint" id="daysBefore-hint">คั่นด้วยจุลภาค เช่น 7, 1 เว้นว่างไว้ถ้าไม่ต้องการเตือนล่วงหน้า</p>
            {e.daysBefore ? <p class="error-message" id="daysBefore-error">{e.daysBefore}</p> : null}
            <input type="text" id="daysBefore" name="daysBefore" value={v?.daysBefore ?? s.daysBefore.join(', ')} class="input-short" aria-describedby={e.daysBefore ? 'daysBefore-hint daysBefore-error' : 'daysBefore-hint'} aria-invalid={e.daysBefore ? 'true' : undefined} />
          </div>
          <div class={e.escalateAfterDays ? 'field field-error' : 'field'}>
            <label for="escalateAfterDays">แจ้งหน่วยงานกำกับเมื่อเลยกำหนดส่งแล้ว (วัน)</label>
            {e.escalateAfterDays ? <p class="error-message" id="escalateAfterDays-error">{e.escalateAfterDays}</p> : null}
            <input type="text" inputmode="numeric" id="escalateAfterDays" name="escalateAfterDays" value={v?.escalateAfterDays ?? String(s.escalateAfterDays)} class="input-short" aria-describedby={e.escalateAfterDays ? 'escalateAfterDays-error' : undefined} aria-invalid={e.escalateAfterDays ? 'true' : undefined} />
          </div>
          <button type="submit" class="button button-secondary">บันทึกการเตือนอัตโนมัติ</button>
        </form>
      ) : null}
    </section>
  );
}
