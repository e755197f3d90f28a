import type { FrameworkVersionRow, ProgrammeRow } from '../../../db/queries/frameworks.ts';
import type { RoundRow } from '../../../db/queries/rounds.ts';
import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import { laoTypeLabels, laoTypes } from '../../../domain/org/lao-type.ts';
import { firstReportedQuarter, quarterLabel } from '../../../domain/rounds/fiscal-quarter.ts';
import { roundStateLabels } from '../../../domain/rounds/round-state.ts';
import { CsrfField, ErrorSummary, Notice } from '../../components/forms.tsx';
import { CheckboxesField, DateTimeField, formParts, InputField, SelectField, type FormState } from './fields.tsx';
import type { UnitChoice } from './page-model.ts';

/** A round in the list, with the deadline a granted extension for every respondent moved it to. */
export type ListRow = RoundRow & { programmeTitle: string; programmeCode: string; versionCode: string; respondentCount: number; extendedTo: Date | null };

const n = (v: number) => v.toLocaleString('th-TH');
export const at = (d: Date) => formatThaiDate(d, { withTime: true });
/** In table cells: the short month, kept on one line. */
export const atShort = (d: Date) => formatThaiDate(d, { withTime: true, short: true });
export const periodLabel = (r: { fiscalYear: number; quarter: number | null }) => `ปีงบประมาณ ${r.fiscalYear}${r.quarter ? ` · ${quarterLabel(r.quarter)}` : ''}`;
const stateTagClass: Record<RoundRow['state'], string> = { draft: 'tag tag-grey', open: 'tag tag-green', closed: 'tag', published: 'tag' };
export function RoundStateTag(props: { state: RoundRow['state'] }) {
  return <span class={stateTagClass[props.state]}>{roundStateLabels[props.state]}</span>;
}

export function RoundListView(props: { rounds: ListRow[]; manage: boolean; notice?: string | undefined }) {
  return (
    <>
      <h1>รอบการประเมิน</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      {props.manage ? <p><a class="button" href="/rounds/new">สร้างรอบการประเมิน</a></p> : null}
      {props.rounds.length === 0 ? (
        <p>ยังไม่มีรอบการประเมิน</p>
      ) : (
        <table class="table-stack rounds-table">
          <caption class="visually-hidden">รอบการประเมิน เรียงรอบที่เปิดรับข้อมูลก่อน</caption>
          <thead>
            <tr><th scope="col">รอบ</th><th scope="col">ช่วง</th><th scope="col">สถานะ</th><th scope="col">เปิดรับข้อมูล</th><th scope="col">กำหนดส่ง</th><th scope="col" class="num">หน่วย</th></tr>
          </thead>
          <tbody>
            {props.rounds.map((r) => (
              <tr>
                <td data-label="รอบ"><a href={`/rounds/${r.id}`}>{r.title}</a><div class="muted small">{r.programmeTitle}</div></td>
                <td data-label="ช่วง" class="date">{periodLabel(r).replace(' · ', ' ')}</td>
                <td data-label="สถานะ"><RoundStateTag state={r.state} /></td>
                <td data-label="เปิดรับข้อมูล" class="date">{atShort(r.opensAt)}</td>
                <td data-label="กำหนดส่ง" class="date">{atShort(r.dueAt)}{r.extendedTo ? <div class="small">ขยายถึง {atShort(r.extendedTo)}</div> : null}</td>
                <td data-label="หน่วยที่ต้องส่ง" class="num">{r.state === 'draft' ? <span class="muted">กำหนดเมื่อเปิดรอบ</span> : n(r.respondentCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

type VersionOption = FrameworkVersionRow & { programmeTitle: string };

export function NewRoundView(props: { csrf: string; programmes: ProgrammeRow[]; versions: VersionOption[]; provinces: UnitChoice[]; state?: FormState | undefined }) {
  const f = formParts(props.state, 'create');
  const g = formParts(props.state, 'generate');
  const errors = props.state?.errors ?? {};
  const quarterly = props.programmes.filter((p) => p.frequency === 'quarterly');
  const programmeOptions = props.programmes.map((p) => ({ value: String(p.id), label: `${p.title}${p.frequency === 'quarterly' ? ' (รายไตรมาส)' : ''}` }));
  const versionGroups = props.programmes
    .map((p) => ({ label: p.title, options: props.versions.filter((v) => v.programmeId === p.id).map((v) => ({ value: String(v.id), label: `${v.code} · ปีงบประมาณ ${v.fiscalYear}${v.status === 'frozen' ? ' (ใช้ในรอบแล้ว)' : ' (ร่าง)'}` })) }))
    .filter((grp) => grp.options.length > 0);
  const excluded = f.values('excludedProvinceCodes') ?? [];
  const dateField = (name: string, legend: string, kind: 'start' | 'deadline', hint?: string) => (
    <DateTimeField name={name} id={f.id(name)} legend={legend} kind={kind} date={f.value(`${name}Date`)} time={f.value(`${name}Time`)} error={f.error(name)} {...(hint ? { hint } : {})} />
  );
  return (
    <>
      <nav class="breadcrumbs" aria-label="เส้นทาง"><ol><li><a href="/rounds">รอบการประเมิน</a></li><li aria-current="page">สร้างรอบการประเมิน</li></ol></nav>
      <h1>สร้างรอบการประเมิน</h1>
      <ErrorSummary errors={errors} />
      {props.programmes.length === 0 ? <p>ยังไม่มีโครงการ <a href="/admin/frameworks">นำเข้ากรอบการประเมิน</a> ก่อน</p> : null}
      <form method="post" action="/rounds/new" novalidate class="form-narrow">
        <CsrfField token={props.csrf} />
        <p>รอบใหม่เริ่มเป็นร่าง รายชื่อหน่วยที่ต้องส่งข้อมูลจะกำหนดจากทะเบียนในวันที่เปิดรับข้อมูล</p>
        <SelectField name="programmeId" id={f.id('programmeId')} label="โครงการ" options={programmeOptions} placeholder="— เลือกโครงการ —" value={f.value('programmeId')} error={f.error('programmeId')} />
        <SelectField name="frameworkVersionId" id={f.id('frameworkVersionId')} label="กรอบการประเมิน" hint="เลือกรุ่นที่อยู่ใต้ชื่อโครงการเดียวกัน" groups={versionGroups} placeholder="— เลือกรุ่น —" value={f.value('frameworkVersionId')} error={f.error('frameworkVersionId')} />
        <InputField name="title" id={f.id('title')} label="ชื่อรอบการประเมิน" hint="เช่น การประเมินมาตรฐานขั้นต่ำ ประจำปี พ.ศ. 2569" value={f.value('title')} error={f.error('title')} />
        <InputField name="fiscalYear" id={f.id('fiscalYear')} label="ปีงบประมาณ (พ.ศ.)" value={f.value('fiscalYear')} error={f.error('fiscalYear')} width="short" inputmode="numeric" />
        <SelectField name="quarter" id={f.id('quarter')} label="ไตรมาส" hint="เฉพาะโครงการรายไตรมาส" options={[{ value: '', label: 'ไม่มี (โครงการรายปี)' }, ...[1, 2, 3, 4].map((q) => ({ value: String(q), label: quarterLabel(q) }))]} value={f.value('quarter') ?? ''} error={f.error('quarter')} />
        {dateField('opensAt', 'เปิดรับข้อมูล', 'start', 'วันที่แบบ วว/ดด/ปปปป ปี พ.ศ. เช่น 01/06/2569 เวลา 00:00 หมายถึงเริ่มต้นวัน')}
        {dateField('dueAt', 'กำหนดส่ง', 'deadline')}
        {dateField('lateUntil', 'รับข้อมูลล่าช้าถึง', 'deadline', 'เท่ากับกำหนดส่งหากไม่รับข้อมูลล่าช้า')}
        {dateField('editClosesAt', 'ปิดการแก้ไข', 'deadline', 'หลังวันนี้ข้อมูลทั้งหมดจะแก้ไขไม่ได้')}
        <CheckboxesField name="laoTypes" id={f.id('laoTypes')} legend="ประเภท อปท. ที่ต้องส่งข้อมูล" hint="ไม่เลือก = ทุกประเภทที่กรอบการประเมินรุ่นนี้ใช้ (ไม่ใช้กับโครงการที่ผู้ส่งเป็นสำนักงาน)" options={laoTypes.map((t) => ({ value: t, label: laoTypeLabels[t].full }))} values={f.values('laoTypes') ?? []} error={f.error('laoTypes')} />
        <details class="field-details" open={excluded.length > 0 || Boolean(f.error('excludedProvinceCodes'))}>
          <summary>จังหวัดที่ไม่รวมในรอบนี้{excluded.length ? ` (เลือกไว้ ${excluded.length} จังหวัด)` : ''}</summary>
          <CheckboxesField name="excludedProvinceCodes" id={f.id('excludedProvinceCodes')} legend="จังหวัดที่ไม่รวม" hint="หน่วยในจังหวัดที่เลือกจะไม่อยู่ในรายชื่อผู้ส่งข้อมูลของรอบนี้" columns options={props.provinces.map((p) => ({ value: p.provinceCode ?? '', label: p.name }))} values={excluded} error={f.error('excludedProvinceCodes')} />
        </details>
        <button type="submit" class="button">สร้างรอบการประเมิน (ร่าง)</button>
      </form>

      {quarterly.length > 0 ? (
        <section aria-labelledby="generate-title">
          <h2 id="generate-title">สร้างรอบรายไตรมาสตามกฎ</h2>
          <p>สร้างรอบของไตรมาสที่เลือกจนถึงไตรมาสที่ 4 ในครั้งเดียว ด้วยกรอบการประเมินรุ่นล่าสุด เปิดรับข้อมูลวันแรกของไตรมาส กำหนดส่งวันที่ 25 ของเดือนถัดจากไตรมาส ไตรมาสที่มีรอบแล้วจะไม่สร้างซ้ำ</p>
          <form method="post" action="/rounds/generate-quarterly" novalidate class="form-narrow">
            <CsrfField token={props.csrf} />
            <SelectField name="programmeId" id={g.id('programmeId')} label="โครงการรายไตรมาส" options={quarterly.map((p) => ({ value: String(p.id), label: p.title }))} placeholder="— เลือกโครงการ —" value={g.value('programmeId')} error={g.error('programmeId')} />
            <InputField name="fiscalYear" id={g.id('fiscalYear')} label="ปีงบประมาณ (พ.ศ.)" value={g.value('fiscalYear')} error={g.error('fiscalYear')} width="short" inputmode="numeric" />
            <SelectField name="fromQuarter" id={g.id('fromQuarter')} label="เริ่มจากไตรมาส" options={[1, 2, 3, 4].map((q) => ({ value: String(q), label: quarterLabel(q) }))} value={g.value('fromQuarter') ?? String(firstReportedQuarter)} error={g.error('fromQuarter')} />
            <button type="submit" class="button button-secondary">สร้างรอบรายไตรมาส</button>
          </form>
        </section>
      ) : null}
    </>
  );
}
