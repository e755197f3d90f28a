import { registerColumns } from './register-columns.ts';
import type { RegisterRow } from './register-row.ts';

// Writes register rows in the importer's documented columns, so a generated register is imported exactly
// like a real file. UTF-8 with a BOM and CRLF, which is what Excel in Thailand expects to open cleanly.

export type RegisterCsvRow = Omit<RegisterRow, 'row'>;

export function formatRegisterCsv(rows: readonly RegisterCsvRow[]): string {
  const lines = [registerColumns.join(',')];
  for (const r of rows) {
    const values: Record<(typeof registerColumns)[number], string> = {
      code: r.code,
      name_th: r.nameTh,
      lao_type: r.laoType,
      province_code: r.provinceCode,
      district_code: r.districtCode ?? '',
      name_en: r.nameEn ?? '',
      valid_from: r.validFrom ?? '',
      generated: r.generated ? 'true' : 'false',
    };
    lines.push(registerColumns.map((c) => quoteCsv(values[c])).join(','));
  }
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

export function quoteCsv(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
