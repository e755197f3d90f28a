import ExcelJS from 'exceljs';
import { roleLabels, type Role } from '../../domain/access/roles.ts';
import { shortDateTime } from '../../domain/dates/thai-date.ts';
import { laoTypeLabels, type LaoType } from '../../domain/org/lao-type.ts';
import { areaInWords } from '../../domain/progress/progress-scope.ts';
import { percentOf, progressFilterLabels, type ProgressCounts } from '../../domain/progress/progress-figures.ts';
import { submissionStateLabels, type SubmissionStateName } from '../../domain/submission/submission-state.ts';
import type { RespondentList } from './list-progress-respondents.ts';
import type { ProgressSummary } from './load-progress.ts';

// The progress page as a spreadsheet: the summary (overall, by province or district, by LAO type, by area) and,
// for those who may see it, the respondent list with its people and e-mail addresses. Thai headers; percentages as
// numbers so a clerk can sort and chart them.

const at = shortDateTime;
const countHeaders = ['ต้องส่ง', 'เริ่มแล้ว', 'ยังไม่เริ่ม', 'ส่งแล้ว', 'ร้อยละที่ส่ง', 'รับรองแล้ว', 'ส่งตรงเวลา', 'ส่งล่าช้า', 'เลยกำหนดแล้วยังไม่ส่ง'];
const countCells = (c: ProgressCounts) => [c.expected, c.started, c.notStarted, c.submitted, percentOf(c.submitted, c.expected), c.accepted, c.onTime, c.late, c.overdue];

function heading(ws: ExcelJS.Worksheet, text: string) {
  const row = ws.addRow([text]);
  row.font = { bold: true, size: 13 };
}

function header(ws: ExcelJS.Worksheet, cells: string[]) {
  const row = ws.addRow(cells);
  row.font = { bold: true };
  row.eachCell((cell) => { cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F1F8' } }; cell.alignment = { wrapText: true, vertical: 'top' }; });
}

export async function progressWorkbook(summary: ProgressSummary, list: RespondentList | null): Promise<Buffer> {
  const { ctx } = summary;
  const placeWords = areaInWords({ province: ctx.province, district: ctx.district, laoType: ctx.area.laoType });
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Matrathan';
  wb.created = summary.now;

  const ws = wb.addWorksheet('สรุป', { views: [{ state: 'frozen', ySplit: 4 }] });
  ws.addRow([ctx.round.title]).font = { bold: true, size: 14 };
  ws.addRow([`ความก้าวหน้าการส่งข้อมูล: ${placeWords}`]);
  ws.addRow([`ข้อมูล ณ ${at(summary.now)} · กำหนดส่งของรอบ ${at(ctx.round.dueAt)}`]);
  ws.addRow([]);
  header(ws, ['', ...countHeaders]);
  ws.addRow(['รวม', ...countCells(summary.total)]).font = { bold: true };
  if (summary.breakdown && summary.byPlace.length) {
    ws.addRow([]);
    heading(ws, summary.breakdown === 'province' ? 'รายจังหวัด' : 'รายอำเภอ');
    header(ws, [summary.breakdown === 'province' ? 'จังหวัด' : 'อำเภอ', ...countHeaders]);
    for (const p of summary.byPlace) ws.addRow([p.code === null ? 'ไม่สังกัดอำเภอ' : p.name, ...countCells(p)]);
  }
  const types = summary.byType.filter((t) => t.laoType);
  if (types.length) {
    ws.addRow([]);
    heading(ws, 'ตามประเภท อปท.');
    header(ws, ['ประเภท', ...countHeaders]);
    for (const t of types) ws.addRow([laoTypeLabels[t.laoType as LaoType].full, ...countCells(t)]);
  }
  if (summary.byArea.length) {
    ws.addRow([]);
    heading(ws, 'ตามด้าน (กรอกข้อมูลที่ต้องกรอกครบทุกช่อง)');
    header(ws, ['ด้าน', 'ต้องส่ง', 'กรอกครบแล้ว', 'ร้อยละ', 'ส่วนของแบบที่นับ']);
    for (const a of summary.byArea) ws.addRow([a.title, a.expected, a.complete, percentOf(a.complete, a.expected), a.sectionTitles.join(', ')]);
  }
  ws.getColumn(1).width = 42;
  for (let i = 2; i <= countHeaders.length + 1; i++) ws.getColumn(i).width = 13;

  if (list) {
    const rs = wb.addWorksheet('รายชื่อหน่วย', { views: [{ state: 'frozen', ySplit: 1 }] });
    header(rs, ['รหัส', 'ชื่อหน่วยงาน', 'ประเภท', 'อำเภอ', 'จังหวัด', 'สถานะ', 'ส่งเมื่อ', 'กำหนดส่งของหน่วย', 'ตรงเวลา/ล่าช้า', 'กิจกรรมล่าสุด', 'ผู้รับผิดชอบ', 'อีเมล']);
    for (const r of list.rows) {
      rs.addRow([
        r.code, r.name, r.laoType ? laoTypeLabels[r.laoType as LaoType]?.full ?? r.laoType : '', r.districtName ?? '', r.provinceName ?? '',
        submissionStateLabels[(r.state ?? 'not_started') as SubmissionStateName], r.sent && r.submittedAt ? at(r.submittedAt) : '', at(r.deadline),
        r.sent ? (r.sentLate ? progressFilterLabels.late : progressFilterLabels.on_time) : r.overdue ? progressFilterLabels.overdue : '',
        r.lastActivity ? at(r.lastActivity) : '',
        r.people.map((p) => `${p.name} (${roleLabels[p.role as Role] ?? p.role})${p.forms.length ? ` รับผิดชอบ${p.forms.join(', ')}` : ''}`).join('\n'),
        r.people.map((p) => p.email).join('\n'),
      ]).alignment = { wrapText: true, vertical: 'top' };
    }
    [10, 40, 22, 18, 16, 16, 24, 24, 22, 24, 44, 34].forEach((w, i) => { rs.getColumn(i + 1).width = w; });
    rs.autoFilter = { from: 'A1', to: 'L1' };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
