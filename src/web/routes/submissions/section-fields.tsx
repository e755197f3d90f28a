import type { Field } from '../../../domain/framework/framework-schema.ts';
import { numericFieldTypes } from '../../../domain/framework/framework-schema.ts';

// One answer on a data-entry page, the GOV.UK way: label, hint, the message under the label, the typed value kept.
// Numbers are text inputs with a numeric keyboard (never type=number: it drops "1,250" and Thai digits silently),
// dates are วว/ดด/ปปปป in the Buddhist Era, yes/no and short choices are radios. Last year's answer sits under the
// hint; a reason box follows when the value is far from it.

export type AnswerView = {
  field: Field;
  name: string;
  label: string;
  value: string;
  error?: string | undefined;
  lastYear?: string | undefined;
  editable: boolean;
  /** Shown read-only (locked, or not reopened): the value as a person reads it. */
  display: string;
  note?: { value: string } | undefined;
  version: number;
  /** A conflict: what someone else saved meanwhile. */
  theirs?: string | undefined;
  returnedReason?: string | undefined;
};

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

function hintOf(field: Field, help: string): string {
  const parts = [help];
  if (field.type === 'date') parts.push('วว/ดด/ปปปป ปี พ.ศ. เช่น 15/05/2568');
  return parts.filter(Boolean).join(' — ');
}

function Control(props: { a: AnswerView; describedBy: string | undefined }) {
  const { a } = props;
  const invalid = a.error ? 'true' : undefined;
  const common = { id: a.name, name: a.name, 'aria-describedby': props.describedBy, 'aria-invalid': invalid, 'data-answer': '' };
  const type = a.field.type;
  if (type === 'longtext') return <textarea {...common} rows={5}>{a.value}</textarea>;
  if (type === 'yesno' || (type === 'choice' && (a.field.choices?.length ?? 0) <= 5)) {
    const options = type === 'yesno' ? [{ value: 'yes', label: 'ใช่' }, { value: 'no', label: 'ไม่ใช่' }] : a.field.choices!;
    return (
      <div class={type === 'yesno' ? 'radios radios-inline' : 'radios'}>
        {options.map((o, i) => (
          <div class="checkbox">
            <input type="radio" id={i === 0 ? a.name : `${a.name}-${o.value}`} name={a.name} value={o.value} checked={a.value === o.value} aria-describedby={i === 0 ? props.describedBy : undefined} data-answer="" />
            <label for={i === 0 ? a.name : `${a.name}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
    );
  }
  if (type === 'choice') {
    return (
      <select {...common}>
        <option value="">เลือก</option>
        {a.field.choices!.map((o) => <option value={o.value} selected={a.value === o.value}>{o.label}</option>)}
      </select>
    );
  }
  const numeric = numericFieldTypes.includes(type);
  const cls = type === 'date' ? 'input-date' : numeric ? 'input-number' : undefined;
  return (
    <span class="input-with-unit">
      <input {...common} type="text" value={a.value} class={cls} autocomplete="off" spellcheck={numeric || type === 'date' ? false : undefined}
        inputmode={type === 'integer' || type === 'date' ? 'numeric' : numeric ? 'decimal' : undefined} placeholder={type === 'date' ? 'วว/ดด/ปปปป' : undefined} />
      {numeric && a.field.unit ? <span class="unit" aria-hidden="true"> {a.field.unit}</span> : null}
    </span>
  );
}

export function AnswerField(props: { a: AnswerView; help: string }) {
  const { a } = props;
  const hint = hintOf(a.field, props.help);
  const grouped = a.field.type === 'yesno' || (a.field.type === 'choice' && (a.field.choices?.length ?? 0) <= 5);
  const ids = describedBy(hint && `${a.name}-hint`, a.lastYear && `${a.name}-last`, a.error && `${a.name}-error`);
  if (!a.editable) {
    return (
      <div class="field answer answer-readonly" id={`${a.name}-answer`}>
        <p class="answer-label" id={a.name}>{a.label}</p>
        <p class="answer-value">{a.display || <span class="muted">ยังไม่ได้กรอก</span>}</p>
        {a.lastYear ? <p class="last-year">ปีก่อน: {a.lastYear}</p> : null}
        {a.note?.value ? <p class="muted small">เหตุผลที่ต่างจากปีก่อน: {a.note.value}</p> : null}
      </div>
    );
  }
  const head = (
    <>
      {a.returnedReason ? <p class="notice notice-warning small">ผู้ตรวจขอให้แก้ไข: {a.returnedReason}</p> : null}
      {hint ? <p class="hint" id={`${a.name}-hint`}>{hint}</p> : null}
      {a.lastYear ? <p class="last-year" id={`${a.name}-last`}>ปีก่อน: {a.lastYear}</p> : null}
      {a.theirs !== undefined ? <p class="notice notice-warning small">ค่าที่บันทึกล่าสุดโดยผู้อื่น: <strong>{a.theirs || 'ว่าง'}</strong></p> : null}
      {a.error ? <p class="error-message" id={`${a.name}-error`}>{a.error}</p> : null}
    </>
  );
  return (
    <div class={a.error ? 'field answer field-error' : 'field answer'} id={`${a.name}-answer`}>
      {grouped ? (
        <fieldset aria-describedby={ids}>
          <legend>{a.label}</legend>
          {head}
          <Control a={a} describedBy={undefined} />
        </fieldset>
      ) : (
        <>
          <label for={a.name}>{a.label}{numericFieldTypes.includes(a.field.type) && a.field.unit ? <span class="visually-hidden"> (หน่วย: {a.field.unit})</span> : null}</label>
          {head}
          <Control a={a} describedBy={ids} />
        </>
      )}
      <input type="hidden" name={`_v__${a.name}`} value={String(a.version)} />
      {a.note ? (
        <div class="note-box">
          <label for={`${a.name}__note`}>เหตุผลที่ค่านี้ต่างจากปีก่อนมาก</label>
          <p class="hint" id={`${a.name}__note-hint`}>เขียนสั้น ๆ เช่น "ปีนี้รวมชุมชนที่ตั้งใหม่ 2 แห่ง"</p>
          <textarea id={`${a.name}__note`} name={`${a.name}__note`} rows={2} aria-describedby={`${a.name}__note-hint`} data-answer="">{a.note.value}</textarea>
        </div>
      ) : null}
    </div>
  );
}
