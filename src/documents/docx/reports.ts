import { AlignmentType, Paragraph } from 'docx';
import { formatter } from '../format.ts';
import { asOfLine, outstandingLabels as O, quarterlyLabels as Q, resultsWidths } from '../labels.ts';
import { resultsTableColumns, type OutstandingOfficeDoc, type QuarterlyReportDoc, type ResultsTableDoc } from '../view-models.ts';
import { pack, paragraph, run, section, spaceBefore, table, type Cell } from './common.ts';

// The report forms in Word, from the same view-models as html/reports.tsx.

const title = (text: string) => paragraph([run(text, { pt: 18, bold: true })], { alignment: AlignmentType.CENTER });
const centred = (text: string, before = 0) => paragraph([run(text)], { alignment: AlignmentType.CENTER, spacing: { before } });

export async function resultsTableDocx(doc: ResultsTableDoc): Promise<Buffer> {
  const f = formatter(doc.thaiDigits);
  const span = resultsTableColumns.length;
  const rows: Cell[][] = doc.areas.flatMap((a) => [
    [{ text: f.text(a.area), bold: true, span, shade: true }],
    ...a.missions.flatMap((m) => [
      ...(m.mission ? [[{ text: f.text(m.mission), bold: true, span }]] : []),
      ...m.rows.map((r): Cell[] => [
        { text: f.text(r.indicator) },
        { text: f.text(r.target), center: true },
        { text: f.num(r.frame), center: true },
        { text: f.num(r.service), center: true },
        { text: f.num(r.percent), center: true },
        { text: f.text(r.result), center: true },
      ]),
    ]),
  ]);
  return pack(doc.title, [
    section([
      title(f.text(doc.title)),
      centred(f.text(doc.subtitle)),
      new Paragraph({ children: [], spacing: { before: 80 } }),
      table(resultsTableColumns.map((c) => f.text(c)), rows, resultsWidths, { landscape: true }),
    ], { landscape: true }),
  ]);
}

export async function quarterlyReportDocx(doc: QuarterlyReportDoc): Promise<Buffer> {
  const f = formatter(doc.thaiDigits);
  const rows = doc.rows.map((r, i): Cell[] => [
    { text: f.num(i + 1), center: true },
    { text: f.text(r.standard) },
    { text: f.text(r.practice) },
    { text: f.text(r.problems) },
    { text: f.text(r.suggestions) },
  ]);
  return pack(`${Q.title} จังหวัด${doc.province}`, [
    section(
      [
        title(Q.title),
        title(Q.titleLine2),
        title(f.text(`จังหวัด${doc.province}`)),
        centred(asOfLine(f.date(doc.asOf)), spaceBefore),
        new Paragraph({ children: [], spacing: { before: 80 } }),
        table([...Q.columns], rows, Q.widths, { landscape: true }),
        ...(doc.note ? [paragraph([run(f.text(`หมายเหตุ : ${doc.note}`))], { spacing: { before: spaceBefore } })] : []),
      ],
      { landscape: true },
    ),
  ]);
}

export async function outstandingOfficeDocx(doc: OutstandingOfficeDoc): Promise<Buffer> {
  const f = formatter(doc.thaiDigits);
  const rows = doc.indicators.map((r): Cell[] => [
    { text: f.num(r.no), center: true },
    { text: f.text(r.title) },
    { text: f.text(r.owner) },
    { text: f.num(r.level), center: true },
    { text: f.num(r.weight), center: true },
    { text: f.num(r.score, 4), center: true },
  ]);
  rows.push([
    { text: O.total, bold: true, span: 5, right: true },
    { text: f.num(doc.total, 4), bold: true, center: true },
  ]);
  return pack(doc.title, [
    section([
      title(f.text(doc.title)),
      title(f.text(`จังหวัด${doc.province}`)),
      new Paragraph({ children: [], spacing: { before: 80 } }),
      table([...O.columns], rows, O.widths),
      ...(doc.ranking != null ? [paragraph([run(`${O.ranking} ${f.num(doc.ranking)}`, { bold: true })], { spacing: { before: spaceBefore } })] : []),
    ]),
  ]);
}
