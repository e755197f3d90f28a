import { raw } from 'hono/html';
import { committeeOrderLabels as L, membersLeftCm, numberCm, orderedOnLine, roleCm, type CommitteeOrderDoc } from '../committee-order-model.ts';
import { formatter, official } from '../format.ts';
import { EmblemBox, SignatureBlock, renderPage } from './layout.tsx';

// คำสั่งจังหวัด: Garuda 3 cm in the middle; the heading, number and subject centred with a short rule under them; the
// preamble; the members in two columns (who, then their position on the committee); the duties numbered; the
// closing; the date ordered; the governor's signature from the middle of the page.

const orderCss = `
.order-head p { text-align: center; }
.order-head .issuer { font-weight: 700; margin-top: 4pt; }
.order-head .subject { padding: 0 1cm; }
table.members { width: calc(100% - ${membersLeftCm}cm); margin: 6pt 0 0 ${membersLeftCm}cm; border-collapse: collapse; table-layout: fixed; }
table.members td { vertical-align: top; padding: 0 0 2pt; border: 0; }
table.members td.no { width: ${numberCm}cm; }
table.members td.who { padding-right: 0.4cm; }
table.members td.role { width: ${roleCm}cm; }
table.members tr { break-inside: avoid; }
ol.duties { list-style: none; margin: 2pt 0 0; padding: 0 0 0 ${official.indentCm}cm; }
ol.duties li { padding-left: 0.9cm; text-indent: -0.9cm; }
.ordered-on { margin: 12pt 0 0 ${official.signatureCm - 2}cm; break-after: avoid; }
`;

export async function committeeOrderHtml(doc: CommitteeOrderDoc): Promise<string> {
  const f = formatter(doc.thaiDigits);
  const body = (
    <div class="order">
      <style>{raw(orderCss)}</style>
      <EmblemBox emblem={doc.emblem} heightCm={official.letterEmblemCm} style="margin:0 auto;" />
      <div class="order-head">
        <p class="issuer">{f.text(doc.issuer)}</p>
        <p>{L.referenceNo}&nbsp;&nbsp;{f.text(doc.orderNo) || '.'.repeat(20)}</p>
        <p class="subject">{L.subject}&nbsp;&nbsp;{f.text(doc.subject)}</p>
        <p>{L.rule}</p>
      </div>
      {doc.preamble.map((p) => <p class="para">{f.text(p)}</p>)}
      <table class="members">
        <tbody>
          {doc.members.map((m, i) => (
            <tr>
              <td class="no">{f.num(i + 1)}.</td>
              <td class="who">{f.text(m.line)}</td>
              <td class="role">{m.position}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="para">{f.text(doc.dutiesIntro)}</p>
      <ol class="duties">
        {doc.duties.map((d, i) => <li>{f.num(i + 1)}. {f.text(d)}</li>)}
      </ol>
      <p class="para">{f.text(doc.closing)}</p>
      <p class="ordered-on">{orderedOnLine(doc.date, f)}</p>
      <SignatureBlock signatory={doc.signatory} />
    </div>
  );
  return renderPage(`${doc.issuer} ${L.subject} ${doc.subject}`, body);
}
