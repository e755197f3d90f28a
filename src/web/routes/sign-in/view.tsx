import { CsrfField, ErrorSummary, Notice, TextField, type FieldErrors } from '../../components/forms.tsx';
import { t } from '../../messages/th.ts';

export function SignInView(props: { csrf: string; identifier?: string; next?: string; errors?: FieldErrors; notice?: string; formError?: string }) {
  const errors = props.errors ?? {};
  return (
    <div class="narrow">
      <h1>{t('signIn.title')}</h1>
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      <ErrorSummary errors={props.formError ? { identifier: props.formError, ...errors } : errors} />
      <form method="post" action="/sign-in" novalidate>
        <CsrfField token={props.csrf} />
        {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
        <TextField name="identifier" label={t('signIn.identifier')} value={props.identifier} error={errors.identifier} autocomplete="username" />
        <TextField name="password" label={t('signIn.password')} type="password" error={errors.password} autocomplete="current-password" />
        <div class="button-group">
          <button type="submit" class="button">{t('signIn.submit')}</button>
          <a href="/forgot-password">{t('signIn.forgot')}</a>
        </div>
      </form>
    </div>
  );
}

export function TotpView(props: { csrf: string; error?: string }) {
  return (
    <div class="narrow">
      <h1>{t('signIn.totp.title')}</h1>
      <ErrorSummary errors={props.error ? { code: props.error } : {}} />
      <p>เปิดแอปยืนยันตัวตนในโทรศัพท์ (เช่น Google Authenticator หรือ Microsoft Authenticator) แล้วกรอกรหัส 6 หลักที่แสดงอยู่ หรือกรอกรหัสสำรองรหัสใดรหัสหนึ่ง</p>
      <form method="post" action="/sign-in/two-factor" novalidate>
        <CsrfField token={props.csrf} />
        <TextField name="code" label={t('signIn.totp.code')} error={props.error} autocomplete="one-time-code" inputmode="numeric" width="short" />
        <div class="button-group">
          <button type="submit" class="button">ยืนยัน</button>
          <a href="/sign-in">เริ่มเข้าสู่ระบบใหม่</a>
        </div>
      </form>
    </div>
  );
}
