import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import { columnTypeLabels, openDataColumns } from '../../../services/national-picture/open-data-columns.ts';
import { licenceStatement, type OpenDataSource } from '../../../services/national-picture/open-data.ts';
import { Notice } from '../../components/forms.tsx';

// The data dictionary of a round's open data: what the files hold, each column (name, meaning in Thai, type, the
// form of a value), the indicators the codes stand for, and the licence statement — an example until the programme
// owner sets one.

export function DataDictionaryView(p: { source: OpenDataSource; indicators: { code: string; areaCode: string; area: string; title: string; unit: string }[] }) {
  const { source } = p;
  const base = `/public/rounds/${source.round.id}`;
  const licence = licenceStatement(source.programmeOwner);
  return (
    <>
      <nav class="breadcrumbs" aria-label="เส้นทาง"><ol>
        <li><a href={`${base}/picture`}>ภาพรวมผลการประเมิน</a></li><li aria-current="page">คำอธิบายข้อมูลเปิด</li>
      </ol></nav>
      <span class="caption">{source.round.title}</span>
      <h1>คำอธิบายข้อมูลเปิด</h1>
      {source.round.demo ? <Notice kind="warning">รอบนี้เป็นรอบสาธิต ข้อมูลในไฟล์เป็นข้อมูลสาธิต ไม่ใช่ผลการประเมินจริง</Notice> : null}
      <dl class="summary-list">
        <dt>โครงการ</dt><dd>{source.programmeTitle}</dd>
        <dt>กรอบการประเมิน</dt><dd>{source.versionCode}</dd>
        {source.round.publishedAt ? <><dt>ประกาศผลเมื่อ</dt><dd>{formatThaiDate(source.round.publishedAt)}</dd></> : null}
        <dt>แต่ละแถว</dt><dd>ผลของตัวชี้วัดหนึ่งตัวของหน่วยงานหนึ่งแห่ง (หน่วยงาน × ตัวชี้วัด)</dd>
        <dt>หน่วยที่รวมไว้</dt><dd>เฉพาะหน่วยที่ส่งข้อมูลแล้ว (ส่งแล้วหรือผ่านการตรวจแล้ว) ไม่มีข้อมูลที่ยังบันทึกไม่เสร็จ</dd>
        <dt>ข้อมูลส่วนบุคคล</dt><dd>ไม่มี: ไม่มีชื่อ อีเมล หรือข้อมูลใดของเจ้าหน้าที่ผู้กรอกหรือผู้ส่ง</dd>
        <dt>ไฟล์</dt><dd>
          <a href={`${base}/data.csv`} download>CSV</a> (UTF-8 มี BOM เปิดด้วย Excel แล้วอ่านภาษาไทยได้ คั่นด้วยจุลภาค) ·{' '}
          <a href={`${base}/data.xlsx`} download>XLSX</a> (แผ่นงาน ข้อมูล ตัวชี้วัด และคำอธิบายข้อมูล) ·{' '}
          <a href={`${base}/data.json`} download>JSON</a> (round, licence, columns, indicators และ rows)
        </dd>
      </dl>

      <h2 id="licence">สัญญาอนุญาต</h2>
      <div class="panel panel-warning"><p>{licence.text}</p><p class="hint">ข้อความนี้เป็นตัวอย่าง ผู้ดูแลโครงการต้องกำหนดสัญญาอนุญาตจริงก่อนเผยแพร่</p></div>

      <h2 id="columns">คอลัมน์</h2>
      <div class="table-scroll">
        <table class="dictionary-table">
          <thead><tr><th scope="col">ชื่อคอลัมน์</th><th scope="col">ความหมาย</th><th scope="col">ชนิด</th><th scope="col">ตัวอย่างรูปแบบ</th></tr></thead>
          <tbody>
            {openDataColumns.map((c) => (
              <tr><th scope="row"><code>{c.name}</code></th><td>{c.th}</td><td>{columnTypeLabels[c.type]}</td><td><code>{c.example}</code></td></tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="hint">ค่าว่างหมายถึงไม่มีค่า ตัวอย่างรูปแบบแสดงลักษณะของค่า ไม่ใช่ตัวเลขจากรอบใด</p>

      <h2 id="indicators">ตัวชี้วัด</h2>
      <div class="table-scroll">
        <table class="dictionary-table">
          <thead><tr><th scope="col">indicator_code</th><th scope="col">ด้าน</th><th scope="col">ตัวชี้วัด</th><th scope="col">หน่วย</th></tr></thead>
          <tbody>
            {p.indicators.map((i) => <tr><th scope="row"><code>{i.code}</code></th><td>{i.areaCode} {i.area}</td><td>{i.title}</td><td class="nowrap">{i.unit}</td></tr>)}
          </tbody>
        </table>
      </div>
    </>
  );
}
