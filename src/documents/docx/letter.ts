import { AlignmentType, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import { cmToTwip, formatter, official } from '../format.ts';
import { letterLabels as L, numbered } from '../labels.ts';
import type { LetterDoc } from '../view-models.ts';
import { atLeastCm, bodyParagraph, emblemRun, lines, pack, paragraph, run, runOptions, section, spaceBefore, signatureParagraphs } from './common.ts';

// หนังสือภายนอก in Word, from the same view-model and measures as html/letter.tsx.

const tab = () => new TextRun({ ...runOptions(), children: [new Tab()] });

/** Where the text after each label starts (the label's width at 16 pt plus a little). */
const labelWidthCm: Record<string, number> = { [L.subject]: 1.3, [L.addressee]: 1.3, [L.references]: 1.5, [L.enclosures]: 2.8 };

function labelled(label: string, texts: string[]): Paragraph[] {
  const at = cmToTwip(labelWidthCm[label] ?? 1.5);
  return texts.map((text, i) =>
    i === 0
      ? new Paragraph({ children: [run(label), tab(), run(text)], indent: { left: at, hanging: at }, spacing: { before: spaceBefore } })
      : new Paragraph({ children: [run(text)], indent: { left: at } }),
  );
}

export async function letterDocx(doc: LetterDoc): Promise<Buffer> {
  const f = formatter(doc.thaiDigits);
  const emblem = emblemRun(doc.emblem, official.letterEmblemCm);
  const column = cmToTwip(official.letterColumnCm);
  const addressLines = f.text(`${doc.agency}\n${doc.address}`).split('\n');

  const children = [
    paragraph(emblem ? [emblem] : [run('')], { alignment: AlignmentType.CENTER, spacing: atLeastCm(official.letterEmblemCm) }),
    new Paragraph({
      children: [
        run(`${L.referenceNo}  ${f.text(doc.referenceNo)}`),
        ...addressLines.flatMap((line, i) => [
          ...(i > 0 ? [new TextRun({ ...runOptions(), break: 1 })] : []),
          tab(),
          run(line),
        ]),
      ],
      tabStops: [{ type: TabStopType.LEFT, position: column }],
      spacing: { before: 80 },
    }),
    paragraph([run(f.date(doc.date))], { indent: { left: cmToTwip(official.letterDateCm) }, spacing: { before: spaceBefore } }),
    ...labelled(L.subject, [f.text(doc.subject)]),
    ...labelled(L.addressee, [f.text(doc.addressee)]),
    ...(doc.references?.length ? labelled(L.references, numbered(doc.references).map(f.text)) : []),
    ...(doc.enclosures?.length ? labelled(L.enclosures, numbered(doc.enclosures).map(f.text)) : []),
    ...doc.paragraphs.map((p) => bodyParagraph(f.text(p))),
    ...signatureParagraphs(doc.signatory, doc.closing),
    paragraph(lines(f.text(`${doc.contact.office}\n${L.phone} ${doc.contact.phone}`).split('\n')), { spacing: { before: 360 }, keepLines: true }),
  ];
  return pack(`${L.subject} ${doc.subject}`, [section(children)]);
}
