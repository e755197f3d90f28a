import { committeePositionLabels, committeePositions, dutyLines, memberKindLabels, memberLine, allDistrictOffices } from '../../../domain/committees/committee.ts';
import { isSecretariat } from '../../../domain/committees/committee-policy.ts';
import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import type { CommitteeView } from '../../../services/committees/load-committee.ts';
import { CsrfField, ErrorSummary, Notice } from '../../components/forms.tsx';
import { thaiDate } from '../documents/form-dates.ts';
import { formParts, InputField, RadiosField, SelectField, TextAreaField, type FormState } from '../rounds/fields.tsx';
import { monitoringReportPath } from '../monitoring/paths.ts';
import { StateTag } from '../submissions/shared-view.tsx';

// The province's monitoring committee: the quarterly reports it works on, its members in order, its duties and its
// appointment order. Those who manage it (the provincial office, the owners) change it here; members read it.

export const committeePath = (provinceCode: string) => `/provinces/${encodeURIComponent(provinceCode)}/committee`;

export type CommitteePageProps = { view: CommitteeView; csrf: string; state?: FormState | undefined; notice?: string | undefined };

function Reports(props: { view: CommitteeView }) {
  const { view } = props;
  const secretariat = isSecretariat(view.seat);
  return (
    <section aria-labelledby="reports-title">
      <h2 id="reports-title">รายงานผลการติดตามรายไตรมาส</h2>
      {view.reports.length === 0 ? <p>ยังไม่มีรอบรายงานรายไตรมาสที่เปิดสำหรับจังหวัดนี้</p> : (
        <div class="table-scroll">
          <table class="table-stack committee-reports">
            <thead><tr><th scope="col">รอบรายงาน</th><th scope="col">กำหนดส่ง</th><th scope="col">สถานะ</th><th scope="col"><span class="visually-hidden">เปิดรายงาน</span></th></tr></thead>
            <tbody>
              {view.reports.map((r) => (
                <tr>
                  <td data-label="รอบรายงาน">{r.title}</td>
                  <td data-label="กำหนดส่ง"><span class="date">{formatThaiDate(r.dueAt)}</span></td>
                  <td data-label="สถานะ"><StateTag state={r.state} /></td>
                  <td data-label="รายงาน"><a href={monitoringReportPath(r.roundId, view.province.code)}>{secretariat && r.roundState === 'open' ? 'กรอกรายงาน' : 'เปิดรายงาน'}<span class="visually-hidden"> {r.title}</span></a></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Members(props: CommitteePageProps) {
  const { view, csrf } = props;
  const base = committeePath(view.province.code);
  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">องค์ประกอบ ({view.members.length.toLocaleString('th-TH')} ราย)</h2>
      {view.members.length === 0 ? <p>ยังไม่มีกรรมการ{view.canManage ? ' เพิ่มกรรมการได้จากแบบฟอร์มด้านล่าง' : ''}</p> : (
        <div class="table-scroll">
          <table class="table-stack committee-table">
            <thead>
              <tr>
                <th scope="col" class="num">ที่</th><th scope="col">กรรมการ</th><th scope="col">ตำแหน่งในคณะกรรมการ</th><th scope="col">ประเภท</th>
                {view.canManage ? <th scope="col"><span class="visually-hidden">จัดการ</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {view.members.map((m, i) => (
                <tr>
                  <td data-label="ที่" class="num">{(i + 1).toLocaleString('th-TH')}</td>
                  <td data-label="กรรมการ">{memberLine(m)}</td>
                  <td data-label="ตำแหน่ง">{committeePositionLabels[m.position]}</td>
                  <td data-label="ประเภท"><span class="muted">{memberKindLabels[m.kind]}{m.kind === 'user' && m.userActive === false ? ' (บัญชีถูกระงับ)' : ''}</span></td>
                  {view.canManage ? (
                    <td data-label="จัดการ" class="committee-actions">
                      {i > 0 ? (
                        <form method="post" action={`${base}/members/${m.id}/move`} class="inline-form">
                          <CsrfField token={csrf} /><input type="hidden" name="direction" value="up" />
                          <button type="submit" class="link-button">เลื่อนขึ้น<span class="visually-hidden"> {memberLine(m)}</span></button>
                        </form>
                      ) : null}
                      {i < view.members.length - 1 ? (
                        <form method="post" action={`${base}/members/${m.id}/move`} class="inline-form">
                          <CsrfField token={csrf} /><input type="hidden" name="direction" value="down" />
                          <button type="submit" class="link-button">เลื่อนลง<span class="visually-hidden"> {memberLine(m)}</span></button>
                        </form>
                      ) : null}
                      <form method="post" action={`${base}/members/${m.id}/remove`} class="inline-form">
                        <CsrfField token={csrf} />
                        <button type="submit" class="link-button">นำออก<span class="visually-hidden"> {memberLine(m)}</span></button>
                      </form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function AddMember(props: CommitteePageProps) {
  const { view } = props;
  const g = formParts(props.state, 'member');
  const pickers = view.pickers!;
  const offices = pickers.offices.filter((o) => o.kind !== 'district_office');
  const districts = pickers.offices.filter((o) => o.kind === 'district_office');
  return (
    <section aria-labelledby="add-member-title">
      <h2 id="add-member-title">เพิ่มกรรมการ</h2>
      <form method="post" action={`${committeePath(view.province.code)}/members`} novalidate class="form-narrow">
        <CsrfField token={props.csrf} />
        <RadiosField name="kind" id={g.id('kind')} legend="กรรมการเป็น" value={g.value('kind') ?? 'office'} error={g.error('kind')} options={[
          { value: 'office', label: memberKindLabels.office, hint: 'เช่น ท้องถิ่นจังหวัด ผู้อำนวยการกลุ่มงาน ท้องถิ่นอำเภอ' },
          { value: 'user', label: memberKindLabels.user, hint: 'ผู้ใช้งานจะอ่านรายงานของจังหวัดและให้ความเห็นได้ เลขานุการกรอกรายงานได้' },
          { value: 'person', label: memberKindLabels.person, hint: 'ผู้ที่ไม่มีบัญชีในระบบ' },
        ]} />
        <SelectField name="position" id={g.id('position')} label="ตำแหน่งในคณะกรรมการ" value={g.value('position') ?? 'member'} error={g.error('position')}
          options={committeePositions.map((p) => ({ value: p, label: committeePositionLabels[p] }))} />
        <SelectField name="officeCode" id={g.id('officeCode')} label="หน่วยงาน (สำหรับตำแหน่งในหน่วยงาน)" placeholder="— เลือกหน่วยงาน —" value={g.value('officeCode')} error={g.error('officeCode')}
          groups={[
            { label: 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด', options: offices.map((o) => ({ value: o.code, label: o.nameTh })) },
            { label: 'ท้องถิ่นอำเภอ', options: [{ value: allDistrictOffices.code, label: allDistrictOffices.title }, ...districts.map((o) => ({ value: o.code, label: o.nameTh }))] },
          ]} />
        <SelectField name="userId" id={g.id('userId')} label="ผู้ใช้งาน (สำหรับผู้ใช้งานในระบบ)" placeholder="— เลือกผู้ใช้งาน —" value={g.value('userId')} error={g.error('userId')}
          options={pickers.users.map((u) => ({ value: u.id, label: `${u.name} — ${u.units}` }))} />
        <InputField name="name" id={g.id('name')} label="ชื่อ-สกุล (สำหรับบุคคล)" value={g.value('name')} error={g.error('name')} />
        <InputField name="positionTitle" id={g.id('positionTitle')} label="ตำแหน่ง" hint="เช่น นักส่งเสริมการปกครองท้องถิ่นชำนาญการ — ตำแหน่งในหน่วยงานที่ไม่ระบุ ใช้ตำแหน่งหัวหน้าหน่วยงาน" value={g.value('positionTitle')} error={g.error('positionTitle')} />
        <InputField name="agency" id={g.id('agency')} label="สังกัด (ถ้ามี)" value={g.value('agency')} error={g.error('agency')} />
        <button type="submit" class="button">เพิ่มกรรมการ</button>
      </form>
    </section>
  );
}

function Duties(props: CommitteePageProps) {
  const { view } = props;
  const g = formParts(props.state, 'details');
  const example = view.dutiesExample ? <p><strong class="tag tag-warning">ค่าตัวอย่าง — แก้ไขตามคำสั่งจังหวัด</strong> ถ้อยคำตามตัวอย่างคำสั่งของกรมส่งเสริมการปกครองท้องถิ่น</p> : null;
  return (
    <section aria-labelledby="duties-title">
      <h2 id="duties-title">หน้าที่และอำนาจ</h2>
      {example}
      {view.canManage ? (
        <form method="post" action={committeePath(view.province.code)} novalidate>
          <CsrfField token={props.csrf} />
          <input type="hidden" name="version" value={String(view.committee?.version ?? 0)} />
          <div class="field-wide">
            <TextAreaField name="title" id={g.id('title')} label="ชื่อคณะกรรมการ" rows={2} value={g.value('title') ?? view.title} error={g.error('title')} />
            <TextAreaField name="duties" id={g.id('duties')} label="หน้าที่และอำนาจ (บรรทัดละหนึ่งข้อ)" hint="คำสั่งจะใส่เลขข้อให้เอง" rows={9} value={g.value('duties') ?? view.duties} error={g.error('duties')} />
          </div>
          <button type="submit" class="button">บันทึกหน้าที่และอำนาจ</button>
        </form>
      ) : (
        <ol class="duty-list">{dutyLines(view.duties).map((d) => <li>{d}</li>)}</ol>
      )}
    </section>
  );
}

function Order(props: CommitteePageProps) {
  const { view } = props;
  const g = formParts(props.state, 'order');
  const c = view.committee;
  const base = committeePath(view.province.code);
  return (
    <section aria-labelledby="order-title">
      <h2 id="order-title">คำสั่งแต่งตั้ง</h2>
      <p>คำสั่งจังหวัด{view.province.nameTh} เรื่อง แต่งตั้ง{view.title} พร้อมรายชื่อกรรมการและหน้าที่ตามที่บันทึกไว้</p>
      {view.canManage ? (
        <form method="post" action={`${base}/order`} novalidate class="form-narrow">
          <CsrfField token={props.csrf} />
          <input type="hidden" name="version" value={String(c?.version ?? 0)} />
          <InputField name="orderNo" id={g.id('orderNo')} label="เลขที่คำสั่ง" hint="เช่น 278/2569 — เว้นว่างได้ถ้ายังไม่ออกเลข" width="short" value={g.value('orderNo') ?? c?.orderNo ?? ''} error={g.error('orderNo')} />
          <InputField name="orderDate" id={g.id('orderDate')} label="สั่ง ณ วันที่ (วว/ดด/ปปปป พ.ศ.)" hint="เว้นว่างได้ถ้ายังไม่ลงนาม" width="short" inputmode="numeric" value={g.value('orderDate') ?? (c?.orderDate ? thaiDate(new Date(`${c.orderDate}T02:00:00Z`)) : '')} error={g.error('orderDate')} />
          <InputField name="signatoryName" id={g.id('signatoryName')} label="ผู้ลงนาม" value={g.value('signatoryName') ?? c?.signatoryName ?? ''} error={g.error('signatoryName')} />
          <InputField name="signatoryPosition" id={g.id('signatoryPosition')} label="ตำแหน่งผู้ลงนาม" value={g.value('signatoryPosition') ?? (c?.signatoryPosition || `ผู้ว่าราชการจังหวัด${view.province.nameTh}`)} error={g.error('signatoryPosition')} />
          <button type="submit" class="button button-secondary">บันทึกข้อมูลคำสั่ง</button>
        </form>
      ) : (
        <dl class="summary-list">
          <dt>เลขที่คำสั่ง</dt><dd>{c?.orderNo || 'ยังไม่ระบุ'}</dd>
          <dt>สั่ง ณ วันที่</dt><dd>{c?.orderDate ? formatThaiDate(c.orderDate) : 'ยังไม่ระบุ'}</dd>
          <dt>ผู้ลงนาม</dt><dd>{c?.signatoryName || 'ยังไม่ระบุ'}</dd>
        </dl>
      )}
      <div class="button-group">
        <a class="button" href={`${base}/order.pdf`} download>ดาวน์โหลดคำสั่ง (PDF)</a>
        <a class="button button-secondary" href={`${base}/order.docx`} download>ดาวน์โหลดคำสั่ง (Word)</a>
        <a href={`${base}/order.pdf?digits=thai`} download>PDF เลขไทย</a>
        <a href={`${base}/order.docx?digits=thai`} download>Word เลขไทย</a>
      </div>
    </section>
  );
}

export function CommitteePage(props: CommitteePageProps) {
  const { view } = props;
  return (
    <>
      <span class="caption">จังหวัด{view.province.nameTh}</span>
      <h1>{view.title}</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      {view.seat ? <p>ท่านเป็น <strong>{committeePositionLabels[view.seat.position]}</strong> ของคณะกรรมการนี้</p> : null}
      {!view.canManage ? <p class="muted">สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดเป็นผู้แต่งตั้งและแก้ไขคณะกรรมการ หน้านี้แสดงให้กรรมการอ่าน</p> : null}
      <ErrorSummary errors={props.state?.errors ?? {}} />
      <Reports view={view} />
      <Members {...props} />
      {view.canManage && view.pickers ? <AddMember {...props} /> : null}
      <Duties {...props} />
      <Order {...props} />
    </>
  );
}
