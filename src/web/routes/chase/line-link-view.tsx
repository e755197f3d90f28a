import { CsrfField, type FieldErrors } from '../../components/forms.tsx';

// On the account page: the LINE user id reminders by LINE are pushed to (shown only where LINE is configured).
export function LineLinkSection(p: { csrf: string; lineUserId: string | null; value?: string | undefined; errors?: FieldErrors | undefined }) {
  const error = p.errors?.lineUserId;
  return (
    <>
      <h2 id="line">รับการแจ้งเตือนทาง LINE</h2>
      <p>{p.lineUserId ? <>เชื่อมกับ LINE user ID <code>{p.lineUserId}</code> แล้ว</> : 'ยังไม่ได้เชื่อมบัญชี LINE'}</p>
      <form method="post" action="/account/line" novalidate>
        <CsrfField token={p.csrf} />
        <div class={error ? 'field field-error' : 'field'}>
          <label for="lineUserId">LINE user ID</label>
          <p class="hint" id="lineUserId-hint">เพิ่มบัญชีทางการของระบบเป็นเพื่อนใน LINE แล้วนำรหัสที่ขึ้นต้นด้วย U ตามด้วยตัวอักษร 32 ตัวมากรอก เว้นว่างแล้วบันทึกเพื่อยกเลิก</p>
          {error ? <p class="error-message" id="lineUserId-error">{error}</p> : null}
          <input type="text" id="lineUserId" name="lineUserId" value={p.value ?? p.lineUserId ?? ''} autocomplete="off" spellcheck={false}
            aria-describedby={error ? 'lineUserId-hint lineUserId-error' : 'lineUserId-hint'} aria-invalid={error ? 'true' : undefined} />
        </div>
        <button type="submit" class="button button-secondary">บันทึก LINE user ID</button>
      </form>
    </>
  );
}
