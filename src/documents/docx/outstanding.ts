import { Paragraph } from 'docx';
import { formatter } from '../format.ts';
import { asOfLine, outstandingLabels as O, totalLabel } from '../labels.ts';
import type { OutstandingOfficeDoc } from '../view-models.ts';
import { bodyParagraph, pack, paragraph, reportEmblemParagraphs, reporterParagraphs, run, section, spaceBefore, table, type Cell } from './common.ts';
import { centred, title } from './reports.ts';

// The outstanding-office report in Word, from the same view-model and order as html/outstanding.tsx.

export async function outstandingOfficeDocx(doc: OutstandingOfficeDoc): Promise<Buffer> {
  const f = formatter(doc.thaiDigits);
  const mark = (example: boolean | undefined, s: string) => (example && s !== '-' ? `${s}${O.exampleMark}` : s);
  const rows = doc.indicators.map((r): Cell[] => [
    { text: f.num(r.no), center: true },
    { text: f.text(r.title) },
    { text: f.text(r.owner) },
    { text: f.text(r.result ?? '-'), center: true },
    { text: mark(r.example, f.num(r.level)), center: true },
    { text: mark(r.example, f.num(r.weight)), center: true },
    { text: f.num(r.score, 2), center: true },
  ]);
  rows.push([
    { text: totalLabel(doc.maxTotal != null ? f.num(doc.maxTotal) : null), bold: true, span: O.columns.length - 1, right: true },
    { text: f.num(doc.total, 2), bold: true, center: true },
  ]);
  const after = (text: string, bold = false) => paragraph([run(text, { bold })], { spacing: { before: spaceBefore } });
  return pack(doc.title, [
    section([
      ...reportEmblemParagraphs(doc.emblem),
      title(f.text(doc.title)),
      title(f.text(doc.office ?? `จังหวัด${doc.province}`)),
      ...(doc.asOf ? [centred(asOfLine(f.date(doc.asOf)))] : []),
      new Paragraph({ children: [], spacing: { before: 80 } }),
      table([...O.columns], rows, O.widths, { landscape: true }),
      ...(doc.exampleNote && doc.indicators.some((r) => r.example) ? [after(f.text(`${O.exampleMark} ${doc.exampleNote}`))] : []),
      ...(doc.ranking != null ? [after(`${O.ranking} ${f.num(doc.ranking)}`, true)] : []),
      ...(doc.notes ?? []).map((p) => bodyParagraph(f.text(p))),
      ...(doc.reporter ? reporterParagraphs(doc.reporter, f.text, true) : []),
    ], { landscape: true }),
  ]);
}
