import { raw } from 'hono/html';
import { formatter, official } from '../format.ts';
import { letterLabels as L, numbered } from '../labels.ts';
import type { LetterDoc } from '../view-models.ts';
import { EmblemBox, SignatureBlock, renderPage } from './layout.tsx';

// หนังสือภายนอก, แบบที่ ๑: Garuda 3 cm in the middle; ที่ on the left and the agency with its address on the right
// on the same line; the date from the middle; เรื่อง / เรียน / อ้างถึง / สิ่งที่ส่งมาด้วย; the body; the closing and
// the signature from the middle; the office that owns the matter and its telephone at the bottom left.

const letterColumnCm = official.letterColumnCm;

const letterCss = `
.letter-emblem { margin: 0 auto; }
.letter-head { display: flex; align-items: flex-start; margin-top: 4pt; }
.letter-head .ref { flex: none; width: ${letterColumnCm}cm; padding-right: 0.3cm; }
.letter-head .address { flex: 1; white-space: pre-line; }
.letter-date { margin-left: ${official.letterDateCm}cm; margin-top: 6pt; }
.contact { margin-top: 18pt; white-space: pre-line; break-inside: avoid; }
`;

function Labelled(props: { label: string; lines: string[] }) {
  return (
    <div class="labelled">
      <span class="label">{props.label}</span>
      <div class="text">
        {props.lines.map((l) => (
          <p>{l}</p>
        ))}
      </div>
    </div>
  );
}

export async function letterHtml(doc: LetterDoc): Promise<string> {
  const f = formatter(doc.thaiDigits);
  const body = (
    <div class="letter">
      <style>{raw(letterCss)}</style>
      <EmblemBox emblem={doc.emblem} heightCm={official.letterEmblemCm} style="margin:0 auto;" />
      <div class="letter-head">
        <div class="ref">
          {L.referenceNo}&nbsp;&nbsp;{f.text(doc.referenceNo)}
        </div>
        <div class="address">{f.text(`${doc.agency}\n${doc.address}`)}</div>
      </div>
      <p class="letter-date">{f.date(doc.date)}</p>
      <Labelled label={L.subject} lines={[f.text(doc.subject)]} />
      <Labelled label={L.addressee} lines={[f.text(doc.addressee)]} />
      {doc.references?.length ? <Labelled label={L.references} lines={numbered(doc.references).map(f.text)} /> : null}
      {doc.enclosures?.length ? <Labelled label={L.enclosures} lines={numbered(doc.enclosures).map(f.text)} /> : null}
      {doc.paragraphs.map((p) => (
        <p class="para">{f.text(p)}</p>
      ))}
      <SignatureBlock signatory={doc.signatory} before={doc.closing} />
      <p class="contact">{f.text(`${doc.contact.office}\n${L.phone} ${doc.contact.phone}`)}</p>
    </div>
  );
  return renderPage(`${L.subject} ${doc.subject}`, body);
}
