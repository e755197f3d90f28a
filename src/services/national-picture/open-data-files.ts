import { PassThrough, Readable } from 'node:stream';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import type { Deps } from '../../deps.ts';
import { listIndicators } from '../../domain/framework/framework-schema.ts';
import { generalText } from './general-terms.ts';
import { columnTypeLabels, openDataColumns, type OpenDataRow } from './open-data-columns.ts';
import { licenceStatement, openDataRows, type OpenDataSource } from './open-data.ts';

// The open data as files, each written while it is read (a slice of respondents at a time, pulled by the reader:
// a slow line holds back the database reads instead of filling memory). CSV in UTF-8 with a byte-order mark so
// Excel shows Thai; XLSX with the data, the indicators and the dictionary as sheets; JSON with the round and
// licence around the rows.

const encoder = new TextEncoder();
const names = openDataColumns.map((c) => c.name);

function csvCell(v: string | number | boolean | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A web stream pulling text chunks from an async source, encoded as UTF-8. */
function textStream(source: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  return new ReadableStream({
    async pull(controller) {
      const next = await source.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await source.return(undefined);
    },
  });
}

export function openDataCsv(deps: Pick<Deps, 'db'>, source: OpenDataSource): ReadableStream<Uint8Array> {
  return textStream((async function* () {
    yield '\uFEFF' + names.join(',') + '\r\n';
    for await (const rows of openDataRows(deps, source)) yield rows.map((r) => names.map((n) => csvCell(r[n])).join(',') + '\r\n').join('');
  })());
}

/** The indicators of the framework (code, area, title, unit), for the dictionary and the files. */
export function indicatorList(source: OpenDataSource): { code: string; areaCode: string; area: string; title: string; unit: string }[] {
  return listIndicators(source.doc).map(({ indicator, area }) => ({
    code: indicator.code, areaCode: area.code, area: generalText(area.title, source.doc), title: generalText(indicator.title, source.doc), unit: indicator.unit,
  }));
}

export function roundFacts(source: OpenDataSource) {
  return {
    round_id: source.round.id, title: source.round.title, programme: source.programmeTitle, fiscal_year: source.round.fiscalYear,
    framework_version: source.versionCode, published_at: source.round.publishedAt?.toISOString() ?? null, demo: source.round.demo,
    respondents: source.respondents.length,
  };
}

export function openDataJson(deps: Pick<Deps, 'db'>, source: OpenDataSource): ReadableStream<Uint8Array> {
  return textStream((async function* () {
    const head = { round: roundFacts(source), licence: licenceStatement(source.programmeOwner), columns: openDataColumns, indicators: indicatorList(source) };
    yield JSON.stringify(head).slice(0, -1) + ',"rows":[';
    let first = true;
    for await (const rows of openDataRows(deps, source)) {
      if (!rows.length) continue;
      yield (first ? '\n' : ',\n') + rows.map((r) => JSON.stringify(r)).join(',\n');
      first = false;
    }
    yield '\n]}\n';
  })());
}

export function openDataXlsx(deps: Pick<Deps, 'db'>, source: OpenDataSource): ReadableStream<Uint8Array> {
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  // Without styles ExcelJS writes three times faster (a national round: ~14 s instead of ~45 s on two cores).
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: false });
  const write = async () => {
    const data = book.addWorksheet('ข้อมูล', { views: [{ state: 'frozen', ySplit: 1 }] });
    data.columns = openDataColumns.map((c) => ({ header: c.name, key: c.name, width: c.type === 'text' ? 18 : 12 }));
    data.getRow(1).commit();
    for await (const rows of openDataRows(deps, source)) {
      for (const r of rows) data.addRow(names.map((n) => (r as OpenDataRow)[n])).commit();
      // The reader sets the pace: wait for what was written to be taken before reading more.
      if (out.writableNeedDrain) await once(out, 'drain');
    }
    data.commit();
    const indicators = book.addWorksheet('ตัวชี้วัด');
    indicators.columns = [{ header: 'indicator_code', width: 14 }, { header: 'area_code', width: 10 }, { header: 'ด้าน', width: 24 }, { header: 'ตัวชี้วัด', width: 80 }, { header: 'หน่วย', width: 14 }];
    for (const i of indicatorList(source)) indicators.addRow([i.code, i.areaCode, i.area, i.title, i.unit]).commit();
    indicators.commit();
    const dictionary = book.addWorksheet('คำอธิบายข้อมูล');
    dictionary.columns = [{ header: 'คอลัมน์', width: 20 }, { header: 'ความหมาย', width: 80 }, { header: 'ชนิด', width: 24 }, { header: 'ตัวอย่างรูปแบบ', width: 20 }];
    for (const c of openDataColumns) dictionary.addRow([c.name, c.th, columnTypeLabels[c.type], c.example]).commit();
    dictionary.addRow([]).commit();
    dictionary.addRow(['สัญญาอนุญาต', licenceStatement(source.programmeOwner).text]).commit();
    dictionary.commit();
    await book.commit();
  };
  write().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
