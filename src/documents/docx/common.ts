import {
  AlignmentType,
  BorderStyle,
  Document,
  ImageRun,
  LineRuleType,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';
import { cmToTwip, emblemImage, official } from '../format.ts';
import { reporterLines } from '../labels.ts';
import type { Emblem, Reporter } from '../view-models.ts';

// What every Word document shares. Thai is a complex script to Word: a run's Thai text takes its font from w:cs,
// its size from w:szCs, its bold from w:bCs and its language from w:lang/@w:bidi; set only the plain ones and
// Word shows Thai in the fallback font, at the default size, never bold. So every run here sets both.

const font = official.font;
const thai = 'th-TH';

export type RunStyle = { pt?: number; bold?: boolean };

export function runOptions(style: RunStyle = {}): IRunOptions {
  const pt = style.pt ?? official.bodyPt;
  const bold = style.bold ?? false;
  return {
    font: { ascii: font, hAnsi: font, eastAsia: font, cs: font },
    size: pt * 2,
    sizeComplexScript: pt * 2,
    bold,
    boldComplexScript: bold,
    language: { value: thai, eastAsia: thai, bidirectional: thai },
  };
}

export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ ...runOptions(style), text });
}

/** Lines of text in one paragraph, each after the first on a new line. */
export function lines(texts: string[], style: RunStyle = {}): TextRun[] {
  return texts.map((text, i) => new TextRun({ ...runOptions(style), text, break: i > 0 ? 1 : 0 }));
}

export const textWidthTwip = (landscape = false): number =>
  cmToTwip((landscape ? official.a4.heightCm : official.a4.widthCm) - official.margin.leftCm - official.margin.rightCm);

/** 6 pt before, as the regulation's forms leave between paragraphs. */
export const spaceBefore = 120;

/** A body paragraph: the first line 2.5 cm in, Thai distributed across the line as Word does for Thai. */
export function bodyParagraph(text: string, opts: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    children: [run(text)],
    alignment: AlignmentType.THAI_DISTRIBUTE,
    indent: { firstLine: cmToTwip(official.indentCm) },
    spacing: { before: spaceBefore },
    ...opts,
  });
}

export function paragraph(children: ParagraphChild[], opts: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({ children, ...opts });
}

const cmToPx = (cm: number) => (cm / 2.54) * 96;

/** The emblem `heightCm` high at its own proportions, or nothing (the caller keeps its place with the line height). */
export function emblemRun(emblem: Emblem | undefined, heightCm: number): ImageRun | null {
  const image = emblemImage(emblem ?? undefined);
  if (!image) return null;
  const widthCm = (heightCm * image.width) / image.height;
  return new ImageRun({
    type: image.type === 'png' ? 'png' : 'jpg',
    data: image.bytes,
    transformation: { width: cmToPx(widthCm), height: cmToPx(heightCm) },
    altText: { name: 'emblem', description: 'ตราครุฑ', title: 'ตราครุฑ' },
  });
}

export function pngRun(png: Buffer, sizeCm: number): ImageRun {
  return new ImageRun({ type: 'png', data: png, transformation: { width: cmToPx(sizeCm), height: cmToPx(sizeCm) } });
}

/** Garuda centred above a report form's title (its place kept when null); nothing when the document has none. */
export function reportEmblemParagraphs(emblem: Emblem | undefined): Paragraph[] {
  if (emblem === undefined) return [];
  const image = emblemRun(emblem, official.reportEmblemCm);
  return [paragraph(image ? [image] : [run('')], { alignment: AlignmentType.CENTER, spacing: atLeastCm(official.reportEmblemCm) })];
}

/** ลงชื่อ … ผู้รายงาน in a column against the right margin, centred. */
export function reporterParagraphs(r: Reporter, text: (s: string) => string, landscape = false): Paragraph[] {
  const leftTwip = textWidthTwip(landscape) - cmToTwip(official.reporterCm);
  return reporterLines(r).map((l, i, all) =>
    paragraph([run(text(l))], { alignment: AlignmentType.CENTER, indent: { left: leftTwip }, keepNext: i < all.length - 1, keepLines: true, spacing: { before: i === 0 ? 360 : 0 } }),
  );
}

/** A line at least `heightCm` high: the emblem's place when the deployment has none. */
export const atLeastCm = (heightCm: number) => ({ line: cmToTwip(heightCm), lineRule: LineRuleType.AT_LEAST });

/** A signature: an indented block with the closing (if any), room to sign, (name) and position, centred. */
export function signatureParagraphs(signatory: { name: string; position: string }, before?: string, leftCm: number = official.signatureCm): Paragraph[] {
  const centred = { alignment: AlignmentType.CENTER, indent: { left: cmToTwip(leftCm) }, keepNext: true, keepLines: true };
  return [
    ...(before ? [paragraph([run(before)], { ...centred, spacing: { before: spaceBefore } })] : []),
    paragraph([run('')], { ...centred, spacing: { before: before ? 0 : spaceBefore } }),
    paragraph([run('')], centred),
    paragraph([run(`(${signatory.name})`)], centred),
    paragraph([run(signatory.position)], { ...centred, keepNext: false }),
  ];
}

// ---- tables ----

const line = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const allBorders = { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };

export type Cell = { text: string; bold?: boolean; center?: boolean; span?: number; shade?: boolean; right?: boolean };

function cell(c: Cell, widthTwip: number, pt: number): TableCell {
  return new TableCell({
    children: c.text
      .split('\n')
      .map((t) =>
        paragraph([run(t, { pt, bold: c.bold ?? false })], {
          alignment: c.center ? AlignmentType.CENTER : c.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        }),
      ),
    width: { size: widthTwip, type: WidthType.DXA },
    columnSpan: c.span ?? 1,
    margins: { left: 80, right: 80, top: 20, bottom: 20 },
    verticalAlign: c.bold && !c.span ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
    ...(c.shade ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E7E7' } } : {}),
  });
}

/** A bordered table: the header row repeats on every page; widths in per cent of the text width. */
export function table(header: string[], rows: Cell[][], widthsPct: readonly number[], opts: { landscape?: boolean; pt?: number } = {}): Table {
  const total = textWidthTwip(opts.landscape);
  const widths = widthsPct.map((p) => Math.floor((total * p) / 100));
  const pt = opts.pt ?? official.tablePt;
  const widthOf = (start: number, span: number) => widths.slice(start, start + span).reduce((a, b) => a + b, 0);
  const toRow = (cells: Cell[], isHeader = false) => {
    let col = 0;
    return new TableRow({
      tableHeader: isHeader,
      cantSplit: true,
      children: cells.map((c) => {
        const span = c.span ?? 1;
        const out = cell(c, widthOf(col, span), pt);
        col += span;
        return out;
      }),
    });
  };
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: allBorders,
    rows: [toRow(header.map((text) => ({ text, bold: true, center: true })), true), ...rows.map((r) => toRow(r))],
  });
}

// ---- the document ----

export function section(children: ISectionOptions['children'], opts: { landscape?: boolean } = {}): ISectionOptions {
  const m = official.margin;
  return {
    properties: {
      page: {
        size: {
          width: cmToTwip(official.a4.widthCm),
          height: cmToTwip(official.a4.heightCm),
          orientation: opts.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: { top: cmToTwip(m.topCm), bottom: cmToTwip(m.bottomCm), left: cmToTwip(m.leftCm), right: cmToTwip(m.rightCm), header: 567, footer: 567 },
      },
    },
    children,
  };
}

export async function pack(title: string, sections: ISectionOptions[]): Promise<Buffer> {
  const doc = new Document({
    title,
    creator: 'Matrathan',
    styles: { default: { document: { run: runOptions() } } },
    sections,
  });
  return Packer.toBuffer(doc);
}
