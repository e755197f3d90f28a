import { formatter } from '../format.ts';
import { asOfLine, quarterlyLabels as Q } from '../labels.ts';
import type { QuarterlyReportDoc } from '../view-models.ts';
import { ColGroup } from './reports.tsx';
import { renderPage, ReportEmblem, ReporterBlock } from './layout.tsx';

// DLA's quarterly monitoring form (seed 000): the title in three lines, "ข้อมูล ณ วันที่ ๒๕ เดือน … พ.ศ. …", one row
// per standard, then the province's own figures, its summary, the note and the reporter. Landscape: five columns
// of Thai paragraphs do not fit a portrait page.

const quarterlyCss = `
.facts { margin: 6pt 0 0; padding: 0; list-style: none; font-size: 14pt; }
.facts li { padding-left: 1.2em; text-indent: -1.2em; }
table.quarterly td { white-space: pre-line; }
`;

export async function quarterlyReportHtml(doc: QuarterlyReportDoc): Promise<string> {
  const f = formatter(doc.thaiDigits);
  const body = (
    <>
      <style>{quarterlyCss}</style>
      <ReportEmblem emblem={doc.emblem} />
      <p class="title">{Q.title}</p>
      <p class="title">{Q.titleLine2}</p>
      <p class="title">{f.text(`จังหวัด${doc.province}`)}</p>
      {doc.period ? <p class="subtitle">{f.text(doc.period)}</p> : null}
      <p class="subtitle gap">{asOfLine(f.date(doc.asOf))}</p>
      <table class="form quarterly">
        <ColGroup widths={Q.widths} />
        <thead>
          <tr>
            {Q.columns.map((c) => (
              <th>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {doc.rows.map((r, i) => (
            <tr>
              <td class="num">{f.num(i + 1)}</td>
              <td>{f.text(r.standard)}</td>
              <td>{f.text(r.practice)}</td>
              <td>{f.text(r.problems)}</td>
              <td>{f.text(r.suggestions)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {doc.facts?.length ? (
        <>
          <p class="heading">{Q.facts}</p>
          <ul class="facts">
            {doc.facts.map((x) => (
              <li>{f.text(`${x.label} ${x.value}`)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {doc.summary?.length ? (
        <>
          <p class="heading">{Q.summary}</p>
          {doc.summary.map((p) => (
            <p class="para">{f.text(p)}</p>
          ))}
        </>
      ) : null}
      {doc.note ? <p class="gap">{f.text(`${Q.note} ${doc.note}`)}</p> : null}
      {doc.reporter ? <ReporterBlock reporter={doc.reporter} text={f.text} /> : null}
    </>
  );
  return renderPage(`${Q.title} จังหวัด${doc.province}`, body, { landscape: true });
}
