import { formatter } from '../format.ts';
import { asOfLine, outstandingLabels as O, quarterlyLabels as Q, resultsWidths } from '../labels.ts';
import { resultsTableColumns, type OutstandingOfficeDoc, type QuarterlyReportDoc, type ResultsTableDoc } from '../view-models.ts';
import { renderPage } from './layout.tsx';

// The report forms: ODLOC's public table of results, DLA's quarterly monitoring form, the outstanding-office report.

function ColGroup(props: { widths: readonly number[] }) {
  return (
    <colgroup>
      {props.widths.map((w) => (
        <col style={`width:${w}%`} />
      ))}
    </colgroup>
  );
}

export async function resultsTableHtml(doc: ResultsTableDoc): Promise<string> {
  const f = formatter(doc.thaiDigits);
  const span = resultsTableColumns.length;
  const body = (
    <>
      <p class="title">{f.text(doc.title)}</p>
      <p class="subtitle">{f.text(doc.subtitle)}</p>
      <table class="form results">
        <ColGroup widths={resultsWidths} />
        <thead>
          <tr>
            {resultsTableColumns.map((c) => (
              <th>{f.text(c)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {doc.areas.map((a) => (
            <>
              <tr class="group">
                <td colspan={span}>{f.text(a.area)}</td>
              </tr>
              {a.missions.map((m) => (
                <>
                  {m.mission ? (
                    <tr class="subgroup">
                      <td colspan={span}>{f.text(m.mission)}</td>
                    </tr>
                  ) : null}
                  {m.rows.map((r) => (
                    <tr>
                      <td>{f.text(r.indicator)}</td>
                      <td class="num">{f.text(r.target)}</td>
                      <td class="num">{f.num(r.frame)}</td>
                      <td class="num">{f.num(r.service)}</td>
                      <td class="num">{f.num(r.percent)}</td>
                      <td class="num">{f.text(r.result)}</td>
                    </tr>
                  ))}
                </>
              ))}
            </>
          ))}
        </tbody>
      </table>
    </>
  );
  return renderPage(doc.title, body, { landscape: true });
}

export async function quarterlyReportHtml(doc: QuarterlyReportDoc): Promise<string> {
  const f = formatter(doc.thaiDigits);
  const body = (
    <>
      <p class="title">{Q.title}</p>
      <p class="title">{Q.titleLine2}</p>
      <p class="title">{f.text(`จังหวัด${doc.province}`)}</p>
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
      {doc.note ? <p class="gap">{f.text(`หมายเหตุ : ${doc.note}`)}</p> : null}
    </>
  );
  return renderPage(`${Q.title} จังหวัด${doc.province}`, body, { landscape: true });
}

export async function outstandingOfficeHtml(doc: OutstandingOfficeDoc): Promise<string> {
  const f = formatter(doc.thaiDigits);
  const body = (
    <>
      <p class="title">{f.text(doc.title)}</p>
      <p class="title">{f.text(`จังหวัด${doc.province}`)}</p>
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
              <td class="num">{f.num(r.level)}</td>
              <td class="num">{f.num(r.weight)}</td>
              <td class="num">{f.num(r.score, 4)}</td>
            </tr>
          ))}
          <tr class="total">
            <td colspan={5} style="text-align:right">
              {O.total}
            </td>
            <td class="num">{f.num(doc.total, 4)}</td>
          </tr>
        </tbody>
      </table>
      {doc.ranking != null ? <p class="gap bold">{`${O.ranking} ${f.num(doc.ranking)}`}</p> : null}
    </>
  );
  return renderPage(doc.title, body);
}
