import type { Child } from 'hono/jsx';
import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import { createFormulaEnvironment, describeFormula, type FormulaEnvironment } from '../../../domain/framework/formula.ts';
import type { Comparison, Field, FieldType, Form, FrameworkDocument, Indicator, Owner, Section } from '../../../domain/framework/framework-schema.ts';
import { audiences, formulaVariables, isExampleTarget, resolveText, targetFor, visibleFields, visibleIndicators, type Audience } from '../../../domain/framework/framework-view.ts';
import { laoTypeLabels } from '../../../domain/org/lao-type.ts';
import { provinceOfficeDivisions } from '../../../domain/org/divisions.ts';
import type { LoadedFrameworkVersion } from '../../../services/framework/load-framework-version.ts';
import { CsrfField, ErrorSummary, Notice, TextField, type FieldErrors } from '../../components/forms.tsx';
import { StatusTag } from './view.tsx';

// A framework version as its users will meet it: one LAO type at a time, every text in that type's words, every
// formula in words, and every value that is only an example marked so.

const exampleTag = <span class="tag tag-warning">ค่าตัวอย่าง — แก้ไขตามประกาศ</span>;
const comparisonWords: Record<Comparison, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };
const fieldTypeWords: Record<FieldType, string> = {
  integer: 'จำนวนเต็ม', decimal: 'ตัวเลขทศนิยม', money: 'จำนวนเงิน', percent: 'ร้อยละ', area: 'พื้นที่', date: 'วันที่', yesno: 'ใช่/ไม่ใช่',
  choice: 'เลือกจากรายการ', text: 'ข้อความสั้น', longtext: 'ข้อความยาว', file: 'ไฟล์แนบ',
};
const evidenceWords: Record<string, string> = {
  always: 'ต้องแนบหลักฐานทุกกรณี', when_met: 'แนบหลักฐานเมื่อผ่านค่าเป้าหมาย', when_positive: 'แนบหลักฐานเมื่อผลมากกว่าศูนย์', never: 'ไม่ต้องแนบหลักฐาน',
};
const divisionName = new Map<string, string>(provinceOfficeDivisions.map((d) => [d.key, d.nameTh]));
const num = (v: number) => v.toLocaleString('th-TH', { maximumFractionDigits: 4 });
const audienceName = (a: Audience) => (a ? laoTypeLabels[a].full : 'สำนักงาน');

function ownerWords(owner: Owner | undefined): string {
  if (!owner) return '—';
  if ('area' in owner) return 'ผู้รับผิดชอบด้านที่ อปท. มอบหมาย';
  if ('office' in owner) return owner.office === 'province_office' ? 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด' : 'สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอ';
  const names = owner.divisions.map((d) => divisionName.get(d) ?? d);
  return [...names, ...(owner.districtOffices ? ['ท้องถิ่นอำเภอทุกแห่ง'] : [])].join(', ');
}

function FormulaWords(props: { indicator: Indicator; fe: FormulaEnvironment }) {
  const { indicator: i, fe } = props;
  if (i.numerator && i.denominator) {
    return (
      <>
        <p class="formula">
          <span class="formula-part"><strong>ตัวตั้ง</strong> {describeFormula(fe, i.numerator)}</span>
          <span class="formula-part"><strong>ตัวหาร</strong> {describeFormula(fe, i.denominator)}</span>
          <span class="formula-part"><strong>ค่า</strong> = ตัวตั้ง ÷ ตัวหาร × {num(i.scale ?? 100)}</span>
        </p>
        <p class="hint">ตัวหารเป็นศูนย์ = ไม่มีบริการสาธารณะ (ไม่นับว่าไม่ผ่าน)</p>
      </>
    );
  }
  return i.formula ? <p class="formula">{describeFormula(fe, i.formula)}</p> : <p>—</p>;
}

function IndicatorCard(props: { indicator: Indicator; audience: Audience; doc: FrameworkDocument; fe: FormulaEnvironment; level: 3 | 4 }) {
  const { indicator: i, audience, doc } = props;
  const target = targetFor(i, audience);
  const Heading = props.level === 3 ? 'h3' : 'h4';
  const cel = [i.formula, i.numerator && `ตัวตั้ง: ${i.numerator}`, i.denominator && `ตัวหาร: ${i.denominator}`].filter(Boolean).join('\n');
  return (
    <article class="indicator" aria-labelledby={`ind-${i.code}`}>
      <Heading id={`ind-${i.code}`} class="indicator-title"><span class="indicator-code">{i.code}</span> {resolveText(i.title, audience, doc)}</Heading>
      {i.example ? <p><span class="tag tag-warning">ตัวชี้วัดตัวอย่าง — ไม่อยู่ในรายการที่ประกาศ</span></p> : null}
      {i.description ? <p>{resolveText(i.description, audience, doc)}</p> : null}
      <dl class="facts">
        <div class="fact">
          <dt>ค่าเป้าหมาย</dt>
          <dd>{target ? <>{comparisonWords[target.comparison]} {num(target.value)} {i.unit}</> : `ไม่มีค่าเป้าหมาย (หน่วย ${i.unit})`} <span class="muted">· {i.polarity === 'lower' ? 'ยิ่งน้อยยิ่งดี' : 'ยิ่งมากยิ่งดี'}</span> {isExampleTarget(i, audience) ? exampleTag : null}</dd>
        </div>
        <div class="fact">
          <dt>หลักฐาน</dt>
          <dd>{i.evidence ? <>{evidenceWords[i.evidence.required]}{i.evidence.note ? `: ${resolveText(i.evidence.note, audience, doc)}` : ''}</> : 'ไม่ได้กำหนด'}</dd>
        </div>
        <div class="fact fact-wide">
          <dt>วิธีคำนวณ</dt>
          <dd>
            <FormulaWords indicator={i} fe={props.fe} />
            <details class="cel"><summary>สูตร (CEL)</summary><pre>{cel}</pre></details>
          </dd>
        </div>
        {i.levels ? (
          <div class="fact">
            <dt>เกณฑ์ระดับ</dt>
            <dd>
              <ol class="levels">{i.levels.thresholds.map((t, k) => <li>ระดับ {k + 1}: {comparisonWords[target?.comparison ?? '>=']} {num(t)}</li>)}</ol>
              {i.levels.example ? exampleTag : null}
            </dd>
          </div>
        ) : null}
        {i.weight ? <div class="fact"><dt>น้ำหนัก</dt><dd>{num(i.weight.value)} {i.weight.example ? exampleTag : null}</dd></div> : null}
        <div class="fact">
          <dt>ผู้รับผิดชอบ</dt>
          <dd>{ownerWords(i.owner)}</dd>
        </div>
        <div class="fact">
          <dt>เทียบกับปีก่อน</dt>
          <dd>{i.previous ? <>ตัวชี้วัด <code>{i.previous}</code>{doc.version.previous ? ` ของรุ่น ${doc.version.previous}` : ''}</> : 'ตัวชี้วัดใหม่ (ไม่มีปีก่อนให้เทียบ)'}</dd>
        </div>
      </dl>
    </article>
  );
}

function Indicators(props: { doc: FrameworkDocument; audience: Audience }) {
  const { doc, audience } = props;
  const fe = createFormulaEnvironment(formulaVariables(doc, audience));
  const visible = visibleIndicators(doc, audience);
  const areas = doc.areas.filter((a) => visible.some((v) => v.area === a));
  return (
    <>
      <h2 id="indicators">ตัวชี้วัด ({num(visible.length)} ตัว)</h2>
      {areas.map((area) => {
        const mine = visible.filter((v) => v.area === area);
        const direct = mine.filter((v) => !v.mission);
        const missions = area.missions?.filter((m) => mine.some((v) => v.mission === m)) ?? [];
        return (
          <section class="area" aria-labelledby={`area-${area.code}`}>
            <h3 id={`area-${area.code}`} class="area-title">{resolveText(area.title, audience, doc)} <span class="muted">({num(mine.length)} ตัว)</span></h3>
            {direct.map((v) => <IndicatorCard indicator={v.indicator} audience={audience} doc={doc} fe={fe} level={4} />)}
            {missions.map((m) => (
              <details class="mission" open>
                <summary><span class="mission-title">ภารกิจ: {resolveText(m.title, audience, doc)}</span></summary>
                {mine.filter((v) => v.mission === m).map((v) => <IndicatorCard indicator={v.indicator} audience={audience} doc={doc} fe={fe} level={4} />)}
              </details>
            ))}
          </section>
        );
      })}
    </>
  );
}

type SectionGroup = { section: Section; fields: Field[] };
type FormGroup = { form: Form; sections: SectionGroup[] };

function groupFields(doc: FrameworkDocument, audience: Audience): FormGroup[] {
  const forms: FormGroup[] = [];
  for (const { form, section, field } of visibleFields(doc, audience)) {
    let f = forms.find((g) => g.form === form);
    if (!f) forms.push((f = { form, sections: [] }));
    let s = f.sections.find((g) => g.section === section);
    if (!s) f.sections.push((s = { section, fields: [] }));
    s.fields.push(field);
  }
  return forms;
}

function RepeatedList(props: { doc: FrameworkDocument; code: string; editHref: string | null }) {
  const list = props.doc.lists?.find((l) => l.code === props.code);
  if (!list) return null;
  const items = list.items.filter((i) => !i.retired);
  const groups = [...new Set(items.map((i) => i.group ?? ''))];
  return (
    <details class="repeat-list">
      <summary>ทำซ้ำทุกรายการของ “{list.title}” ({num(items.length)} รายการ)</summary>
      {groups.map((g) => (
        <>
          {g ? <p class="repeat-group">{g}</p> : null}
          <ul>{items.filter((i) => (i.group ?? '') === g).map((i) => <li><code>{i.code}</code> {i.title}</li>)}</ul>
        </>
      ))}
      {props.editHref ? <p><a href={props.editHref}>แก้ไขบัญชีรายการนี้</a></p> : null}
    </details>
  );
}

function Forms(props: { doc: FrameworkDocument; audience: Audience; versionId: number; draft: boolean }) {
  const { doc, audience } = props;
  const groups = groupFields(doc, audience);
  const text = (v: Parameters<typeof resolveText>[0]) => resolveText(v, audience, doc);
  return (
    <>
      <h2 id="forms">แบบเก็บข้อมูล ({num(groups.length)} แบบ)</h2>
      {groups.map(({ form, sections }) => (
        <section class="data-form" aria-labelledby={`form-${form.code}`}>
          <h3 id={`form-${form.code}`}>{text(form.title)} {form.example ? exampleTag : null}</h3>
          {form.description ? <p>{text(form.description)}</p> : null}
          {sections.map(({ section, fields }) => (
            <>
              <h4>{text(section.title)}</h4>
              {section.description ? <p>{text(section.description)}</p> : null}
              {section.repeatOver ? <RepeatedList doc={doc} code={section.repeatOver} editHref={props.draft ? `/admin/frameworks/${props.versionId}/lists/${encodeURIComponent(section.repeatOver)}` : null} /> : null}
              <table class="table-stack fields-table">
                <caption class="visually-hidden">ช่องข้อมูลของ{text(section.title)}</caption>
                <thead><tr><th scope="col">ช่องข้อมูล</th><th scope="col">ชนิด</th><th scope="col">หน่วย</th><th scope="col">ต้องกรอก</th></tr></thead>
                <tbody>
                  {fields.map((f) => (
                    <tr>
                      <td data-label="ช่องข้อมูล">
                        {text(f.label)} {f.example ? exampleTag : null}
                        {f.help ? <div class="hint">{text(f.help)}</div> : null}
                        <div class="muted field-key"><code>{f.key}</code></div>
                      </td>
                      <td data-label="ชนิด">
                        {fieldTypeWords[f.type]}
                        {f.choices ? <ul class="choices">{f.choices.map((c) => <li>{c.label}</li>)}</ul> : null}
                        {f.min !== undefined || f.max !== undefined ? <div class="hint">{f.min !== undefined ? `ไม่น้อยกว่า ${num(f.min)}` : ''}{f.min !== undefined && f.max !== undefined ? ' · ' : ''}{f.max !== undefined ? `ไม่เกิน ${num(f.max)}` : ''}</div> : null}
                      </td>
                      <td data-label="หน่วย">{f.unit ?? '—'}</td>
                      <td data-label="ต้องกรอก">{(f.required ?? !(f.type === 'file' || f.type === 'longtext')) ? 'ต้องกรอก' : 'ไม่บังคับ'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ))}
        </section>
      ))}
    </>
  );
}

function Validations(props: { doc: FrameworkDocument; audience: Audience }) {
  const { doc, audience } = props;
  const rules = (doc.validations ?? []).filter((r) => audience === null || !r.appliesTo || r.appliesTo.includes(audience));
  if (rules.length === 0) return null;
  const fe = createFormulaEnvironment(formulaVariables(doc, audience));
  return (
    <>
      <h2 id="validations">กฎตรวจสอบข้อมูล ({num(rules.length)} ข้อ)</h2>
      <ul class="rules">
        {rules.map((r) => (
          <li>
            {r.severity === 'blocking' ? <span class="tag tag-red">ห้ามส่งหากไม่ผ่าน</span> : <span class="tag tag-warning">เตือน</span>} {resolveText(r.message, audience, doc)}
            <div class="hint">ตรวจว่า: {describeFormula(fe, r.expression)}</div>
          </li>
        ))}
      </ul>
    </>
  );
}

function TypeSwitcher(props: { doc: FrameworkDocument; id: number; audience: Audience }) {
  const types = audiences(props.doc).filter((a): a is NonNullable<Audience> => a !== null);
  if (types.length === 0) return <p class="muted">ผู้ตอบของโครงการนี้เป็นสำนักงาน จึงมีมุมมองเดียว</p>;
  return (
    <nav class="type-switcher" aria-label="ดูกรอบตามประเภท อปท.">
      <p>ดูแบบที่ อปท. แต่ละประเภทจะเห็น:</p>
      <ul>
        {types.map((t) => (
          <li><a href={`/admin/frameworks/${props.id}?type=${t}`} aria-current={t === props.audience ? 'page' : undefined}>{laoTypeLabels[t].full}</a></li>
        ))}
      </ul>
    </nav>
  );
}

export function FrameworkVersionView(props: {
  csrf: string; version: LoadedFrameworkVersion; programmeTitle: string; latest: { id: number; code: string } | null; audience: Audience;
  copyValues: Record<string, string>; copyErrors: FieldErrors; notice?: string | undefined;
}) {
  const { version: v, audience } = props;
  const doc = v.doc;
  const e = props.copyErrors;
  const isLatest = props.latest?.id === v.id;
  const onThisPage: [string, string][] = [['indicators', 'ตัวชี้วัด'], ['forms', 'แบบเก็บข้อมูล'], ['validations', 'กฎตรวจสอบข้อมูล'], ['new-version', 'สร้างรุ่นใหม่']];
  return (
    <>
      <nav class="breadcrumbs" aria-label="เส้นทาง"><ol><li><a href="/admin/frameworks">กรอบการประเมิน</a></li><li aria-current="page">{v.code}</li></ol></nav>
      <h1>{v.title}</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <ErrorSummary errors={e} />
      <dl class="summary-list">
        <dt>โครงการ</dt><dd>{props.programmeTitle}</dd>
        <dt>รหัสรุ่น</dt><dd><code>{v.code}</code>{doc.version.previous ? <span class="muted"> (ต่อจากรุ่น {doc.version.previous})</span> : null}</dd>
        <dt>ปีงบประมาณ</dt><dd>{doc.version.fiscalYear}</dd>
        <dt>ปีงบประมาณของข้อมูล</dt><dd>{doc.version.dataFiscalYear ?? '—'}</dd>
        <dt>สถานะ</dt><dd><StatusTag status={v.status} />{v.frozenAt ? <span class="muted"> ตั้งแต่ {formatThaiDate(v.frozenAt, { withTime: true })}</span> : null}</dd>
        <dt>ผู้ตอบ</dt><dd>{doc.programme.respondents === 'lao' ? (doc.laoTypes ?? []).map((t) => laoTypeLabels[t].short).join(' ') : doc.programme.respondents === 'province_office' ? 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด' : 'สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอ'} · {doc.programme.frequency === 'quarterly' ? 'รายไตรมาส' : 'รายปี'}</dd>
        {doc.version.note ? (<><dt>หมายเหตุ</dt><dd class="note">{doc.version.note}</dd></>) : null}
      </dl>
      <div class="button-group">
        <a class="button button-secondary" href={`/admin/frameworks/${v.id}/export`} download={`${v.code}.yaml`}>ดาวน์โหลดไฟล์ (YAML)</a>
        <a href="#new-version">สร้างรุ่นใหม่จากรุ่นนี้</a>
      </div>
      <TypeSwitcher doc={doc} id={v.id} audience={audience} />
      <h2 class="audience-heading">{audience ? `มุมมองของ${audienceName(audience)}` : 'มุมมองของสำนักงาน'}</h2>
      <nav aria-label="ในหน้านี้" class="on-this-page"><ul>{onThisPage.map(([id, label]) => <li><a href={`#${id}`}>{label}</a></li>)}</ul></nav>
      <Indicators doc={doc} audience={audience} />
      <Forms doc={doc} audience={audience} versionId={v.id} draft={v.status === 'draft'} />
      <Validations doc={doc} audience={audience} />
      <h2 id="new-version">สร้างรุ่นใหม่จากรุ่นนี้</h2>
      {isLatest ? (
        <CopyForm id={v.id} csrf={props.csrf} values={props.copyValues} errors={e} />
      ) : (
        <p>รุ่นใหม่สร้างจากรุ่นล่าสุดของโครงการเสมอ{props.latest ? <> ได้แก่ <a href={`/admin/frameworks/${props.latest.id}#new-version`}>{props.latest.code}</a></> : null} เพื่อให้ตัวชี้วัดเทียบกับปีก่อนได้ต่อเนื่อง</p>
      )}
    </>
  );
}

function CopyForm(props: { id: number; csrf: string; values: Record<string, string>; errors: FieldErrors }): Child {
  const { values: v, errors: e } = props;
  return (
    <form method="post" action={`/admin/frameworks/${props.id}/copy`} novalidate>
      <p>รุ่นใหม่เริ่มเป็นร่าง มีตัวชี้วัด แบบ และสูตรเหมือนรุ่นนี้ และทุกตัวชี้วัดเทียบกับตัวเดิมในรุ่นนี้ แก้ไขได้โดยดาวน์โหลดไฟล์ แก้ แล้วนำเข้าด้วยรหัสรุ่นใหม่</p>
      <CsrfField token={props.csrf} />
      <TextField name="code" label="รหัสรุ่นใหม่" hint="อักษรอังกฤษ ตัวเลข . _ - เช่น odloc-2569" value={v.code} error={e.code} width="short" autocomplete="off" />
      <TextField name="title" label="ชื่อรุ่นใหม่" value={v.title} error={e.title} autocomplete="off" />
      <TextField name="fiscalYear" label="ปีงบประมาณ (พ.ศ.)" value={v.fiscalYear} error={e.fiscalYear} width="short" inputmode="numeric" autocomplete="off" />
      <button type="submit" class="button">สร้างรุ่นใหม่จากรุ่นนี้</button>
    </form>
  );
}
