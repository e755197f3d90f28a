import type { FrameworkDocument, LocalisedText } from '../../domain/framework/framework-schema.ts';
import { resolveText } from '../../domain/framework/framework-view.ts';

// Text about every LAO type at once. A framework's default words are one type's ("…ของเทศบาล"); across the nation
// the organisation is "อปท." (an abbreviation: spaced from the words around it, as Thai writes it) and another
// term reads as its types' words together ("เทศบัญญัติ/ข้อบัญญัติ").

const cache = new WeakMap<FrameworkDocument, Pick<FrameworkDocument, 'terms'>>();

function generalTerms(doc: FrameworkDocument): Pick<FrameworkDocument, 'terms'> {
  let out = cache.get(doc);
  if (!out) {
    const terms = Object.fromEntries(Object.entries(doc.terms ?? {}).map(([name, words]) => {
      if (name === 'lao') return [name, { default: ' อปท. ' }];
      const parts = [...new Set(Object.values(words).flatMap((w) => w.split('/')))];
      return [name, { default: parts.join('/') }];
    }));
    cache.set(doc, (out = { terms }));
  }
  return out;
}

/** The text as it reads for every LAO type together. */
export function generalText(text: LocalisedText | undefined, doc: FrameworkDocument): string {
  return resolveText(text, null, generalTerms(doc)).replace(/\s{2,}/g, ' ').replace(/ ([.,)])/g, '$1').trim();
}
