import { raw } from 'hono/html';
import { renderPage } from '../html/layout.tsx';
import { htmlToPdf } from '../pdf.ts';

// The printed picture of a round: A4 portrait, the same server-drawn SVG charts as the page, each followed by the
// figures it shows, the map with its credit. A view-model in, HTML or PDF out.

export type ReportTable = { head: string[]; rows: string[][]; numeric: boolean[]; /** column widths in % */ widths: number[] };
export type ReportSection = { heading: string; svg: string; notes: string[]; table: ReportTable | null };
export type PictureReportDoc = {
  title: string;
  subtitle: string[];
  notices: string[];
  method: string[];
  figures: { label: string; value: string }[];
  sections: ReportSection[];
};

const css = `
.report-notice { border: 1pt solid #000; padding: 4pt 8pt; margin-top: 6pt; font-size: 14pt; }
.figures { width: 100%; border-collapse: collapse; margin-top: 8pt; font-size: 14pt; }
.figures th, .figures td { border: 0.75pt solid #000; padding: 2pt 6pt; text-align: left; }
.figures td { text-align: right; white-space: nowrap; }
.method { font-size: 13pt; margin-top: 6pt; }
h2 { font-size: 16pt; margin: 14pt 0 4pt; break-after: avoid; }
.chart { break-inside: avoid; margin-top: 4pt; }
.chart svg { display: block; width: 100%; height: auto; max-height: 23cm; }
.chart.map svg { width: 8cm; margin: 0 auto; }
.note { font-size: 12pt; margin-top: 2pt; }
table.form { font-size: 12pt; }
table.form td.num, table.form th.num { text-align: right; }
table.form td.text { text-align: left; }
`;

export async function pictureReportHtml(doc: PictureReportDoc): Promise<string> {
  const body = (
    <>
      <style>{raw(css)}</style>
      <p class="title">{doc.title}</p>
      {doc.subtitle.map((s) => <p class="subtitle">{s}</p>)}
      {doc.notices.map((s) => <p class="report-notice">{s}</p>)}
      <table class="figures">
        <tbody>{doc.figures.map((f) => <tr><th scope="row">{f.label}</th><td>{f.value}</td></tr>)}</tbody>
      </table>
      {doc.method.map((m) => <p class="method">{m}</p>)}
      {doc.sections.map((s) => (
        <section>
          <h2>{s.heading}</h2>
          {/* the notes (the map's credit) stay on the chart's page */}
          <div class={s.heading.startsWith('แผนที่') ? 'chart map' : 'chart'}>{raw(s.svg)}{s.notes.map((n) => <p class="note">{n}</p>)}</div>
          {s.table ? (
            <table class="form">
              <colgroup>{s.table.widths.map((w) => <col style={`width:${w}%`} />)}</colgroup>
              <thead><tr>{s.table.head.map((h, i) => <th class={s.table!.numeric[i] ? 'num' : ''}>{h}</th>)}</tr></thead>
              <tbody>
                {s.table.rows.map((row) => <tr>{row.map((cell, i) => <td class={s.table!.numeric[i] ? 'num' : 'text'}>{cell}</td>)}</tr>)}
              </tbody>
            </table>
          ) : null}
        </section>
      ))}
    </>
  );
  return renderPage(doc.title, body);
}

export async function renderPictureReportPdf(doc: PictureReportDoc): Promise<Buffer> {
  return htmlToPdf(await pictureReportHtml(doc));
}
