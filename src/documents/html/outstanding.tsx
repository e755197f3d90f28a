import { formatter } from '../format.ts';
import { asOfLine, outstandingLabels as O, totalLabel } from '../labels.ts';
import type { OutstandingOfficeDoc } from '../view-models.ts';
import { ColGroup } from './reports.tsx';
import { renderPage, ReportEmblem, ReporterBlock } from './layout.tsx';

// The outstanding-office report (seed 004): one row per indicator with its owning divisions, the result, the level,
// the weight and the weighted score; levels and weights that are examples carry a mark, explained under the table.
// Landscape, as the quarterly form: the indicators' titles run to several lines.

export async function outstandingOfficeHtml(doc: OutstandingOfficeDoc): Promise<string> {
  const f = formatter(doc.thaiDigits);
  const mark = (example: boolean | undefined, s: string) => (example && s !== '-' ? `${s}${O.exampleMark}` : s);
  const body = (
    <>
      <ReportEmblem emblem={doc.emblem} />
      <p class="title">{f.text(doc.title)}</p>
      <p class="title">{f.text(doc.office ?? `จังหวัด${doc.province}`)}</p>
      {doc.asOf ? <p class="subtitle">{asOfLine(f.date(doc.asOf))}</p> : null}
      <table class="form outstanding">
        <ColGroup widths={O.widths} />
        <thead>
          <tr>
            {O.columns.map((c) => (
              <th>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {doc.indicators.map((r) => (
            <tr>
              <td class="num">{f.num(r.no)}</td>
              <td>{f.text(r.title)}</td>
              <td>{f.text(r.owner)}</td>
              <td class="num">{f.text(r.result ?? '-')}</td>
              <td class="num">{mark(r.example, f.num(r.level))}</td>
              <td class="num">{mark(r.example, f.num(r.weight))}</td>
              <td class="num">{f.num(r.score, 2)}</td>
            </tr>
          ))}
          <tr class="total">
            <td colspan={O.columns.length - 1} style="text-align:right">
              {totalLabel(doc.maxTotal != null ? f.num(doc.maxTotal) : null)}
            </td>
            <td class="num">{f.num(doc.total, 2)}</td>
          </tr>
        </tbody>
      </table>
      {doc.exampleNote && doc.indicators.some((r) => r.example) ? <p class="gap">{f.text(`${O.exampleMark} ${doc.exampleNote}`)}</p> : null}
      {doc.ranking != null ? <p class="gap bold">{`${O.ranking} ${f.num(doc.ranking)}`}</p> : null}
      {(doc.notes ?? []).map((p) => (
        <p class="para">{f.text(p)}</p>
      ))}
      {doc.reporter ? <ReporterBlock reporter={doc.reporter} text={f.text} /> : null}
    </>
  );
  return renderPage(doc.title, body, { landscape: true });
}
