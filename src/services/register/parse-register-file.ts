import path from 'node:path';
import { parse as parseCsv, CsvError } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { findHeaderRow, locateHeaderRow } from '../../domain/register/register-columns.ts';
import { maxDataRows, maxFileBytes, problem, registerMessages as m, type RegisterProblem } from '../../domain/register/register-problems.ts';
import { checkZipExpansion } from './check-zip-expansion.ts';

// Reads an uploaded register file into rows of text cells. The file must be what its name says: a .csv is
// UTF-8 text (a BOM and Windows line endings are fine), an .xlsx is a real Excel workbook that does not
// expand into something huge. Row numbers are those a spreadsheet shows, so messages point at the right row.

export type RegisterTable = { headerRow: number; headers: string[]; rows: { row: number; cells: string[] }[] };
export type ParsedRegisterFile = { ok: true; table: RegisterTable } | { ok: false; problems: RegisterProblem[] };

type GridRow = { row: number; cells: string[] };

/** Enough for any real register (a 20,000-row sheet is ~10 MB of XML), far below what would hurt the server. */
const maxXlsxExpandedBytes = 100 * 1024 * 1024;

const fail = (code: RegisterProblem['code'], message: string, row = 0): ParsedRegisterFile => ({ ok: false, problems: [problem(row, null, code, message)] });

export async function parseRegisterFile(fileName: string, bytes: Buffer): Promise<ParsedRegisterFile> {
  if (bytes.length > maxFileBytes) return fail('file_too_large', m.file_too_large());
  if (bytes.length === 0) return fail('file_empty', m.file_empty());
  const ext = path.extname(fileName).toLowerCase();
  let grid: GridRow[] | ParsedRegisterFile;
  if (ext === '.csv') grid = readCsv(bytes);
  else if (ext === '.xlsx') grid = await readXlsx(bytes);
  else if (ext === '.xls' && isOle(bytes)) return fail('file_old_xls', m.file_old_xls());
  else return fail('file_type_unsupported', m.file_type_unsupported());
  if (!Array.isArray(grid)) return grid;
  return toTable(grid);
}

function toTable(grid: GridRow[]): ParsedRegisterFile {
  const nonEmpty = grid.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (nonEmpty.length === 0) return fail('file_empty', m.file_empty());
  const headerIndex = findHeaderRow(nonEmpty.slice(0, 10).map((r) => r.cells));
  const header = nonEmpty[headerIndex]!;
  const rows = nonEmpty.slice(headerIndex + 1);
  if (rows.length === 0) return fail('no_data_rows', m.no_data_rows(), header.row);
  if (rows.length > maxDataRows) return fail('too_many_rows', m.too_many_rows());
  return { ok: true, table: { headerRow: header.row, headers: header.cells, rows } };
}

const startsWith = (bytes: Buffer, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const isZip = (bytes: Buffer) => startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
const isOle = (bytes: Buffer) => startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function readCsv(bytes: Buffer): GridRow[] | ParsedRegisterFile {
  if (isZip(bytes)) return fail('file_not_text', m.file_xlsx_named_csv());
  // "Unicode text" from Excel is UTF-16: it has NULs, but the useful advice is about the encoding.
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return fail('file_not_utf8', m.file_not_utf8());
  if (bytes.includes(0)) return fail('file_not_text', m.file_not_text());
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); // drops a leading BOM
  } catch {
    return fail('file_not_utf8', m.file_not_utf8());
  }
  // Other control characters (besides tab and line breaks) mean binary content behind a .csv name.
  if (/[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(text)) return fail('file_not_text', m.file_not_text());
  try {
    const records: string[][] = parseCsv(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: 2_000_000,
    });
    return records.map((cells, i) => ({ row: i + 1, cells }));
  } catch (e) {
    if (e instanceof CsvError) {
      const line = (e as CsvError & { lines?: number }).lines;
      return fail('file_unreadable', m.csv_malformed(line ? `บรรทัด ${line}` : e.code), 0);
    }
    throw e;
  }
}

/** Comma by default; a semicolon or tab when the header line plainly uses one instead (European/Excel exports). */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (d: string) => firstLine.split(d).length - 1;
  const [best] = [',', ';', '\t'].sort((a, b) => count(b) - count(a));
  return best && count(best) > 0 ? best : ',';
}

async function readXlsx(bytes: Buffer): Promise<GridRow[] | ParsedRegisterFile> {
  if (isOle(bytes)) return fail('file_old_xls', m.file_old_xls());
  if (!isZip(bytes)) return fail('file_not_xlsx', m.file_not_xlsx());
  const expansion = checkZipExpansion(bytes, maxXlsxExpandedBytes);
  if (expansion === 'too_large') return fail('file_expands_too_much', m.file_expands_too_much());
  if (expansion === 'not_zip') return fail('file_not_xlsx', m.file_not_xlsx());
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return fail('file_not_xlsx', m.file_not_xlsx());
  }
  if (workbook.worksheets.length === 0) return fail('file_not_xlsx', m.file_not_xlsx());
  // The register is the first sheet with a recognisable header (a workbook may open with a cover sheet).
  const grids = workbook.worksheets.map(readSheet);
  const withHeader = grids.find((g) => locateHeaderRow(g.slice(0, 10).map((r) => r.cells)) !== undefined);
  return withHeader ?? grids[0]!;
}

function readSheet(sheet: ExcelJS.Worksheet): GridRow[] {
  const rows: GridRow[] = [];
  // A sheet far longer than any register is cut short here; toTable then reports too many rows.
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rows.length > maxDataRows + 20) return;
    const values = row.values as unknown[];
    const cells: string[] = [];
    for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // ExcelJS gives date cells as UTC-midnight Dates: keep the calendar day.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error) return v.error;
  }
  return '';
}
