import { raw } from 'hono/html';
import type { Actor } from '../../../domain/access/actor.ts';
import { roleLabels } from '../../../domain/access/roles.ts';
import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import { CsrfField, ErrorSummary, Notice, TextField, type FieldErrors } from '../../components/forms.tsx';
import { LineLinkSection } from '../chase/line-link-view.tsx';

type TokenRow = { id: number; name: string; tokenPrefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

export function AccountView(props: {
  csrf: string;
  actor: Actor;
  twoFactorEnabled: boolean;
  tokens: TokenRow[];
  newToken?: string;
  tokenErrors?: FieldErrors;
  passwordErrors?: FieldErrors;
  notice?: string | undefined;
  /** Reminders by LINE: shown only where LINE is configured. */
  line?: { lineUserId: string | null; value?: string; errors?: FieldErrors } | undefined;
}) {
  const { actor } = props;
  return (
    <>
      <h1>บัญชีของฉัน</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <ErrorSummary errors={{ ...(props.passwordErrors ?? {}), ...(props.tokenErrors ?? {}), ...(props.line?.errors ?? {}) }} />
      <dl class="summary-list">
        <dt>ชื่อ</dt>
        <dd>{actor.name}</dd>
        <dt>ชื่อผู้ใช้</dt>
        <dd>{actor.username ?? '—'}</dd>
        <dt>อีเมล</dt>
        <dd>{actor.email}</dd>
        <dt>บทบาท</dt>
        <dd>
          {actor.memberships.length === 0 ? '—' : (
            <ul>
              {actor.memberships.map((m) => (
                <li>{roleLabels[m.role]} · {m.unitNameTh}</li>
              ))}
            </ul>
          )}
        </dd>
        <dt>ยืนยันตัวตนสองขั้นตอน</dt>
        <dd>{props.twoFactorEnabled ? <span class="tag tag-green">เปิดใช้แล้ว</span> : <><span class="tag tag-grey">ยังไม่เปิด</span> <a href="/account/two-factor">ตั้งค่า</a></>}</dd>
      </dl>

      <h2 id="tokens">โทเค็น API</h2>
      <p>ใช้เชื่อมระบบอื่นของหน่วยงานกับมาตรฐานผ่าน API โดยส่งในส่วนหัว <code>Authorization: Bearer &lt;โทเค็น&gt;</code> โทเค็นมีสิทธิ์เท่ากับบัญชีของท่าน</p>
      {props.newToken ? (
        <div class="notice notice-warning" role="status">
          <p><strong>คัดลอกโทเค็นนี้เก็บไว้ตอนนี้</strong> ระบบจะไม่แสดงอีกครั้ง</p>
          <pre class="token-once" id="new-token">{props.newToken}</pre>
        </div>
      ) : null}
      {props.tokens.length > 0 ? (
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">โทเค็น API ของท่าน</caption>
            <thead><tr><th scope="col">ชื่อ</th><th scope="col">ขึ้นต้นด้วย</th><th scope="col">สร้างเมื่อ</th><th scope="col">ใช้ล่าสุด</th><th scope="col">สถานะ</th></tr></thead>
            <tbody>
              {props.tokens.map((tk) => (
                <tr>
                  <td>{tk.name}</td>
                  <td><code>{tk.tokenPrefix}</code></td>
                  <td>{formatThaiDate(tk.createdAt, { short: true })}</td>
                  <td>{tk.lastUsedAt ? formatThaiDate(tk.lastUsedAt, { short: true, withTime: true }) : '—'}</td>
                  <td>
                    {tk.revokedAt ? <span class="tag tag-grey">ยกเลิกแล้ว</span> : (
                      <form method="post" action={`/account/tokens/${tk.id}/revoke`} class="inline-form">
                        <CsrfField token={props.csrf} />
                        <button type="submit" class="link-button">ยกเลิก<span class="visually-hidden"> โทเค็น {tk.name}</span></button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <form method="post" action="/account/tokens" novalidate>
        <CsrfField token={props.csrf} />
        <TextField name="name" label="ชื่อโทเค็นใหม่" hint="บอกว่าใช้กับระบบใด จะได้ยกเลิกถูกตัว" error={props.tokenErrors?.name} />
        <button type="submit" class="button button-secondary">สร้างโทเค็น</button>
      </form>

      <h2 id="change-password">เปลี่ยนรหัสผ่าน</h2>
      <form method="post" action="/account/password" novalidate>
        <CsrfField token={props.csrf} />
        <TextField name="current" label="รหัสผ่านปัจจุบัน" type="password" autocomplete="current-password" error={props.passwordErrors?.current} />
        <TextField name="password" label="รหัสผ่านใหม่" type="password" autocomplete="new-password" hint="อย่างน้อย 12 ตัวอักษร เมื่อเปลี่ยนแล้วอุปกรณ์อื่นจะออกจากระบบ" error={props.passwordErrors?.password} />
        <button type="submit" class="button button-secondary">เปลี่ยนรหัสผ่าน</button>
      </form>
      {props.line ? <LineLinkSection csrf={props.csrf} lineUserId={props.line.lineUserId} value={props.line.value} errors={props.line.errors} /> : null}
    </>
  );
}

export function TotpSetupView(props: { csrf: string; required?: boolean; errors?: FieldErrors; qrSvg?: string; secret?: string; backupCodes?: string[]; confirmError?: string }) {
  if (props.qrSvg || props.confirmError) {
    return (
      <>
        <h1>ตั้งค่าการยืนยันตัวตนสองขั้นตอน</h1>
        <ErrorSummary errors={props.confirmError ? { code: props.confirmError } : {}} />
        {props.qrSvg ? (
          <>
            <h2>1. สแกนรหัส QR ด้วยแอปยืนยันตัวตน</h2>
            <div role="img" aria-label="รหัส QR สำหรับแอปยืนยันตัวตน">{raw(props.qrSvg)}</div>
            <p>หากสแกนไม่ได้ ให้พิมพ์รหัสนี้ในแอป: <code>{props.secret}</code></p>
            <h2>2. เก็บรหัสสำรอง</h2>
            <p>ใช้แทนรหัสจากแอปได้รหัสละหนึ่งครั้ง หากโทรศัพท์หาย เก็บไว้ในที่ปลอดภัย</p>
            <pre>{(props.backupCodes ?? []).join('\n')}</pre>
          </>
        ) : null}
        <h2>3. กรอกรหัสจากแอปเพื่อเปิดใช้</h2>
        <form method="post" action="/account/two-factor/confirm" novalidate>
          <CsrfField token={props.csrf} />
          <TextField name="code" label="รหัส 6 หลัก" inputmode="numeric" autocomplete="one-time-code" width="short" error={props.confirmError} />
          <button type="submit" class="button">เปิดใช้</button>
        </form>
        <p><a href="/account/two-factor">เริ่มตั้งค่าใหม่</a></p>
      </>
    );
  }
  return (
    <>
      <h1>ตั้งค่าการยืนยันตัวตนสองขั้นตอน</h1>
      <ErrorSummary errors={props.errors ?? {}} />
      {props.required ? <Notice kind="warning">บทบาทของท่านต้องเปิดใช้การยืนยันตัวตนสองขั้นตอนก่อนใช้งานส่วนอื่นของระบบ</Notice> : null}
      <p>นอกจากรหัสผ่าน ระบบจะขอรหัส 6 หลักจากแอปในโทรศัพท์ทุกครั้งที่เข้าสู่ระบบ ผู้บริหาร อปท. สำนักงานท้องถิ่น และผู้ดูแลระบบควรเปิดใช้</p>
      <form method="post" action="/account/two-factor" novalidate>
        <CsrfField token={props.csrf} />
        <TextField name="password" label="รหัสผ่านปัจจุบัน" type="password" autocomplete="current-password" error={props.errors?.password} />
        <button type="submit" class="button">เริ่มตั้งค่า</button>
      </form>
    </>
  );
}
