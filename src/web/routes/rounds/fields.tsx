import type { Child } from 'hono/jsx';
import { defaultTime, type DateKind } from './schema.ts';

// Form parts the round pages share: a Buddhist-Era date with its time, selects, checkboxes, a text area. Each keeps
// the GOV.UK pattern of forms.tsx (label, hint, message under the label, the value kept) and gives the first input
// the field's name as id, so the error summary's link lands on it.

const describedBy = (name: string, hint?: string, error?: string) => [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;

export function DateTimeField(props: { name: string; id?: string; legend: string; kind: DateKind; date?: string | undefined; time?: string | undefined; error?: string | undefined; hint?: string }) {
  const id = props.id ?? props.name;
  const hint = props.hint ?? (props.kind === 'deadline' ? 'วันที่แบบ วว/ดด/ปปปป ปี พ.ศ. เช่น 31/05/2569 เวลา 23:59 หมายถึงถึงสิ้นวัน' : 'วันที่แบบ วว/ดด/ปปปป ปี พ.ศ. เช่น 01/10/2568');
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <fieldset class="date-time" aria-describedby={describedBy(id, hint, props.error)}>
        <legend>{props.legend}</legend>
        <p class="hint" id={`${id}-hint`}>{hint}</p>
        {props.error ? <p class="error-message" id={`${id}-error`}>{props.error}</p> : null}
        <div class="date-time-inputs">
          <div>
            <label for={id}>วันที่ (พ.ศ.)</label>
            <input id={id} name={`${props.name}Date`} type="text" inputmode="numeric" class="input-date" placeholder="วว/ดด/ปปปป" value={props.date ?? ''} autocomplete="off" aria-invalid={props.error ? 'true' : undefined} />
          </div>
          <div>
            <label for={`${id}-time`}>เวลา (น.)</label>
            <input id={`${id}-time`} name={`${props.name}Time`} type="text" inputmode="numeric" class="input-time" placeholder="ชช:นน" value={props.time ?? defaultTime[props.kind]} autocomplete="off" />
          </div>
        </div>
      </fieldset>
    </div>
  );
}

export type Option = { value: string; label: string };
export type OptionGroup = { label: string; options: Option[] };

export function SelectField(props: { name: string; label: string; options?: Option[]; groups?: OptionGroup[]; value?: string | undefined; error?: string | undefined; hint?: string; placeholder?: string; id?: string }) {
  const id = props.id ?? props.name;
  const option = (o: Option) => <option value={o.value} selected={props.value === o.value}>{o.label}</option>;
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.hint ? <p class="hint" id={`${id}-hint`}>{props.hint}</p> : null}
      {props.error ? <p class="error-message" id={`${id}-error`}>{props.error}</p> : null}
      <select id={id} name={props.name} aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy(id, props.hint, props.error)}>
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {(props.options ?? []).map(option)}
        {(props.groups ?? []).map((g) => <optgroup label={g.label}>{g.options.map(option)}</optgroup>)}
      </select>
    </div>
  );
}

export function CheckboxesField(props: { name: string; id?: string; legend: string; options: Option[]; values: string[]; error?: string | undefined; hint?: string; columns?: boolean }) {
  const id = props.id ?? props.name;
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <fieldset aria-describedby={describedBy(id, props.hint, props.error)}>
        <legend>{props.legend}</legend>
        {props.hint ? <p class="hint" id={`${id}-hint`}>{props.hint}</p> : null}
        {props.error ? <p class="error-message" id={`${id}-error`}>{props.error}</p> : null}
        <div class={props.columns ? 'checkbox-columns' : undefined}>
          {props.options.map((o, i) => (
            <div class="checkbox">
              <input type="checkbox" id={i === 0 ? id : `${id}-${o.value}`} name={props.name} value={o.value} checked={props.values.includes(o.value)} />
              <label for={i === 0 ? id : `${id}-${o.value}`}>{o.label}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function RadiosField(props: { name: string; id?: string; legend: string; options: (Option & { hint?: Child })[]; value?: string | undefined; error?: string | undefined }) {
  const base = props.id ?? props.name;
  const id = (i: number, v: string) => (i === 0 ? base : `${base}-${v}`);
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <fieldset>
        <legend>{props.legend}</legend>
        {props.error ? <p class="error-message" id={`${base}-error`}>{props.error}</p> : null}
        {props.options.map((o, i) => (
          <div class="checkbox">
            <input type="radio" id={id(i, o.value)} name={props.name} value={o.value} checked={props.value === o.value} />
            <label for={id(i, o.value)}>{o.label}{o.hint ? <span class="hint"> {o.hint}</span> : null}</label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

/** Label, hint and error around one control, the GOV.UK way. */
function FieldShell(props: { id: string; label: string; hint?: string | undefined; error?: string | undefined; children: Child }) {
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={props.id}>{props.label}</label>
      {props.hint ? <p class="hint" id={`${props.id}-hint`}>{props.hint}</p> : null}
      {props.error ? <p class="error-message" id={`${props.id}-error`}>{props.error}</p> : null}
      {props.children}
    </div>
  );
}

export function TextAreaField(props: { name: string; label: string; value?: string | undefined; error?: string | undefined; hint?: string; id?: string; rows?: number }) {
  const id = props.id ?? props.name;
  return (
    <FieldShell id={id} label={props.label} hint={props.hint} error={props.error}>
      <textarea id={id} name={props.name} rows={props.rows ?? 3} aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy(id, props.hint, props.error)}>{props.value ?? ''}</textarea>
    </FieldShell>
  );
}

export function InputField(props: { name: string; id?: string; label: string; value?: string | undefined; error?: string | undefined; hint?: string; width?: 'short'; inputmode?: 'numeric' }) {
  const id = props.id ?? props.name;
  return (
    <FieldShell id={id} label={props.label} hint={props.hint} error={props.error}>
      <input id={id} name={props.name} type="text" value={props.value ?? ''} autocomplete="off" inputmode={props.inputmode} class={props.width === 'short' ? 'input-short' : undefined} aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy(id, props.hint, props.error)} />
    </FieldShell>
  );
}

/** One form among several on a page: its element ids, kept values and errors all carry the form's id. */
export type FormState = { form: string; values: Record<string, string | string[]>; errors: Record<string, string> };

export function formParts(state: FormState | undefined, formId: string) {
  const mine = state?.form === formId;
  const id = (field: string) => `${formId}-${field}`;
  return {
    id,
    mine,
    value: (field: string): string | undefined => {
      if (!mine) return undefined;
      const v = state.values[field];
      return Array.isArray(v) ? v[0] : v;
    },
    values: (field: string): string[] | undefined => {
      if (!mine) return undefined;
      const v = state.values[field];
      return v === undefined ? [] : Array.isArray(v) ? v : [v];
    },
    error: (field: string): string | undefined => state?.errors[id(field)],
  };
}
