import { AlignmentType, Paragraph } from 'docx';
import { formatter } from '../format.ts';
import { resultsWidths } from '../labels.ts';
import { resultsTableColumns, type ResultsTableDoc } from '../view-models.ts';
import { pack, paragraph, reportEmblemParagraphs, run, section, table, type Cell } from './common.ts';

// ODLOC's table of results in Word, from the same view-model as html/reports.tsx; the title lines every report
// form shares (quarterly.ts, outstanding.ts).

export const title = (text: string) => paragraph([run(text, { pt: 18, bold: true })], { alignment: AlignmentType.CENTER });
export const centred = (text: string, before = 0) => paragraph([run(text)], { alignment: AlignmentType.CENTER, spacing: { before } });

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
      ...reportEmblemParagraphs(doc.emblem),
      title(f.text(doc.title)),
      centred(f.text(doc.subtitle)),
      new Paragraph({ children: [], spacing: { before: 80 } }),
      table(resultsTableColumns.map((c) => f.text(c)), rows, resultsWidths, { landscape: true }),
    ], { landscape: true }),
  ]);
}
