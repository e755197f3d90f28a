import type { DocumentEdits } from '../../../services/documents/build-documents.ts';
import { CsrfField, ErrorSummary, TextField } from '../../components/forms.tsx';
import { Breadcrumbs } from '../submissions/shared-view.tsx';

// The documents an LAO prints about its results: the wording, reference number, date and signatory are edited
// here; the figures come from the results and are not on this form.
export type DocumentKind = 'memo' | 'letter' | 'results' | 'outstanding';
export const documentKinds: Record<DocumentKind, string> = {
  memo: 'บันทึกข้อความรายงานผลต่อผู้บริหาร',
  letter: 'หนังสือแจ้งสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดว่าบันทึกข้อมูลแล้ว',
  results: 'ตารางผลการประเมิน',
  outstanding: 'แบบรายงานผลการประเมินคัดเลือกสำนักงานดีเด่น',
};
/** An office's covering letter goes with its report, to whom it reports. */
const officeLetter = 'หนังสือนำส่งแบบรายงานผลการประเมิน';
const kindLabel = (k: DocumentKind, office: boolean) => (office && k === 'letter' ? officeLetter : documentKinds[k]);

export type DocumentForm = { kind: DocumentKind; referenceNo: string; date: string; subject: string; addressee: string; paragraphs: string; proposal: string; signatoryName: string; signatoryPosition: string; phone: string; thaiDigits: boolean };

export function formFromEdits(kind: DocumentKind, e: DocumentEdits, date: string): DocumentForm {
  return { kind, referenceNo: e.referenceNo, date, subject: e.subject, addressee: e.addressee, paragraphs: e.paragraphs.join('\n\n'), proposal: e.proposal.join('\n\n'), signatoryName: e.signatoryName, signatoryPosition: e.signatoryPosition, phone: e.phone ?? '', thaiDigits: e.thaiDigits };
}

/** The end of every document form: Thai digits or not, then PDF or Word. */
export function DownloadChoices(props: { thaiDigits: boolean }) {
  return (
    <>
      <div class="checkbox"><input type="checkbox" id="thaiDigits" name="thaiDigits" value="yes" checked={props.thaiDigits} /><label for="thaiDigits">ใช้เลขไทย</label></div>
      <div class="button-group">
        <button type="submit" name="format" value="pdf" class="button">ดาวน์โหลด PDF</button>
        <button type="submit" name="format" value="docx" class="button button-secondary">ดาวน์โหลด Word (DOCX)</button>
      </div>
    </>
  );
}

function Area(props: { name: keyof DocumentForm; label: string; value: string; error?: string | undefined; hint?: string }) {
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={props.name}>{props.label}</label>
      {props.hint ? <p class="hint" id={`${props.name}-hint`}>{props.hint}</p> : null}
      {props.error ? <p class="error-message" id={`${props.name}-error`}>{props.error}</p> : null}
      <textarea id={props.name} name={props.name} rows={5} aria-describedby={props.hint ? `${props.name}-hint` : undefined}>{props.value}</textarea>
    </div>
  );
}

export function DocumentsView(p: { csrf: string; base: string; unitName: string; roundTitle: string; kinds: DocumentKind[]; form: DocumentForm; errors: Record<string, string>; published: boolean }) {
  const f = p.form;
  const office = p.kinds.includes('outstanding');
  return (
    <>
      <Breadcrumbs items={[{ href: p.base, label: `${p.unitName} — ${p.roundTitle}` }]} />
      <h1>เอกสารผลการประเมิน</h1>
      <p>ตัวเลขและผลการประเมินมาจากข้อมูลที่บันทึกไว้และแก้ไขในหน้านี้ไม่ได้ แก้ได้เฉพาะเลขที่หนังสือ วันที่ ถ้อยคำ และผู้ลงนาม ก่อนพิมพ์</p>
      {p.published || office ? null : <p class="muted">ยังไม่ได้ประกาศผล: บันทึกข้อความจะยังไม่มีคิวอาร์โค้ดไปยังหน้าผลสาธารณะ</p>}
      {office ? <p class="muted">ระดับและน้ำหนักที่ยังไม่มีประกาศอย่างเป็นทางการพิมพ์พร้อมเครื่องหมาย * ว่าเป็นค่าตัวอย่าง ลำดับที่พิมพ์เมื่อปิดรอบแล้วเท่านั้น</p> : null}
      <ErrorSummary errors={p.errors} />
      <form method="post" action={`${p.base}/documents`} novalidate>
        <CsrfField token={p.csrf} />
        <p>เริ่มจากถ้อยคำของ: {p.kinds.filter((k) => k !== 'results').map((k, i) => <>{i ? ' · ' : ''}<a href={`${p.base}/documents?kind=${k}`}>{kindLabel(k, office)}</a></>)}</p>
        <div class={p.errors.kind ? 'field field-error' : 'field'} id="kind">
          <fieldset>
            <legend>เอกสาร</legend>
            {p.errors.kind ? <p class="error-message">{p.errors.kind}</p> : null}
            {p.kinds.map((k) => (
              <div class="checkbox"><input type="radio" id={`kind-${k}`} name="kind" value={k} checked={f.kind === k} /><label for={`kind-${k}`}>{kindLabel(k, office)}</label></div>
            ))}
          </fieldset>
        </div>
        <TextField name="referenceNo" label="ที่ (เลขที่หนังสือ)" value={f.referenceNo} error={p.errors.referenceNo} width="short" />
        <TextField name="date" label={office ? 'วันที่ (ของหนังสือ และ "ข้อมูล ณ วันที่" ในแบบรายงาน) วว/ดด/ปปปป พ.ศ.' : 'วันที่ (วว/ดด/ปปปป พ.ศ.)'} value={f.date} error={p.errors.date} width="short" inputmode="numeric" />
        <TextField name="subject" label="เรื่อง" value={f.subject} error={p.errors.subject} />
        <TextField name="addressee" label={office ? 'เรียน (หนังสือนำส่ง)' : 'เรียน'} value={f.addressee} error={p.errors.addressee} />
        <Area name="paragraphs" label={office ? 'ข้อความของหนังสือนำส่ง หรือหมายเหตุท้ายแบบรายงาน' : 'ข้อความก่อนผลการประเมิน'} value={f.paragraphs} error={p.errors.paragraphs} hint="เว้นบรรทัดว่างระหว่างย่อหน้า" />
        {office ? null : <Area name="proposal" label="ข้อเสนอ (ท้ายบันทึก)" value={f.proposal} error={p.errors.proposal} />}
        <TextField name="signatoryName" label={office ? 'ผู้ลงนาม (หนังสือ) หรือผู้รายงาน (แบบรายงาน)' : 'ผู้ลงนาม'} value={f.signatoryName} error={p.errors.signatoryName} />
        <TextField name="signatoryPosition" label="ตำแหน่ง" value={f.signatoryPosition} error={p.errors.signatoryPosition} />
        <TextField name="phone" label={office ? 'โทรศัพท์' : 'โทรศัพท์ (หนังสือภายนอก)'} value={f.phone} error={p.errors.phone} width="short" />
        <DownloadChoices thaiDigits={f.thaiDigits} />
      </form>
    </>
  );
}
