import { raw } from 'hono/html';
import { formatter } from '../format.ts';
import { asOfLine } from '../labels.ts';
import { rankingLabels as L, rankingWidths, rankText, totalText, type RankingDoc } from '../ranking-model.ts';
import { ColGroup } from './reports.tsx';
import { renderPage, ReportEmblem } from './layout.tsx';

// The ranking report, landscape: the ranking with each office's level per indicator, the indicators with their
// weights and level bands (examples marked), how a score is made and how ties are ranked, then an annex with every
// office's reasons — value, level, weight, points and evidence — indicator by indicator.

// The annex starts on a page of its own; an office's heading stays with its table, whose header repeats on a new page.
const extraCss = '.annex { break-before: page; margin-bottom: 4pt; } .detail { margin-bottom: 10pt; } table.ranking td, table.ranking th { padding: 1pt 2pt; }';

export async function rankingHtml(doc: RankingDoc): Promise<string> {
  const f = formatter(doc.thaiDigits);
  const mark = (example: boolean, s: string) => (example ? `${s}${L.exampleMark}` : s);
  const n = String(doc.indicators.length);
  const body = (
    <>
      <ReportEmblem emblem={doc.emblem} />
      <p class="title">{f.text(doc.title)}</p>
      <p class="subtitle">{f.text(doc.subtitle)}</p>
      <p class="subtitle">{asOfLine(f.date(doc.asOf))}</p>
      {doc.status.map((s) => <p class="subtitle">{f.text(s)}</p>)}
      <p class="heading">{L.rankingHeading}</p>
      <table class="form ranking">
        <ColGroup widths={rankingWidths(doc.indicators.length)} />
        <thead>
          <tr>
            <th>{L.rank}</th>
            <th>{doc.unitHeading}</th>
            {doc.indicators.map((i) => <th>{f.num(i.no)}</th>)}
            <th>{`${L.total} (เต็ม ${f.num(doc.maxTotal)})`}</th>
          </tr>
        </thead>
        <tbody>
          {doc.rows.map((r) => (
            <tr>
              <td class="num">{rankText(f.num(r.rank), r.tied)}</td>
              <td>{f.text(r.name)}</td>
              {r.levels.map((l) => <td class="num">{f.num(l)}</td>)}
              <td class="num bold">{f.text(totalText(r.total))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="gap">{f.text(L.levelsNote(n))}</p>
      <p class="heading">{L.indicatorsHeading}</p>
      <table class="form">
        <ColGroup widths={L.indicatorWidths} />
        <thead><tr>{L.indicatorColumns.map((c) => <th>{c}</th>)}</tr></thead>
        <tbody>
          {doc.indicators.map((i) => (
            <tr>
              <td class="num">{f.num(i.no)}</td>
              <td>{f.text(i.title)}</td>
              <td>{f.text(i.owner)}</td>
              <td class="num">{mark(i.example, f.num(i.weight))}</td>
              <td>{mark(i.example, f.text(i.thresholds))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="gap">{f.text(L.howScored)}</p>
      <p class="gap"><span class="bold">{L.tieHeading}</span> {f.text(doc.tieRule)} {L.tiedMarkNote}</p>
      {doc.exampleNote && doc.indicators.some((i) => i.example) ? <p class="gap">{f.text(`${L.exampleMark} ${doc.exampleNote}`)}</p> : null}
      {doc.notSent.length ? <p class="gap"><span class="bold">{L.notSentHeading(doc.unitHeading, f.num(doc.notSent.length))}</span> {f.text(doc.notSent.join(', '))}</p> : null}
      {doc.details.length ? <p class="title annex">{L.detailsHeading}</p> : null}
      {doc.details.map((d) => (
        <div class="detail">
          <p class="heading">{f.text(`${L.rank} ${rankText(f.num(d.rank), d.tied)} ${d.name} — ${L.total} ${totalText(d.total)}`)}</p>
          <table class="form">
            <ColGroup widths={L.detailWidths} />
            <thead><tr>{L.detailColumns.map((c) => <th>{c}</th>)}</tr></thead>
            <tbody>
              {d.indicators.map((i) => (
                <tr>
                  <td class="num">{f.num(i.no)}</td>
                  <td>{f.text(i.result)}</td>
                  <td>{f.text(i.band)}</td>
                  <td class="num">{f.num(i.level)}</td>
                  <td class="num">{f.num(i.weight)}</td>
                  <td class="num">{f.num(i.score, 2)}</td>
                  <td class="num">{f.num(i.evidence)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </>
  );
  return renderPage(doc.title, <><style>{raw(extraCss)}</style>{body}</>, { landscape: true });
}
