import { raw } from 'hono/html';
import { asOfLine } from '../labels.ts';
import { formatter } from '../format.ts';
import { monitoringSummaryLabels as L, saidHeading, type MonitoringSummaryDoc, type ProvinceSaid } from '../monitoring-summary-model.ts';
import { ColGroup } from './reports.tsx';
import { renderPage, ReportEmblem } from './layout.tsx';

// The national summary: the title, the quarter and the as-of date, what it rests on, a table of how many provinces
// reported each degree of following per standard, then each standard's problems and suggestions by province.

const summaryCss = `
.coverage { margin-top: 6pt; }
.coverage p { padding-left: 1.2em; text-indent: -1.2em; }
table.counts td.num { text-align: center; }
table.counts caption { text-align: left; }
.standard { margin-top: 8pt; }
.standard .heading { margin-top: 0; }
.said-label { font-weight: 700; margin-top: 2pt; padding-left: 0.6cm; break-after: avoid; }
ul.said { margin: 0; padding: 0 0 0 1.2cm; list-style: none; font-size: 15pt; }
ul.said li { padding-left: 1.2em; text-indent: -1.2em; white-space: pre-line; }
`;

function Said(props: { label: string; items: ProvinceSaid[]; f: ReturnType<typeof formatter> }) {
  if (!props.items.length) return null;
  return (
    <>
      <p class="said-label">{saidHeading(props.label, props.f.num(props.items.length))}</p>
      <ul class="said">{props.items.map((s) => <li>{props.f.text(`จังหวัด${s.province}: ${s.text}`)}</li>)}</ul>
    </>
  );
}

export async function monitoringSummaryHtml(doc: MonitoringSummaryDoc): Promise<string> {
  const f = formatter(doc.thaiDigits);
  const cols = doc.complianceColumns.length + 1;
  const each = Math.floor(54 / cols);
  const widths = [6, 100 - 6 - each * cols, ...Array.from({ length: cols }, () => each)];
  const said = doc.standards.map((s, i) => ({ ...s, no: i + 1 })).filter((s) => s.problems.length || s.suggestions.length);
  const quiet = doc.standards.filter((s) => !s.problems.length && !s.suggestions.length);
  const body = (
    <>
      <style>{raw(summaryCss)}</style>
      <ReportEmblem emblem={doc.emblem} />
      <p class="title">{L.title}</p>
      <p class="title">{L.titleLine2}</p>
      <p class="subtitle">{f.text(doc.period)}</p>
      <p class="subtitle">{asOfLine(f.date(doc.asOf))}</p>
      <div class="coverage">{doc.coverage.map((l) => <p>{f.text(l)}</p>)}</div>
      <table class="form counts">
        <caption class="heading">{L.tableCaption}</caption>
        <ColGroup widths={widths} />
        <thead>
          <tr>
            <th>{L.no}</th><th>{L.standard}</th>
            {doc.complianceColumns.map((c) => <th>{c}</th>)}
            <th>{L.notStated}</th>
          </tr>
        </thead>
        <tbody>
          {doc.standards.map((s, i) => (
            <tr>
              <td class="num">{f.num(i + 1)}</td>
              <td>{f.text(s.title)}</td>
              {s.counts.map((n) => <td class="num">{f.num(n)}</td>)}
              <td class="num">{f.num(s.notStated)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="heading">{L.details}</p>
      {said.map((s) => (
        <div class="standard">
          <p class="heading">{f.text(`${s.no}. ${s.title}`)}</p>
          <Said label={L.problems} items={s.problems} f={f} />
          <Said label={L.suggestions} items={s.suggestions} f={f} />
        </div>
      ))}
      {quiet.length ? <p class="gap">{f.text(`${L.nothing}: ${quiet.map((s) => s.title).join(', ')}`)}</p> : null}
    </>
  );
  return renderPage(`${L.title} ${doc.period}`, body);
}
