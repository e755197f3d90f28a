import type { Child } from 'hono/jsx';
import { t } from '../messages/th.ts';

// The GOV.UK form pattern: an error summary that links to each field, the message under the field,
// the entered value kept.
export type FieldErrors = Record<string, string>;

export function ErrorSummary(props: { errors: FieldErrors }) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{t('error.summary')}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#${field}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function TextField(props: {
  name: string;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  type?: string;
  autocomplete?: string;
  hint?: string;
  inputmode?: string;
  required?: boolean;
  width?: 'short' | 'full';
}) {
  const describedBy = [props.hint ? `${props.name}-hint` : '', props.error ? `${props.name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for={props.name}>{props.label}</label>
      {props.hint ? <p class="hint" id={`${props.name}-hint`}>{props.hint}</p> : null}
      {props.error ? <p class="error-message" id={`${props.name}-error`}>{props.error}</p> : null}
      <input
        id={props.name}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode as 'numeric' | undefined}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
        required={props.required}
        class={props.width === 'short' ? 'input-short' : undefined}
      />
    </div>
  );
}

export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

export function Notice(props: { children: Child; kind?: 'success' | 'info' | 'warning' }) {
  return <div class={`notice notice-${props.kind ?? 'info'}`} role="status">{props.children}</div>;
}
