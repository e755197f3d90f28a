import QRCode from 'qrcode';
import { LeaderType, Paragraph, Tab, TabStopType, TextRun, type ParagraphChild } from 'docx';
import { cmToTwip, formatter, official } from '../format.ts';
import { memoLabels as L, numbered, summaryColumns, summaryRows } from '../labels.ts';
import type { MemoDoc } from '../view-models.ts';
import {
  atLeastCm,
  bodyParagraph,
  emblemRun,
  lines,
  pack,
  paragraph,
  pngRun,
  run,
  runOptions,
  section,
  signatureParagraphs,
  spaceBefore,
  table,
  textWidthTwip,
  type Cell,
} from './common.ts';

// บันทึกข้อความ in Word: the same view-model and layout as html/memo.tsx. The dotted lines of the header are tab
// leaders, so they stretch to the right margin however long the value is.

const label = (text: string) => run(text, { pt: official.memoLabelPt, bold: true });
const tab = (pt: number = official.bodyPt) => new TextRun({ ...runOptions({ pt }), children: [new Tab()] });

/** ที่ … runs to this point, then วันที่ … to the right margin. */
const dateColumnTwip = cmToTwip(7.5);

function headerLine(children: ParagraphChild[], stops: { position: number; type?: 'left' | 'right' }[]): Paragraph {
  return new Paragraph({
    children,
    tabStops: stops.map((s) => ({ type: s.type === 'left' ? TabStopType.LEFT : TabStopType.RIGHT, position: s.position, leader: LeaderType.DOT })),
    spacing: { before: 20 },
  });
}

export async function memoDocx(doc: MemoDoc): Promise<Buffer> {
  const f = formatter(doc.thaiDigits);
  const width = textWidthTwip();
  const emblem = emblemRun(doc.emblem, official.memoEmblemCm);

  const head = new Paragraph({
    children: [...(emblem ? [emblem] : []), tab(official.memoTitlePt), run(L.title, { pt: official.memoTitlePt, bold: true })],
    tabStops: [{ type: TabStopType.CENTER, position: Math.round(width / 2) }],
    spacing: atLeastCm(official.memoEmblemCm),
  });

  const fields = [
    headerLine([label(L.agency), run(` ${f.text(doc.agency)}`), tab()], [{ position: width }]),
    headerLine(
      [label(L.referenceNo), run(` ${f.text(doc.referenceNo)}`), tab(), label(L.date), run(` ${f.date(doc.date)}`), tab()],
      [{ position: dateColumnTwip, type: 'left' }, { position: width }],
    ),
    headerLine([label(L.subject), run(` ${f.text(doc.subject)}`), tab()], [{ position: width }]),
  ];

  const rows = summaryRows(doc.resultsSummary);
  const summary =
    rows.length === 0
      ? []
      : [
          bodyParagraph(L.summaryCaption),
          table(
            summaryColumns.map((c) => c.label),
            rows.map((r, i): Cell[] => {
              const bold = i === rows.length - 1 && rows.length > doc.resultsSummary.length;
              return [{ text: f.text(r.area), bold }, ...r.counts.map((n) => ({ text: f.num(n), center: true, bold }))];
            }),
            [31, 11, 12, 13, 12, 11, 10],
          ),
        ];

  const develop =
    doc.toDevelop.length === 0
      ? []
      : [
          bodyParagraph(L.toDevelopCaption),
          ...numbered(doc.toDevelop, true).map((t) =>
            paragraph([run(f.text(t))], { indent: { left: cmToTwip(official.indentCm + 0.6), hanging: cmToTwip(0.6) } }),
          ),
        ];

  const qr = doc.qrUrl
    ? [
        paragraph([pngRun(await QRCode.toBuffer(doc.qrUrl, { errorCorrectionLevel: 'M', margin: 1, width: 300 }), 2.5), run(`  ${doc.qrUrl}`, { pt: 12 })], {
          spacing: { before: 240 },
        }),
      ]
    : [];

  return pack(`${L.title} ${doc.subject}`, [
    section([
      head,
      ...fields,
      paragraph(lines([`${L.addressee}  ${f.text(doc.addressee)}`]), { spacing: { before: spaceBefore } }),
      ...doc.paragraphs.map((p) => bodyParagraph(f.text(p))),
      ...summary,
      ...develop,
      ...doc.proposal.map((p) => bodyParagraph(f.text(p))),
      ...doc.signatory.flatMap((s) => signatureParagraphs(s)),
      ...qr,
    ]),
  ]);
}
