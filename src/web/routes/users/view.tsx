import type { Actor } from '../../../domain/access/actor.ts';
import { grantableRoles, roleLabels, type Role } from '../../../domain/access/roles.ts';
import type { UserListRow } from '../../../db/queries/access.ts';
import type { ManagedUser } from '../../../services/users/manage-user.ts';
import { CsrfField, ErrorSummary, Notice, TextField, type FieldErrors } from '../../components/forms.tsx';

export function grantableBy(actor: Actor): Role[] {
  return [...new Set(actor.memberships.flatMap((m) => grantableRoles[m.role]))];
}

function RoleSelect(props: { roles: Role[]; value?: string | undefined; error?: string | undefined }) {
  return (
    <div class={props.error ? 'field field-error' : 'field'}>
      <label for="role">บทบาท</label>
      {props.error ? <p class="error-message" id="role-error">{props.error}</p> : null}
      <select id="role" name="role" aria-invalid={props.error ? 'true' : undefined} aria-describedby={props.error ? 'role-error' : undefined}>
        <option value="">— เลือกบทบาท —</option>
        {props.roles.map((r) => <option value={r} selected={props.value === r}>{roleLabels[r]}</option>)}
      </select>
    </div>
  );
}

const unitHint = 'รหัส อปท. สำหรับเจ้าหน้าที่และผู้บริหาร อปท. · รหัสอำเภอ 4 หลักสำหรับสำนักงานท้องถิ่นอำเภอ · รหัสจังหวัด 2 หลักสำหรับสำนักงานท้องถิ่นจังหวัด · TH สำหรับระดับประเทศ';

export function UserListView(props: { rows: UserListRow[]; total: number; page: number; pageSize: number; search: string; notice?: string | undefined }) {
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  const link = (p: number) => `/users?page=${p}${props.search ? `&q=${encodeURIComponent(props.search)}` : ''}`;
  return (
    <>
      <h1>ผู้ใช้งาน</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <p><a class="button" href="/users/new">เชิญผู้ใช้ใหม่</a></p>
      <form method="get" action="/users" role="search">
        <div class="field">
          <label for="q">ค้นหาชื่อ อีเมล หรือชื่อผู้ใช้</label>
          <input id="q" name="q" type="search" value={props.search} />
        </div>
        <button type="submit" class="button button-secondary">ค้นหา</button>
      </form>
      <p>พบ {props.total.toLocaleString('th-TH')} คน</p>
      <div class="table-scroll">
        <table class="table-wide">
          <caption class="visually-hidden">ผู้ใช้งานในหน่วยงานของท่าน</caption>
          <thead><tr><th scope="col">ชื่อ</th><th scope="col">อีเมล</th><th scope="col">บทบาท</th><th scope="col">สถานะ</th></tr></thead>
          <tbody>
            {props.rows.map((u) => (
              <tr>
                <td><a href={`/users/${u.id}`}>{u.name}</a></td>
                <td>{u.email}</td>
                <td>{u.memberships.map((m) => <div>{roleLabels[m.role]} · {m.unitNameTh}</div>)}</td>
                <td>{u.isActive ? <span class="tag tag-green">ใช้งาน</span> : <span class="tag tag-grey">ระงับ</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav class="pagination" aria-label="เลขหน้า">
          {props.page > 1 ? <a href={link(props.page - 1)}>ก่อนหน้า</a> : null}
          <span>หน้า {props.page} จาก {pages}</span>
          {props.page < pages ? <a href={link(props.page + 1)}>ถัดไป</a> : null}
        </nav>
      ) : null}
    </>
  );
}

export function InviteView(props: { csrf: string; roles: Role[]; values?: Record<string, string>; errors?: FieldErrors }) {
  const v = props.values ?? {};
  const e = props.errors ?? {};
  return (
    <>
      <h1>เชิญผู้ใช้ใหม่</h1>
      <ErrorSummary errors={e} />
      <p>ระบบจะส่งอีเมลพร้อมลิงก์ให้ผู้ใช้ตั้งรหัสผ่านเอง ลิงก์ใช้ได้ 7 วัน</p>
      <form method="post" action="/users/new" novalidate>
        <CsrfField token={props.csrf} />
        <TextField name="name" label="ชื่อและนามสกุล" value={v.name} error={e.name} autocomplete="off" />
        <TextField name="email" label="อีเมล" type="email" value={v.email} error={e.email} autocomplete="off" />
        <TextField name="username" label="ชื่อผู้ใช้ (ไม่บังคับ)" hint="ตัวอักษรอังกฤษ ตัวเลข จุด หรือขีดล่าง หากไม่กรอกให้เข้าสู่ระบบด้วยอีเมล" value={v.username} error={e.username} autocomplete="off" />
        <RoleSelect roles={props.roles} value={v.role} error={e.role} />
        <TextField name="orgUnitCode" label="รหัสหน่วยงาน" hint={unitHint} value={v.orgUnitCode} error={e.orgUnitCode} width="short" />
        <button type="submit" class="button">ส่งคำเชิญ</button>
      </form>
    </>
  );
}

export function UserView(props: { csrf: string; target: ManagedUser; roles: Role[]; errors?: FieldErrors; values?: Record<string, string>; notice?: string | undefined }) {
  const { user, memberships, canManage } = props.target;
  const e = props.errors ?? {};
  return (
    <>
      <nav class="breadcrumbs" aria-label="เส้นทาง"><ol><li><a href="/users">ผู้ใช้งาน</a></li><li aria-current="page">{user.name}</li></ol></nav>
      <h1>{user.name}</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <ErrorSummary errors={e} />
      <dl class="summary-list">
        <dt>อีเมล</dt><dd>{user.email}</dd>
        <dt>ชื่อผู้ใช้</dt><dd>{user.username ?? '—'}</dd>
        <dt>สถานะ</dt><dd>{user.isActive ? 'ใช้งาน' : 'ระงับการใช้งาน'}</dd>
        <dt>ยืนยันตัวตนสองขั้นตอน</dt><dd>{user.twoFactorEnabled ? 'เปิดใช้' : 'ยังไม่เปิด'}</dd>
      </dl>
      <h2>บทบาท</h2>
      <table>
        <caption class="visually-hidden">บทบาทของผู้ใช้</caption>
        <thead><tr><th scope="col">บทบาท</th><th scope="col">หน่วยงาน</th><th scope="col"><span class="visually-hidden">การทำงาน</span></th></tr></thead>
        <tbody>
          {memberships.map((m) => (
            <tr>
              <td>{roleLabels[m.role]}</td>
              <td>{m.unitNameTh} ({m.unitCode})</td>
              <td>
                {canManage ? (
                  <form method="post" action={`/users/${user.id}/memberships/${m.id}/delete`} class="inline-form">
                    <CsrfField token={props.csrf} />
                    <button type="submit" class="link-button">นำบทบาทออก<span class="visually-hidden"> {roleLabels[m.role]} {m.unitNameTh}</span></button>
                  </form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {canManage ? (
        <>
          <h2>เพิ่มบทบาท</h2>
          <form method="post" action={`/users/${user.id}/memberships`} novalidate>
            <CsrfField token={props.csrf} />
            <RoleSelect roles={props.roles} value={props.values?.role} error={e.role} />
            <TextField name="orgUnitCode" label="รหัสหน่วยงาน" hint={unitHint} value={props.values?.orgUnitCode} error={e.orgUnitCode} width="short" />
            <button type="submit" class="button button-secondary">เพิ่มบทบาท</button>
          </form>
          <h2>สถานะบัญชี</h2>
          <form method="post" action={`/users/${user.id}/${user.isActive ? 'deactivate' : 'activate'}`}>
            <CsrfField token={props.csrf} />
            {user.isActive ? <p>การระงับจะทำให้ผู้ใช้ออกจากระบบทันทีและเข้าใช้ไม่ได้ ข้อมูลและประวัติยังอยู่ครบ</p> : null}
            <button type="submit" class={user.isActive ? 'button button-warning' : 'button'}>{user.isActive ? 'ระงับการใช้งาน' : 'เปิดใช้งานอีกครั้ง'}</button>
          </form>
        </>
      ) : null}
    </>
  );
}
