import { laoTypeLabels, type LaoType } from '../../../domain/org/lao-type.ts';
import { canMoveRound } from '../../../domain/rounds/round-state.ts';
import { CsrfField, ErrorSummary, Notice } from '../../components/forms.tsx';
import { DecisionForms, ExtensionTable, GrantForm, OwnDeadlines, scopeWords } from './extensions-view.tsx';
import { DateTimeField, formParts, InputField, SelectField, type FormState } from './fields.tsx';
import type { RoundPage } from './page-model.ts';
import { dateTimeValues, stateTargets } from './schema.ts';
import { at, atShort, periodLabel, RoundStateTag } from './view.tsx';

// The round page: what the round is, its dates, who must respond and how far they are, and its extensions; each
// action shown only to those its policy allows.

const submissionStateLabels: Record<string, string> = {
  not_started: 'ยังไม่เริ่ม', in_progress: 'กำลังกรอก', awaiting_approval: 'รอผู้บริหารอนุมัติ', submitted: 'ส่งแล้ว', returned: 'ส่งกลับให้แก้ไข', accepted: 'ตรวจรับแล้ว',
};
const stateOrder = Object.keys(submissionStateLabels);
const respondentWords: Record<string, string> = { province_office: 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด', district_office: 'สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอ', lao: 'อปท.' };

const transitions: Record<(typeof stateTargets)[number], { button: string; confirm: string; warning?: boolean }> = {
  open: { button: 'เปิดรับข้อมูล', confirm: 'ยืนยันเปิดรับข้อมูล: ระบบจะกำหนดรายชื่อหน่วยที่ต้องส่งจากทะเบียนวันนี้ และกรอบการประเมินรุ่นนี้จะแก้ไขไม่ได้อีก' },
  closed: { button: 'ปิดรับข้อมูล', confirm: 'ยืนยันปิดรับข้อมูล: หน่วยงานจะส่งหรือแก้ไขข้อมูลไม่ได้ (เปิดรับใหม่ได้จนกว่าจะประกาศผล)', warning: true },
  published: { button: 'ประกาศผล', confirm: 'ยืนยันประกาศผล: เมื่อประกาศแล้วจะเปิดรับข้อมูลใหม่ แก้ไขวันที่ หรือขยายเวลาไม่ได้อีก' },
};

function StateActions(props: { page: RoundPage; csrf: string; state?: FormState | undefined }) {
  const { round } = props.page;
  const next = stateTargets.filter((to) => canMoveRound(round.state, to));
  if (!props.page.manage || next.length === 0) return null;
  return (
    <section aria-labelledby="state-title">
      <h2 id="state-title">เปลี่ยนสถานะรอบ</h2>
      <div class="state-actions">
        {next.map((to) => {
          const f = formParts(props.state, `state-${to}`);
          const label = round.state === 'closed' && to === 'open' ? 'เปิดรับข้อมูลอีกครั้ง' : transitions[to].button;
          return (
            <form method="post" action={`/rounds/${round.id}/state`} class={f.error('confirm') ? 'panel field-error' : 'panel'}>
              <CsrfField token={props.csrf} />
              <input type="hidden" name="to" value={to} />
              {f.error('confirm') ? <p class="error-message" id={`${f.id('confirm')}-error`}>{f.error('confirm')}</p> : null}
              <div class="checkbox">
                <input type="checkbox" id={f.id('confirm')} name="confirm" value="yes" />
                <label for={f.id('confirm')}>{transitions[to].confirm}</label>
              </div>
              <button type="submit" class={transitions[to].warning ? 'button button-warning' : 'button'}>{label}</button>
            </form>
          );
        })}
      </div>
    </section>
  );
}

function Dates(props: { page: RoundPage; csrf: string; state?: FormState | undefined }) {
  const { round } = props.page;
  const f = formParts(props.state, 'dates');
  const rows: [string, string, Date, 'start' | 'deadline'][] = [
    ['opensAt', 'เปิดรับข้อมูล', round.opensAt, 'start'], ['dueAt', 'กำหนดส่ง', round.dueAt, 'deadline'],
    ['lateUntil', 'รับข้อมูลล่าช้าถึง', round.lateUntil, 'deadline'], ['editClosesAt', 'ปิดการแก้ไข', round.editClosesAt, 'deadline'],
  ];
  const granted = props.page.extensions.filter((e) => e.status === 'granted');
  return (
    <section aria-labelledby="dates">
      <h2 id="dates">วันที่ของรอบ</h2>
      <dl class="summary-list">
        {rows.map(([, label, when]) => <><dt>{label}</dt><dd>{at(when)}</dd></>)}
        {granted.length ? <><dt>ขยายเวลาแล้ว</dt><dd>{granted.map((e) => <div>{scopeWords(e)} ถึง {at(e.newDueAt)}</div>)}</dd></> : null}
      </dl>
      {props.page.manage && round.state !== 'published' ? (
        <details class="panel-details" open={f.mine}>
          <summary><h3 class="summary-heading">แก้ไขวันที่</h3></summary>
          <form method="post" action={`/rounds/${round.id}/dates`} novalidate class="form-narrow">
            <CsrfField token={props.csrf} />
            {round.state !== 'draft' ? <p class="hint">รอบเปิดแล้ว: เลื่อนกำหนดส่งด้วยการขยายเวลาให้ทุกหน่วยด้านล่าง เพื่อให้มีเหตุผลและแจ้งผู้เกี่ยวข้อง</p> : null}
            {rows.map(([name, label, when, kind]) => {
              const kept = dateTimeValues(when);
              return <DateTimeField name={name} id={f.id(name)} legend={label} kind={kind} date={f.value(`${name}Date`) ?? kept.date} time={f.value(`${name}Time`) ?? kept.time} error={f.error(name)} />;
            })}
            <button type="submit" class="button button-secondary">บันทึกวันที่</button>
          </form>
        </details>
      ) : null}
    </section>
  );
}

function InternalDeadlines(props: { page: RoundPage; csrf: string; state?: FormState | undefined }) {
  const { page } = props;
  const f = formParts(props.state, 'deadline');
  const canAdd = page.round.state !== 'published' && (page.manage || page.deadlineProvinces.length > 0);
  if (page.internalDeadlines.length === 0 && !canAdd) return null;
  return (
    <section aria-labelledby="internal-deadlines">
      <h2 id="internal-deadlines">กำหนดส่งภายใน</h2>
      <p class="hint">กลุ่มงานและท้องถิ่นอำเภอส่งข้อมูลให้จังหวัดก่อนกำหนดส่งของรอบ</p>
      {page.internalDeadlines.length ? (
        <table class="table-stack">
          <caption class="visually-hidden">กำหนดส่งภายใน</caption>
          <thead><tr><th scope="col">เรื่อง</th><th scope="col">ใช้กับ</th><th scope="col">กำหนดส่ง</th></tr></thead>
          <tbody>{page.internalDeadlines.map((d) => <tr><td data-label="เรื่อง">{d.title}</td><td data-label="ใช้กับ">{d.unitName ? `จังหวัด${d.unitName}` : 'ทุกจังหวัด'}</td><td data-label="กำหนดส่ง" class="date">{atShort(d.dueAt)}</td></tr>)}</tbody>
        </table>
      ) : <p>ยังไม่มีกำหนดส่งภายใน</p>}
      {canAdd ? (
        <details class="panel-details" open={f.mine}>
          <summary><h3 class="summary-heading">เพิ่มกำหนดส่งภายใน</h3></summary>
          <form method="post" action={`/rounds/${page.round.id}/internal-deadlines`} novalidate class="form-narrow">
            <CsrfField token={props.csrf} />
            <InputField name="title" id={f.id('title')} label="เรื่อง" hint="เช่น กลุ่มงานและท้องถิ่นอำเภอส่งข้อมูลให้จังหวัด" value={f.value('title')} error={f.error('title')} />
            {page.manage
              ? <SelectField name="provinceId" id={f.id('provinceId')} label="ใช้กับ" options={[{ value: '', label: 'ทุกจังหวัด' }, ...page.deadlineProvinces.map((p) => ({ value: String(p.id), label: `จังหวัด${p.name}` }))]} value={f.value('provinceId') ?? ''} error={f.error('provinceId')} />
              : page.deadlineProvinces.length === 1
                ? <><input type="hidden" name="provinceId" value={String(page.deadlineProvinces[0]!.id)} /><p>ใช้กับ: จังหวัด{page.deadlineProvinces[0]!.name}</p></>
                : <SelectField name="provinceId" id={f.id('provinceId')} label="ใช้กับ" options={page.deadlineProvinces.map((p) => ({ value: String(p.id), label: `จังหวัด${p.name}` }))} value={f.value('provinceId')} error={f.error('provinceId')} />}
            <DateTimeField name="internalDue" id={f.id('internalDue')} legend="กำหนดส่ง" kind="deadline" date={f.value('internalDueDate')} time={f.value('internalDueTime')} error={f.error('internalDue')} />
            <button type="submit" class="button button-secondary">เพิ่มกำหนดส่งภายใน</button>
          </form>
        </details>
      ) : null}
    </section>
  );
}

function Respondents(props: { page: RoundPage }) {
  const { page } = props;
  const total = page.respondentCounts.reduce((s, r) => s + r.n, 0);
  const n = (v: number) => v.toLocaleString('th-TH');
  if (page.round.state === 'draft') return <section aria-labelledby="respondents"><h2 id="respondents">หน่วยที่ต้องส่งข้อมูล</h2><p>กำหนดจากทะเบียนเมื่อเปิดรับข้อมูล</p></section>;
  const states = [...page.submissionStates].sort((a, b) => stateOrder.indexOf(a.state) - stateOrder.indexOf(b.state));
  return (
    <section aria-labelledby="respondents">
      <h2 id="respondents">หน่วยที่ต้องส่งข้อมูล {n(total)} หน่วย</h2>
      {page.follow ? <ul class="inline-list"><li><a href={`/rounds/${page.round.id}/progress`}>ความก้าวหน้าการส่งข้อมูล</a></li><li><a href={`/rounds/${page.round.id}/submissions`}>รายชื่อหน่วยและสถานะการส่งข้อมูล</a></li><li><a href={`/rounds/${page.round.id}/picture`}>ภาพรวมผลการประเมิน (แผนภูมิและแผนที่)</a></li></ul> : null}
      <p><a href={`/public/rounds/${page.round.id}/respondents`}>รายชื่อหน่วยงานที่ส่งข้อมูลแล้ว (หน้าสาธารณะ)</a></p>
      {page.rankings.map((l) => <p><a href={l.href}>{l.label}</a></p>)}
      {page.manage ? <p><a href={`/rounds/${page.round.id}/document-batches`}>สร้างรายงานผลการประเมินของทุกหน่วยงาน (PDF)</a></p> : null}
      <div class="two-columns">
        <table>
          <caption>ตามประเภท</caption>
          <tbody>{page.respondentCounts.map((r) => <tr><th scope="row">{r.laoType ? laoTypeLabels[r.laoType as LaoType]?.full ?? r.laoType : respondentWords[page.programme.respondents]}</th><td class="num">{n(r.n)}</td></tr>)}</tbody>
        </table>
        <table>
          <caption>ความคืบหน้า</caption>
          <tbody>{states.map((s) => <tr><th scope="row">{submissionStateLabels[s.state] ?? s.state}</th><td class="num">{n(s.n)}</td></tr>)}</tbody>
        </table>
      </div>
    </section>
  );
}

export function RoundView(props: { csrf: string; page: RoundPage; state?: FormState | undefined; notice?: string | undefined }) {
  const { page, csrf, state } = props;
  const { round } = page;
  const firstType = round.laoTypes?.[0] ?? page.version.laoTypes[0];
  const scopeNote = [
    page.programme.respondents === 'lao' && round.laoTypes?.length ? round.laoTypes.map((t) => laoTypeLabels[t as LaoType]?.short ?? t).join(' ') : respondentWords[page.programme.respondents],
    round.excludedProvinceCodes.length ? `ไม่รวม ${round.excludedProvinceCodes.length} จังหวัด` : '',
  ].filter(Boolean).join(' · ');
  return (
    <>
      <nav class="breadcrumbs" aria-label="เส้นทาง"><ol><li><a href="/rounds">รอบการประเมิน</a></li><li aria-current="page">{round.title}</li></ol></nav>
      <h1>{round.title}</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <ErrorSummary errors={state?.errors ?? {}} />
      <dl class="summary-list">
        <dt>โครงการ</dt><dd>{page.programme.title}</dd>
        <dt>กรอบการประเมิน</dt><dd>{page.manage ? <a href={`/admin/frameworks/${page.version.id}${firstType ? `?type=${firstType}` : ''}`}>{page.version.code}</a> : page.version.code} <span class="muted">{page.version.title}</span></dd>
        <dt>ช่วง</dt><dd>{periodLabel(round)}</dd>
        <dt>ผู้ส่งข้อมูล</dt><dd>{scopeNote}</dd>
        <dt>สถานะ</dt><dd id="round-state" tabindex={-1}><RoundStateTag state={round.state} /></dd>
      </dl>
      <OwnDeadlines page={page} csrf={csrf} state={state} />
      <StateActions page={page} csrf={csrf} state={state} />
      <Dates page={page} csrf={csrf} state={state} />
      <InternalDeadlines page={page} csrf={csrf} state={state} />
      <Respondents page={page} />
      <section aria-labelledby="extensions">
        <h2 id="extensions">การขยายเวลา</h2>
        <ExtensionTable extensions={page.extensions} />
        <DecisionForms page={page} csrf={csrf} state={state} />
        <GrantForm page={page} csrf={csrf} state={state} />
      </section>
    </>
  );
}
