import { AlignmentType, BorderStyle, Table, TableCell, TableLayoutType, TableRow, TabStopType, WidthType } from 'docx';
import { committeeOrderLabels as L, membersLeftCm, numberCm, orderedOnLine, roleCm, type CommitteeOrderDoc } from '../committee-order-model.ts';
import { cmToTwip, formatter, official } from '../format.ts';
import { atLeastCm, bodyParagraph, emblemRun, pack, paragraph, run, section, signatureParagraphs, spaceBefore, textWidthTwip } from './common.ts';

// คำสั่งจังหวัด in Word, from the same view-model and measures as html/committee-order.tsx.

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };

function membersTable(doc: CommitteeOrderDoc, f: ReturnType<typeof formatter>): Table {
  const left = cmToTwip(membersLeftCm);
  const total = textWidthTwip() - left;
  const no = cmToTwip(numberCm);
  const role = cmToTwip(roleCm);
  const who = total - no - role;
  const cell = (width: number, text: string, right = 0) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, borders: noBorders, margins: { left: 0, right }, children: [paragraph([run(text)])] });
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: [no, who, role],
    indent: { size: left, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: doc.members.map((m, i) => new TableRow({ cantSplit: true, children: [cell(no, `${f.num(i + 1)}.`), cell(who, f.text(m.line), cmToTwip(0.4)), cell(role, m.position)] })),
  });
}

export async function committeeOrderDocx(doc: CommitteeOrderDoc): Promise<Buffer> {
  const f = formatter(doc.thaiDigits);
  const emblem = emblemRun(doc.emblem, official.letterEmblemCm);
  const centre = (text: string, opts: { bold?: boolean; before?: number } = {}) =>
    paragraph([run(text, { bold: opts.bold ?? false })], { alignment: AlignmentType.CENTER, spacing: { before: opts.before ?? 0 }, indent: { left: cmToTwip(1), right: cmToTwip(1) } });
  const hang = cmToTwip(0.9);
  const children = [
    paragraph(emblem ? [emblem] : [run('')], { alignment: AlignmentType.CENTER, spacing: atLeastCm(official.letterEmblemCm) }),
    centre(f.text(doc.issuer), { bold: true, before: 80 }),
    centre(`${L.referenceNo}  ${f.text(doc.orderNo) || '.'.repeat(20)}`),
    centre(`${L.subject}  ${f.text(doc.subject)}`),
    centre(L.rule),
    ...doc.preamble.map((p) => bodyParagraph(f.text(p))),
    paragraph([run('')], { spacing: { before: 40 } }),
    membersTable(doc, f),
    bodyParagraph(f.text(doc.dutiesIntro)),
    ...doc.duties.map((d, i) => paragraph([run(`${f.num(i + 1)}.\t${f.text(d)}`)], {
      indent: { left: cmToTwip(official.indentCm) + hang, hanging: hang }, tabStops: [{ type: TabStopType.LEFT, position: cmToTwip(official.indentCm) + hang }], alignment: AlignmentType.THAI_DISTRIBUTE,
    })),
    bodyParagraph(f.text(doc.closing)),
    paragraph([run(orderedOnLine(doc.date, f))], { indent: { left: cmToTwip(official.signatureCm - 2) }, spacing: { before: spaceBefore * 2 }, keepNext: true }),
    ...signatureParagraphs(doc.signatory),
  ];
  return pack(`${doc.issuer} ${L.subject} ${doc.subject}`, [section(children)]);
}
