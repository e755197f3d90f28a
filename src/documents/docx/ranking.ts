import { Paragraph, PageBreak } from 'docx';
import { formatter } from '../format.ts';
import { asOfLine } from '../labels.ts';
import { rankingLabels as L, rankingWidths, rankText, totalText, type RankingDoc } from '../ranking-model.ts';
import { pack, paragraph, reportEmblemParagraphs, run, section, spaceBefore, table, type Cell } from './common.ts';
import { centred, title } from './reports.ts';

// The ranking report in Word, from the same view-model and in the same order as html/ranking.tsx.

export async function rankingDocx(doc: RankingDoc): Promise<Buffer> {
  const f = formatter(doc.thaiDigits);
  const mark = (example: boolean, s: string) => (example ? `${s}${L.exampleMark}` : s);
  const heading = (text: string) => paragraph([run(text, { bold: true })], { spacing: { before: spaceBefore * 2 }, keepNext: true });
  const after = (parts: { text: string; bold?: boolean }[]) => paragraph(parts.map((p) => run(p.text, { bold: p.bold ?? false })), { spacing: { before: spaceBefore } });

  const rankingRows = doc.rows.map((r): Cell[] => [
    { text: rankText(f.num(r.rank), r.tied), center: true },
    { text: f.text(r.name) },
    ...r.levels.map((l): Cell => ({ text: f.num(l), center: true })),
    { text: f.text(totalText(r.total)), center: true, bold: true },
  ]);
  const indicatorRows = doc.indicators.map((i): Cell[] => [
    { text: f.num(i.no), center: true },
    { text: f.text(i.title) },
    { text: f.text(i.owner) },
    { text: mark(i.example, f.num(i.weight)), center: true },
    { text: mark(i.example, f.text(i.thresholds)) },
  ]);
  const details = doc.details.flatMap((d, k) => [
    ...(k === 0 ? [paragraph([new PageBreak(), run(L.detailsHeading, { pt: 18, bold: true })], { alignment: 'center' })] : []),
    heading(f.text(`${L.rank} ${rankText(f.num(d.rank), d.tied)} ${d.name} — ${L.total} ${totalText(d.total)}`)),
    table([...L.detailColumns], d.indicators.map((i): Cell[] => [
      { text: f.num(i.no), center: true },
      { text: f.text(i.result) },
      { text: f.text(i.band) },
      { text: f.num(i.level), center: true },
      { text: f.num(i.weight), center: true },
      { text: f.num(i.score, 2), center: true },
      { text: f.num(i.evidence), center: true },
    ]), L.detailWidths, { landscape: true }),
  ]);

  return pack(doc.title, [
    section([
      ...reportEmblemParagraphs(doc.emblem),
      title(f.text(doc.title)),
      centred(f.text(doc.subtitle)),
      centred(asOfLine(f.date(doc.asOf))),
      ...doc.status.map((s) => centred(f.text(s))),
      heading(L.rankingHeading),
      table([L.rank, doc.unitHeading, ...doc.indicators.map((i) => f.num(i.no)), `${L.total} (เต็ม ${f.num(doc.maxTotal)})`], rankingRows, rankingWidths(doc.indicators.length), { landscape: true }),
      after([{ text: f.text(L.levelsNote(String(doc.indicators.length))) }]),
      heading(L.indicatorsHeading),
      table([...L.indicatorColumns], indicatorRows, L.indicatorWidths, { landscape: true }),
      after([{ text: f.text(L.howScored) }]),
      after([{ text: L.tieHeading, bold: true }, { text: ` ${f.text(doc.tieRule)} ${L.tiedMarkNote}` }]),
      ...(doc.exampleNote && doc.indicators.some((i) => i.example) ? [after([{ text: f.text(`${L.exampleMark} ${doc.exampleNote}`) }])] : []),
      ...(doc.notSent.length ? [after([{ text: L.notSentHeading(doc.unitHeading, f.num(doc.notSent.length)), bold: true }, { text: ` ${f.text(doc.notSent.join(', '))}` }])] : []),
      ...details,
      new Paragraph({ children: [] }),
    ], { landscape: true }),
  ]);
}
