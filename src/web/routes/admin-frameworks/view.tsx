import type { FrameworkVersionRow } from '../../../db/queries/frameworks.ts';
import type { FrameworkProblem } from '../../../domain/framework/check-framework.ts';
import { listFields, listIndicators, type FrameworkDocument } from '../../../domain/framework/framework-schema.ts';
import { formatProblem } from '../../../domain/framework/read-framework-file.ts';
import { CsrfField, ErrorSummary, Notice } from '../../components/forms.tsx';

export type UploadOutcome =
  | { ok: true; fileName: string; doc: FrameworkDocument; replaces: boolean }
  | { ok: false; fileName: string | null; fileError?: string; problems?: FrameworkProblem[] };

type VersionListRow = FrameworkVersionRow & { programmeTitle: string; programmeCode: string; roundCount: number };

const n = (v: number) => v.toLocaleString('th-TH');

export function StatusTag(props: { status: 'draft' | 'frozen' }) {
  return props.status === 'frozen'
    ? <span class="tag">ใช้ในรอบแล้ว — แก้ไขไม่ได้</span>
    : <span class="tag tag-grey">ร่าง — แก้ไขได้</span>;
}

/** The next version's code, title and year, guessed from this one (2568 → 2569 in Arabic or Thai digits). */
export function suggestCopy(v: { code: string; title: string; fiscalYear: number }): Record<string, string> {
  const next = v.fiscalYear + 1;
  const thai = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
  const bump = (s: string) => s.split(String(v.fiscalYear)).join(String(next)).split(thai(String(v.fiscalYear))).join(thai(String(next)));
  const code = bump(v.code);
  return { code: code === v.code ? '' : code, title: bump(v.title), fiscalYear: String(next) };
}

function UploadResult(props: { outcome: UploadOutcome }) {
  const o = props.outcome;
  if (o.ok) {
    const indicators = listIndicators(o.doc).length;
    const fields = listFields(o.doc).length;
    return (
      <Notice kind="success">
        <p><strong>ไฟล์ {o.fileName} ถูกต้อง</strong> ยังไม่ได้นำเข้า</p>
        <p>{o.doc.version.title} (รหัสรุ่น {o.doc.version.code}) · แบบ {n(o.doc.forms.length)} แบบ · ช่องข้อมูล {n(fields)} ช่อง · ตัวชี้วัด {n(indicators)} ตัว{o.replaces ? ' · หากนำเข้าจะแทนที่รุ่นร่างรหัสเดียวกัน' : ''}</p>
      </Notice>
    );
  }
  if (!o.problems?.length) return null;
  return (
    <section class="problems" aria-labelledby="problems-title">
      <h2 id="problems-title">ไฟล์ {o.fileName} มีปัญหา {n(o.problems.length)} รายการ ยังไม่ได้นำเข้า</h2>
      <p>แก้ไขทุกรายการในไฟล์แล้วตรวจอีกครั้ง เลขบรรทัดนับจากบรรทัดแรกของไฟล์</p>
      <ol id="problems" class="problem-list" tabindex={-1}>
        {o.problems.map((p) => <li>{formatProblem(p)}</li>)}
      </ol>
    </section>
  );
}

export function FrameworkListView(props: { csrf: string; versions: VersionListRow[]; outcome?: UploadOutcome | undefined; notice?: string | undefined }) {
  const o = props.outcome;
  const errors: Record<string, string> = o && !o.ok ? (o.fileError ? { file: o.fileError } : o.problems?.length ? { problems: `ไฟล์มีปัญหา ${n(o.problems.length)} รายการ ดูรายการด้านล่าง แก้ไขแล้วตรวจอีกครั้ง` } : {}) : {};
  const programmes = [...new Map(props.versions.map((v) => [v.programmeId, { title: v.programmeTitle, code: v.programmeCode }])).entries()];
  return (
    <>
      <h1>กรอบการประเมิน</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <ErrorSummary errors={errors} />
      {programmes.length === 0 ? <p>ยังไม่มีกรอบการประเมินในระบบ นำเข้าไฟล์กรอบการประเมินด้านล่าง</p> : null}
      {programmes.map(([programmeId, p]) => (
        <section aria-labelledby={`programme-${programmeId}`}>
          <h2 id={`programme-${programmeId}`}>{p.title}</h2>
          <p class="muted">รหัสโครงการ <code>{p.code}</code></p>
          <div class="table-scroll">
            <table class="table-stack versions-table">
              <caption class="visually-hidden">กรอบการประเมินของ{p.title}</caption>
              <thead><tr><th scope="col">รหัสรุ่น</th><th scope="col">ชื่อรุ่น</th><th scope="col" class="num">ปีงบประมาณ</th><th scope="col">สถานะ</th><th scope="col" class="num">รอบที่ใช้</th></tr></thead>
              <tbody>
                {props.versions.filter((v) => v.programmeId === programmeId).map((v) => (
                  <tr>
                    <td data-label="รหัสรุ่น"><a href={`/admin/frameworks/${v.id}`}>{v.code}</a></td>
                    <td data-label="ชื่อรุ่น">{v.title}</td>
                    <td data-label="ปีงบประมาณ" class="num">{v.fiscalYear}</td>
                    <td data-label="สถานะ"><StatusTag status={v.status} /></td>
                    <td data-label="รอบที่ใช้" class="num">{n(v.roundCount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}

      <h2>ตรวจหรือนำเข้าไฟล์กรอบการประเมิน</h2>
      <p>ไฟล์ YAML หรือ JSON หนึ่งไฟล์ต่อหนึ่งรุ่น ระบบตรวจทุกสูตรและทุกช่องข้อมูลก่อน หากมีปัญหาจะแสดงทุกรายการพร้อมเลขบรรทัดและไม่นำเข้าสิ่งใด รุ่นร่างรหัสเดียวกันจะถูกแทนที่ รุ่นที่ใช้ในรอบแล้วแก้ไขไม่ได้</p>
      <p>รูปแบบไฟล์: <a href="/frameworks/framework.schema.json">JSON Schema ของไฟล์กรอบการประเมิน</a> (ใช้กับโปรแกรมแก้ไขข้อความเพื่อเติมคำและตรวจรูปแบบขณะพิมพ์)</p>
      {o ? <UploadResult outcome={o} /> : null}
      <form method="post" action="/admin/frameworks" enctype="multipart/form-data">
        <CsrfField token={props.csrf} />
        <div class={o && !o.ok && o.fileError ? 'field field-error' : 'field'}>
          <label for="file">ไฟล์กรอบการประเมิน</label>
          <p class="hint" id="file-hint">.yaml หรือ .json ไม่เกิน 2 MB</p>
          {o && !o.ok && o.fileError ? <p class="error-message" id="file-error">{o.fileError}</p> : null}
          <input id="file" name="file" type="file" accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml" aria-describedby={o && !o.ok && o.fileError ? 'file-hint file-error' : 'file-hint'} />
        </div>
        <div class="button-group">
          <button type="submit" name="mode" value="check" class="button">ตรวจอย่างเดียว</button>
          <button type="submit" name="mode" value="import" class="button button-secondary">นำเข้า</button>
        </div>
      </form>
    </>
  );
}
