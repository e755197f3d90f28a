import { parseLaoType } from '../org/lao-type.ts';
import { describeColumn, matchHeader, requiredRegisterColumns, type RegisterColumn } from './register-columns.ts';
import { maxCellLength, maxCodeLength, maxNameLength, problem, registerMessages as m, type RegisterProblem } from './register-problems.ts';
import { coversWholeProvince, type RegisterReference, type RegisterRow } from './register-row.ts';
import { cleanText, parseDigitsCode, parseLaoCode, parseRegisterDate, parseYesNo } from './register-values.ts';

// Checks a register table row by row. Stateful only for what crosses rows (duplicate codes), so a service can
// feed it rows one at a time and report progress between them.

export type RegisterValidator = {
  /** Problems with the header itself; when there are any, rows are not checked. */
  headerProblems: RegisterProblem[];
  validateRow(rowNumber: number, cells: readonly string[]): void;
  finish(): { rows: RegisterRow[]; problems: RegisterProblem[] };
};

export function createRegisterValidator(headerRowNumber: number, headers: readonly string[], reference: RegisterReference): RegisterValidator {
  const index = new Map<RegisterColumn, number>();
  const headerProblems: RegisterProblem[] = [];
  headers.forEach((h, i) => {
    const column = matchHeader(h);
    if (!column) return;
    if (index.has(column)) headerProblems.push(problem(headerRowNumber, h, 'duplicate_column', m.duplicate_column(describeColumn(column))));
    else index.set(column, i);
  });
  for (const column of requiredRegisterColumns) {
    if (!index.has(column)) headerProblems.push(problem(headerRowNumber, column, 'missing_column', m.missing_column(describeColumn(column))));
  }

  const rows: RegisterRow[] = [];
  const problems: RegisterProblem[] = [...headerProblems];
  const firstRowOfCode = new Map<string, number>();
  const label = (i: number) => cleanText(headers[i] ?? '') || `#${i + 1}`;

  function validateRow(rowNumber: number, cells: readonly string[]): void {
    if (headerProblems.length > 0) return;
    const before = problems.length;
    const report = (column: RegisterColumn, code: RegisterProblem['code'], message: string) =>
      problems.push(problem(rowNumber, label(index.get(column)!), code, message));

    // An oversized cell anywhere (even in a column we ignore) means the row is not what it seems.
    const oversized = new Set<number>();
    cells.forEach((c, i) => {
      if (c.length > maxCellLength) {
        oversized.add(i);
        problems.push(problem(rowNumber, label(i), 'cell_too_long', m.cell_too_long(c.length)));
      }
    });
    const cell = (column: RegisterColumn): string | undefined => {
      const i = index.get(column);
      if (i === undefined || oversized.has(i)) return undefined;
      return cells[i] ?? '';
    };
    const skip = (column: RegisterColumn) => index.has(column) && cell(column) === undefined;

    let code: string | undefined;
    const rawCode = cell('code');
    if (rawCode !== undefined) {
      const parsed = parseLaoCode(rawCode, maxCodeLength);
      if (parsed.ok) code = parsed.value;
      else if (parsed.reason === 'empty') report('code', 'code_empty', m.code_empty());
      else if (parsed.reason === 'space') report('code', 'code_has_space', m.code_has_space(rawCode.trim()));
      else report('code', 'code_too_long', m.code_too_long());
    }
    if (code !== undefined) {
      const first = firstRowOfCode.get(code);
      if (first !== undefined) report('code', 'duplicate_code', m.duplicate_code(code, first));
      else firstRowOfCode.set(code, rowNumber);
    }

    const nameTh = cleanText(cell('name_th') ?? '');
    if (!skip('name_th')) {
      if (nameTh === '') report('name_th', 'name_empty', m.name_empty());
      else if (nameTh.length > maxNameLength) report('name_th', 'name_too_long', m.name_too_long());
    }

    const rawType = cleanText(cell('lao_type') ?? '');
    const laoType = parseLaoType(rawType);
    if (!skip('lao_type') && !laoType) {
      if (rawType === '') report('lao_type', 'type_empty', m.type_empty());
      else report('lao_type', 'type_unknown', m.type_unknown(rawType));
    }

    let provinceCode: string | undefined;
    const rawProvince = cleanText(cell('province_code') ?? '');
    if (!skip('province_code')) {
      const parsed = parseDigitsCode(rawProvince, 2);
      if (!parsed.ok) report('province_code', 'province_invalid', m.province_invalid(rawProvince));
      else if (!reference.provinces.has(parsed.value)) report('province_code', 'province_unknown', m.province_unknown(parsed.value));
      else provinceCode = parsed.value;
    }

    let districtCode: string | null = null;
    const rawDistrict = cleanText(cell('district_code') ?? '');
    if (!skip('district_code')) {
      if (rawDistrict === '') {
        // An อบจ. or กรุงเทพมหานคร covers the whole province; every other LAO needs its district.
        if (!(laoType && provinceCode && coversWholeProvince(laoType, provinceCode))) report('district_code', 'district_required', m.district_required());
      } else {
        const parsed = parseDigitsCode(rawDistrict, 4);
        const district = parsed.ok ? reference.districts.get(parsed.value) : undefined;
        if (!parsed.ok) report('district_code', 'district_invalid', m.district_invalid(rawDistrict));
        else if (!district) report('district_code', 'district_unknown', m.district_unknown(parsed.value));
        else if (provinceCode && district.provinceCode !== provinceCode) {
          report('district_code', 'district_not_in_province', m.district_not_in_province(parsed.value, district.nameTh, provinceCode));
        } else districtCode = parsed.value;
      }
    }

    let nameEn: string | null | undefined;
    if (index.has('name_en') && !skip('name_en')) {
      nameEn = cleanText(cell('name_en') ?? '') || null;
      if (nameEn && nameEn.length > maxNameLength) report('name_en', 'name_too_long', m.name_too_long());
    }

    let validFrom: string | null = null;
    const rawDate = cleanText(cell('valid_from') ?? '');
    if (rawDate !== '') {
      const parsed = parseRegisterDate(rawDate);
      if (parsed.ok) validFrom = parsed.value;
      else report('valid_from', 'date_invalid', m.date_invalid(rawDate));
    }

    let generated = false;
    const rawGenerated = cell('generated');
    if (rawGenerated !== undefined) {
      const parsed = parseYesNo(rawGenerated);
      if (parsed.ok) generated = parsed.value;
      else report('generated', 'generated_invalid', m.generated_invalid(cleanText(rawGenerated)));
    }

    if (problems.length > before || code === undefined || !laoType || !provinceCode) return;
    rows.push({ row: rowNumber, code, nameTh, nameEn, laoType, provinceCode, districtCode, validFrom, generated });
  }

  return {
    headerProblems,
    validateRow,
    finish: () => ({ rows, problems }),
  };
}

