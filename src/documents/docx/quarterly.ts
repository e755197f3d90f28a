import { Paragraph } from 'docx';
import { cmToTwip, formatter, official } from '../format.ts';
import { asOfLine, quarterlyLabels as Q } from '../labels.ts';
import type { QuarterlyReportDoc } from '../view-models.ts';
import { bodyParagraph, pack, paragraph, reportEmblemParagraphs, reporterParagraphs, run, section, spaceBefore, table, type Cell } from './common.ts';
import { centred, title } from './reports.ts';

// DLA's quarterly monitoring form in Word, from the same view-model and order as html/quarterly.tsx.

export async function quarterlyReportDocx(doc: QuarterlyReportDoc): Promise<Buffer> {
  const f = formatter(doc.thaiDigits);
  const rows = doc.rows.map((r, i): Cell[] => [
    { text: f.num(i + 1), center: true },
    { text: f.text(r.standard) },
    { text: f.text(r.practice) },
    { text: f.text(r.problems) },
    { text: f.text(r.suggestions) },
  ]);
  const facts = doc.facts?.length
    ? [
        paragraph([run(Q.facts, { bold: true })], { spacing: { before: spaceBefore }, keepNext: true }),
        ...doc.facts.map((x) => paragraph([run(f.text(`${x.label} ${x.value}`), { pt: official.tablePt })], { indent: { left: cmToTwip(0.6), hanging: cmToTwip(0.6) } })),
      ]
    : [];
  const summary = doc.summary?.length
    ? [paragraph([run(Q.summary, { bold: true })], { spacing: { before: spaceBefore }, keepNext: true }), ...doc.summary.map((p) => bodyParagraph(f.text(p)))]
    : [];
  return pack(`${Q.title} จังหวัด${doc.province}`, [
    section(
      [
        ...reportEmblemParagraphs(doc.emblem),
        title(Q.title),
        title(Q.titleLine2),
        title(f.text(`จังหวัด${doc.province}`)),
        ...(doc.period ? [centred(f.text(doc.period))] : []),
        centred(asOfLine(f.date(doc.asOf)), spaceBefore),
        new Paragraph({ children: [], spacing: { before: 80 } }),
        table([...Q.columns], rows, Q.widths, { landscape: true }),
        ...facts,
        ...summary,
        ...(doc.note ? [paragraph([run(f.text(`${Q.note} ${doc.note}`))], { spacing: { before: spaceBefore } })] : []),
        ...(doc.reporter ? reporterParagraphs(doc.reporter, f.text, true) : []),
      ],
      { landscape: true },
    ),
  ]);
}
