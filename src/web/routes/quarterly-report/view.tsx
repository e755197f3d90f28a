import type { QuarterlyEdits } from '../../../services/documents/build-quarterly-report.ts';
import { CsrfField, ErrorSummary, Notice, TextField } from '../../components/forms.tsx';
import { thaiDate } from '../documents/form-dates.ts';
import { DownloadChoices } from '../documents/view.tsx';
import { Breadcrumbs } from '../submissions/shared-view.tsx';

// A province's quarterly monitoring report (seed 000's form) and the covering letter to DLA. The rows, figures and
// summary come from the provincial office's submission and are not on this form; dates, wording, reference number
// and who signs are edited here before printing.

export const quarterlyReportPath = (roundId: number, provinceCode: string) => `/rounds/${roundId}/provinces/${encodeURIComponent(provinceCode)}/quarterly-report`;

export type QuarterlyKind = 'report' | 'letter';
export const quarterlyKinds: Record<QuarterlyKind, string> = {
  report: 'แบบติดตามผลการดำเนินงานตามคู่มือมาตรฐานการจัดบริการสาธารณะ',
  letter: 'หนังสือนำส่งถึงกรมส่งเสริมการปกครองท้องถิ่น',
};

export type QuarterlyForm = {
  kind: QuarterlyKind; asOf: string; note: string; reporterName: string; reporterPosition: string; reporterPhone: string;
  referenceNo: string; date: string; subject: string; addressee: string; address: string; paragraphs: string;
  signatoryName: string; signatoryPosition: string; thaiDigits: boolean;
};

export function formFromQuarterlyEdits(kind: QuarterlyKind, e: QuarterlyEdits): QuarterlyForm {
  return {
    kind, asOf: thaiDate(e.asOf), note: e.note, reporterName: e.reporterName, reporterPosition: e.reporterPosition, reporterPhone: e.reporterPhone,
    referenceNo: e.referenceNo, date: thaiDate(e.date), subject: e.subject, addressee: e.addressee, address: e.address, paragraphs: e.paragraphs.join('\n\n'),
    signatoryName: e.signatoryName, signatoryPosition: e.signatoryPosition, thaiDigits: e.thaiDigits,
  };
}

function Area(props: { name: keyof QuarterlyForm; label: string; value: string; error?: string | undefined; hint?: string; rows?: number }) {
  const described = [props.hint ? `${props.name}-hint` : '', props.error ? `${props.name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={props.name}>{props.label}</label>
      {props.hint ? <p class="hint" id={`${props.name}-hint`}>{props.hint}</p> : null}
      {props.error ? <p class="error-message" id={`${props.name}-error`}>{props.error}</p> : null}
      <textarea id={props.name} name={props.name} rows={props.rows ?? 4} aria-invalid={props.error ? 'true' : undefined} aria-describedby={described}>{props.value}</textarea>
    </div>
  );
}

export type QuarterlyPageFacts = { roundTitle: string; province: string; period: string; submissionPath: string; sent: boolean; standards: number; answered: number };

export function QuarterlyReportView(p: { csrf: string; path: string; facts: QuarterlyPageFacts; form: QuarterlyForm; errors: Record<string, string> }) {
  const f = p.form;
  const e = p.errors;
  return (
    <>
      <Breadcrumbs items={[{ href: p.facts.submissionPath, label: `สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด${p.facts.province} — ${p.facts.roundTitle}` }]} />
      <h1>รายงานผลการติดตามรายไตรมาส จังหวัด{p.facts.province}</h1>
      <p>{p.facts.period} · มาตรฐานที่บันทึกแล้ว {p.facts.answered.toLocaleString('th-TH')} จาก {p.facts.standards.toLocaleString('th-TH')} เรื่อง</p>
      <p>ผลการปฏิบัติตามมาตรฐาน ปัญหา/อุปสรรค ข้อเสนอแนะ และตัวเลขของจังหวัดมาจากข้อมูลที่สำนักงานบันทึกไว้ <a href={p.facts.submissionPath}>แก้ได้ที่หน้าบันทึกข้อมูล</a> ไม่ใช่ในหน้านี้ หน้านี้แก้ได้เฉพาะวันที่ ถ้อยคำ เลขที่หนังสือ และผู้ลงนาม ก่อนพิมพ์</p>
      {p.facts.sent ? null : <Notice kind="warning">สำนักงานยังไม่ได้ส่งข้อมูลของไตรมาสนี้ เอกสารจะพิมพ์ตามข้อมูลที่บันทึกไว้ขณะนี้</Notice>}
      <ErrorSummary errors={e} />
      <form method="post" action={p.path} novalidate>
        <CsrfField token={p.csrf} />
        <div class={e.kind ? 'field field-error' : 'field'} id="kind">
          <fieldset>
            <legend>เอกสาร</legend>
            {e.kind ? <p class="error-message">{e.kind}</p> : null}
            {(Object.keys(quarterlyKinds) as QuarterlyKind[]).map((k) => (
              <div class="checkbox"><input type="radio" id={`kind-${k}`} name="kind" value={k} checked={f.kind === k} /><label for={`kind-${k}`}>{quarterlyKinds[k]}</label></div>
            ))}
          </fieldset>
        </div>

        <h2>แบบติดตามผล</h2>
        <TextField name="asOf" label="ข้อมูล ณ วันที่ (วว/ดด/ปปปป พ.ศ.)" value={f.asOf} error={e.asOf} width="short" inputmode="numeric" hint="แบบของกรมกำหนดวันที่ ๒๕ ของเดือนที่รายงาน" />
        <Area name="note" label="หมายเหตุ (ท้ายแบบ)" value={f.note} error={e.note} rows={3} />
        <TextField name="reporterName" label="ผู้รายงาน" value={f.reporterName} error={e.reporterName} />
        <TextField name="reporterPosition" label="ตำแหน่งผู้รายงาน" value={f.reporterPosition} error={e.reporterPosition} />
        <TextField name="reporterPhone" label="โทรศัพท์ (ผู้รายงาน และท้ายหนังสือนำส่ง)" value={f.reporterPhone} error={e.reporterPhone} width="short" />

        <h2>หนังสือนำส่ง</h2>
        <TextField name="referenceNo" label="ที่ (เลขที่หนังสือ)" value={f.referenceNo} error={e.referenceNo} width="short" />
        <TextField name="date" label="วันที่ของหนังสือ (วว/ดด/ปปปป พ.ศ.)" value={f.date} error={e.date} width="short" inputmode="numeric" />
        <Area name="address" label="ที่ตั้งส่วนราชการ (ใต้ชื่อศาลากลางจังหวัด)" value={f.address} error={e.address} rows={2} />
        <TextField name="subject" label="เรื่อง" value={f.subject} error={e.subject} />
        <TextField name="addressee" label="เรียน" value={f.addressee} error={e.addressee} />
        <Area name="paragraphs" label="ข้อความ" value={f.paragraphs} error={e.paragraphs} hint="เว้นบรรทัดว่างระหว่างย่อหน้า" rows={6} />
        <TextField name="signatoryName" label="ผู้ลงนาม" value={f.signatoryName} error={e.signatoryName} />
        <TextField name="signatoryPosition" label="ตำแหน่งผู้ลงนาม" value={f.signatoryPosition} error={e.signatoryPosition} />

        <DownloadChoices thaiDigits={f.thaiDigits} />
      </form>
    </>
  );
}
