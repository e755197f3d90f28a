import { raw } from 'hono/html';
import { formatter, official } from '../format.ts';
import { memoLabels as L, numbered, summaryColumns, summaryRows } from '../labels.ts';
import type { MemoDoc } from '../view-models.ts';
import { EmblemBox, QrBlock, SignatureBlock, qrDataUrl, renderPage } from './layout.tsx';

// บันทึกข้อความ, แบบที่ ๒๙: Garuda 1.5 cm at the top left, the title bold 29 pt in the middle, the header labels bold
// 20 pt each followed by its value on a dotted line to the right margin, then the body at 16 pt.

// The dotted leader under every line of a header value (a wrapped agency too): a tile one line high with a dot at
// its foot, repeated over the value's box.
const lineHeightPt = 20;
const dots =
  'data:image/svg+xml,' +
  encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="4pt" height="${lineHeightPt}pt" viewBox="0 0 40 ${lineHeightPt * 10}"><circle cx="20" cy="${lineHeightPt * 10 - 18}" r="5.5"/></svg>`);

const memoCss = `
.memo-head { position: relative; height: ${official.memoEmblemCm}cm; }
.memo-head .emblem { position: absolute; left: 0; top: 0; }
.memo-title { text-align: center; font-size: ${official.memoTitlePt}pt; font-weight: 700; line-height: ${official.memoEmblemCm}cm; }
.field { display: flex; align-items: baseline; margin-top: 1pt; }
.field .label { flex: none; font-size: ${official.memoLabelPt}pt; font-weight: 700; padding-right: 0.25em; }
.field .label.next { padding-left: 0.25em; }
.field .value { flex: 1; min-width: 0; padding-left: 0.25em; line-height: ${lineHeightPt}pt;
  background: url("${dots}") repeat left top / 4pt ${lineHeightPt}pt; }
.field .value.ref { flex: 1 1 40%; }
.field .value.date { flex: 1 1 45%; }
.addressee { margin-top: 6pt; }
.develop { margin: 2pt 0 0 ${official.indentCm}cm; padding: 0; list-style: none; }
.develop li { padding-left: 1.2em; text-indent: -1.2em; }
table.summary td:first-child { text-align: left; }
`;

export async function memoHtml(doc: MemoDoc): Promise<string> {
  const f = formatter(doc.thaiDigits);
  const rows = summaryRows(doc.resultsSummary);
  const qr = doc.qrUrl ? await qrDataUrl(doc.qrUrl) : undefined;
  const body = (
    <>
      <style>{raw(memoCss)}</style>
      <div class="memo-head">
        <EmblemBox emblem={doc.emblem} heightCm={official.memoEmblemCm} />
        <div class="memo-title">{L.title}</div>
      </div>
      <div class="field">
        <span class="label">{L.agency}</span>
        <span class="value">{f.text(doc.agency)}</span>
      </div>
      <div class="field">
        <span class="label">{L.referenceNo}</span>
        <span class="value ref">{f.text(doc.referenceNo)}</span>
        <span class="label next">{L.date}</span>
        <span class="value date">{f.date(doc.date)}</span>
      </div>
      <div class="field">
        <span class="label">{L.subject}</span>
        <span class="value">{f.text(doc.subject)}</span>
      </div>
      <p class="addressee">
        {L.addressee}&nbsp;&nbsp;{f.text(doc.addressee)}
      </p>
      {doc.paragraphs.map((p) => (
        <p class="para">{f.text(p)}</p>
      ))}
      {rows.length > 0 ? (
        <>
          <p class="para">{L.summaryCaption}</p>
          <table class="form summary">
            <thead>
              <tr>
                {summaryColumns.map((c) => (
                  <th>{c.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr class={i === rows.length - 1 && rows.length > doc.resultsSummary.length ? 'total' : ''}>
                  <td>{f.text(r.area)}</td>
                  {r.counts.map((n) => (
                    <td class="num">{f.num(n)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {doc.toDevelop.length > 0 ? (
        <>
          <p class="para">{L.toDevelopCaption}</p>
          <ul class="develop">
            {numbered(doc.toDevelop, true).map((t) => (
              <li>{f.text(t)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {doc.proposal.map((p) => (
        <p class="para">{f.text(p)}</p>
      ))}
      {doc.signatory.map((s) => (
        <SignatureBlock signatory={s} />
      ))}
      {qr && doc.qrUrl ? <QrBlock dataUrl={qr} url={doc.qrUrl} /> : null}
    </>
  );
  return renderPage(`${L.title} ${doc.subject}`, body);
}
