import type { MasterList } from '../../../domain/framework/framework-schema.ts';
import { CsrfField, ErrorSummary } from '../../components/forms.tsx';

// The owner edits a master list (e.g. DLA's standards) as text, one item a line.
export function MasterListView(props: {
  csrf: string; versionId: number; versionCode: string; frozen: boolean; list: MasterList; text: string; problems: string[]; saved: boolean;
}) {
  const error = props.problems.length ? 'แก้ไขรายการตามข้อความด้านล่าง แล้วบันทึกอีกครั้ง' : undefined;
  return (
    <>
      <p><a href={`/admin/frameworks/${props.versionId}`}>← กรอบการประเมิน {props.versionCode}</a></p>
      <h1>บัญชีรายการ: {props.list.title}</h1>
      {props.saved ? <div class="notice" role="status">บันทึกบัญชีรายการแล้ว</div> : null}
      <ErrorSummary errors={error ? { items: error } : {}} />
      {props.frozen ? (
        <>
          <p>กรอบรุ่นนี้ถูกใช้ในรอบการประเมินแล้ว จึงแก้ไขไม่ได้ (รายการที่ผู้ตอบรายงานไว้ต้องคงเดิม) — สร้างรุ่นใหม่จากรุ่นนี้แล้วแก้ไขในรุ่นใหม่</p>
          <table>
            <thead><tr><th scope="col">รหัส</th><th scope="col">ชื่อ</th><th scope="col">กลุ่ม</th></tr></thead>
            <tbody>
              {props.list.items.map((i) => (
                <tr><td>{i.code}</td><td>{i.title}{i.retired ? ' (เลิกใช้)' : ''}</td><td>{i.group ?? ''}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <form method="post" action={`/admin/frameworks/${props.versionId}/lists/${encodeURIComponent(props.list.code)}`}>
          <CsrfField token={props.csrf} />
          <div class={error ? 'field field-error' : 'field'}>
            <label for="items">รายการ (บรรทัดละหนึ่งรายการ)</label>
            <p class="hint" id="items-hint">รูปแบบ: รหัส | ชื่อ | กลุ่ม (กลุ่มเว้นได้) · ขึ้นต้นบรรทัดด้วย - เพื่อเลิกใช้รายการโดยเก็บรหัสไว้</p>
            {props.problems.length ? (
              <ul class="error-message" id="items-error">
                {props.problems.map((p) => <li>{p}</li>)}
              </ul>
            ) : null}
            <textarea id="items" name="items" rows={Math.min(30, Math.max(8, props.list.items.length + 3))} aria-describedby={`items-hint${props.problems.length ? ' items-error' : ''}`} aria-invalid={props.problems.length ? 'true' : undefined}>{props.text}</textarea>
          </div>
          <button type="submit">บันทึกบัญชีรายการ</button>
        </form>
      )}
    </>
  );
}
