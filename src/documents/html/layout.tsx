import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import QRCode from 'qrcode';
import { emblemImage, official } from '../format.ts';
import { reporterLines } from '../labels.ts';
import type { Emblem, Reporter, Signatory } from '../view-models.ts';
import { sarabunFontFaces } from './fonts.ts';

// The printed page every document shares: A4 with the regulation's margins, Sarabun, black on white.

const m = official.margin;
// Thai marks stacked above a letter reach above the line box. At the top of a page Chromium paints that overflow at
// the foot of the page before (stray marks under the last line), so every page starts with this much padding,
// taken from the top margin: the text still starts at the official margin.
const inkPt = 6;
const topCm = (m.topCm - (inkPt * 2.54) / 72).toFixed(3);

function css(landscape: boolean): string {
  return `
@page { size: A4${landscape ? ' landscape' : ''}; margin: ${topCm}cm ${m.rightCm}cm ${m.bottomCm}cm ${m.leftCm}cm; }
${sarabunFontFaces()}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: 'Sarabun', sans-serif; font-size: ${official.bodyPt}pt; line-height: 1.4; color: #000;
  word-break: normal; overflow-wrap: break-word; line-break: auto;
  padding-top: ${inkPt}pt; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
p { margin: 0; }
.para { text-indent: ${official.indentCm}cm; margin-top: 6pt; }
.gap { margin-top: 6pt; }
.center { text-align: center; }
.bold { font-weight: 700; }
.emblem { display: block; }
.emblem img { display: block; width: 100%; height: 100%; }
.signature { margin-left: ${official.signatureCm}cm; width: ${16 - official.signatureCm}cm; text-align: center; margin-top: 6pt; break-inside: avoid; }
.signature .space { height: 2.6em; }
.signature.reporter { margin: 0 0 0 auto; padding-top: 18pt; width: ${official.reporterCm}cm; white-space: pre-wrap; }
.qr { margin-top: 12pt; display: flex; gap: 0.3cm; align-items: flex-end; font-size: 12pt; break-inside: avoid; }
.qr img { width: 2.5cm; height: 2.5cm; display: block; }
.labelled { display: flex; align-items: baseline; margin-top: 6pt; }
.labelled > .label { flex: none; padding-right: 0.4em; }
.labelled > .text { flex: 1; }
table.form { width: 100%; border-collapse: collapse; font-size: ${official.tablePt}pt; line-height: 1.25; margin-top: 8pt; }
table.form th, table.form td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: top; }
table.form th { font-weight: 700; text-align: center; vertical-align: middle; }
table.form thead { display: table-header-group; }
table.form tr { break-inside: avoid; }
table.form td.num { text-align: center; white-space: nowrap; }
table.form tr.group td { font-weight: 700; background: #e7e7e7; }
table.form tr.subgroup td { font-weight: 700; }
table.form tr.total td { font-weight: 700; }
.title { font-weight: 700; font-size: 18pt; text-align: center; }
.heading { font-weight: 700; margin-top: 6pt; break-after: avoid; }
.subtitle { text-align: center; }
`;
}

/** A whole printable document: `<!doctype html>` and everything it needs, nothing fetched from outside. */
export async function renderPage(title: string, body: Child, opts: { landscape?: boolean } = {}): Promise<string> {
  const page = (
    <html lang="th">
      <head>
        <meta charset="utf-8" />
        <title>{title}</title>
        <style>{raw(css(opts.landscape ?? false))}</style>
      </head>
      <body>{body}</body>
    </html>
  );
  return '<!doctype html>' + (await page.toString());
}

/** Garuda or the seal `heightCm` high; an empty place of the same size when there is none. */
export function EmblemBox(props: { emblem: Emblem | undefined; heightCm: number; style?: string }) {
  const image = emblemImage(props.emblem ?? undefined);
  const width = image ? (props.heightCm * image.width) / image.height : props.heightCm;
  const size = `width:${width.toFixed(3)}cm;height:${props.heightCm}cm;`;
  return (
    <div class="emblem" style={size + (props.style ?? '')}>
      {image ? <img alt="ตราครุฑ" src={`data:${image.mime};base64,${image.bytes.toString('base64')}`} /> : null}
    </div>
  );
}

export function SignatureBlock(props: { signatory: Signatory; before?: string }) {
  return (
    <div class="signature">
      {props.before ? <p>{props.before}</p> : null}
      <div class="space" />
      <p>({props.signatory.name})</p>
      <p>{props.signatory.position}</p>
    </div>
  );
}

/** Garuda centred above a report form's title; nothing at all when the document was built without one. */
export function ReportEmblem(props: { emblem: Emblem | undefined }) {
  if (props.emblem === undefined) return null;
  return <EmblemBox emblem={props.emblem} heightCm={official.reportEmblemCm} style="margin:0 auto 4pt;" />;
}

/** ลงชื่อ … ผู้รายงาน under a report form, in the signature column. */
export function ReporterBlock(props: { reporter: Reporter; text: (s: string) => string }) {
  return (
    <div class="signature reporter">
      {reporterLines(props.reporter).map((l) => (
        <p>{props.text(l)}</p>
      ))}
    </div>
  );
}

export async function qrDataUrl(url: string): Promise<string> {
  return QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 1, width: 300 });
}

export function QrBlock(props: { dataUrl: string; url: string }) {
  return (
    <div class="qr">
      <img alt="คิวอาร์โค้ดของเอกสาร" src={props.dataUrl} />
      <span>{props.url}</span>
    </div>
  );
}
