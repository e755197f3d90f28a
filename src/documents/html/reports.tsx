import { formatter } from '../format.ts';
import { resultsWidths } from '../labels.ts';
import { resultsTableColumns, type ResultsTableDoc } from '../view-models.ts';
import { renderPage, ReportEmblem } from './layout.tsx';

// ODLOC's public table of results; the column widths every report form sets (quarterly.tsx, outstanding.tsx).

export function ColGroup(props: { widths: readonly number[] }) {
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
      <ReportEmblem emblem={doc.emblem} />
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
