import { Paragraph } from 'docx';
import { asOfLine } from '../labels.ts';
import { cmToTwip, formatter, official } from '../format.ts';
import { monitoringSummaryLabels as L, saidHeading, type MonitoringSummaryDoc, type ProvinceSaid } from '../monitoring-summary-model.ts';
import { pack, paragraph, reportEmblemParagraphs, run, section, spaceBefore, table, type Cell } from './common.ts';
import { centred, title } from './reports.ts';

// The national summary in Word, from the same view-model and order as html/monitoring-summary.tsx.

export async function monitoringSummaryDocx(doc: MonitoringSummaryDoc): Promise<Buffer> {
  const f = formatter(doc.thaiDigits);
  const cols = doc.complianceColumns.length + 1;
  const each = Math.floor(54 / cols);
  const widths = [6, 100 - 6 - each * cols, ...Array.from({ length: cols }, () => each)];
  const rows = doc.standards.map((s, i): Cell[] => [
    { text: f.num(i + 1), center: true }, { text: f.text(s.title) }, ...s.counts.map((n) => ({ text: f.num(n), center: true })), { text: f.num(s.notStated), center: true },
  ]);
  const heading = (text: string) => paragraph([run(text, { bold: true })], { spacing: { before: spaceBefore }, keepNext: true });
  const said = (label: string, items: ProvinceSaid[]) => items.length
    ? [
        paragraph([run(saidHeading(label, f.num(items.length)), { bold: true })], { indent: { left: cmToTwip(0.6) }, keepNext: true }),
        ...items.flatMap((s) => f.text(`จังหวัด${s.province}: ${s.text}`).split('\n').map((line, i) =>
          paragraph([run(line, { pt: 15 })], i === 0 ? { indent: { left: cmToTwip(1.6), hanging: cmToTwip(0.4) } } : { indent: { left: cmToTwip(1.6) } }))),
      ]
    : [];
  const quiet = doc.standards.filter((s) => !s.problems.length && !s.suggestions.length);
  const children = [
    ...reportEmblemParagraphs(doc.emblem),
    title(L.title),
    title(L.titleLine2),
    centred(f.text(doc.period)),
    centred(asOfLine(f.date(doc.asOf))),
    ...doc.coverage.map((l, i) => paragraph([run(f.text(l))], { indent: { left: cmToTwip(0.5), hanging: cmToTwip(0.5) }, spacing: { before: i === 0 ? spaceBefore : 0 } })),
    heading(L.tableCaption),
    table([L.no, L.standard, ...doc.complianceColumns, L.notStated], rows, widths, { pt: official.tablePt }),
    heading(L.details),
    ...doc.standards.flatMap((s, i) => (s.problems.length || s.suggestions.length
      ? [heading(f.text(`${i + 1}. ${s.title}`)), ...said(L.problems, s.problems), ...said(L.suggestions, s.suggestions)]
      : [])),
    ...(quiet.length ? [new Paragraph({ children: [run(f.text(`${L.nothing}: ${quiet.map((s) => s.title).join(', ')}`))], spacing: { before: spaceBefore } })] : []),
  ];
  return pack(`${L.title} ${doc.period}`, [section(children)]);
}
