import { inflateRawSync, inflateSync } from 'node:zlib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

// Reading the rendered documents back: a .docx's parts (a zip), a PDF's text and page sizes (pdf.js), and PNGs of
// its pages (pdf.js drawing on @napi-rs/canvas, its optional dependency) for a person to look at.

/** The files of a zip archive (stored or deflated), from its central directory. */
export function unzip(zip: Buffer): Map<string, Buffer> {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    files.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

export type PdfPage = { widthPt: number; heightPt: number; lines: string[] };

// Chromium (Skia) draws a Thai cluster whose glyphs are the font's alternates (a tone mark raised over an upper
// vowel, sara am split in two) inside a marked-content span whose /ActualText holds the characters as typed, the way
// PDF readers copy text. pdf.js does not read /ActualText (mozilla/pdf.js#20014), so the spans are taken from the
// page's own content stream and replace the glyphs pdf.js found inside them.

type PdfObject = { dict: string; stream?: Buffer };

function pdfObjects(pdf: Buffer): Map<number, PdfObject> {
  const objects = new Map<number, PdfObject>();
  const text = pdf.toString('latin1');
  const re = /(\d+) 0 obj\s*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const at = body.indexOf('stream');
    if (at < 0) {
      objects.set(Number(m[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, at);
    const dataStart = start + at + 'stream'.length + (text[start + at + 6] === '\r' ? 2 : 1);
    const length = /\/Length (\d+)(?! \d+ R)/.exec(dict);
    const data = pdf.subarray(dataStart, length ? dataStart + Number(length[1]) : text.indexOf('endstream', dataStart));
    objects.set(Number(m[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(data) : Buffer.from(data) });
    re.lastIndex = end;
  }
  return objects;
}

const refs = (s: string | undefined) => [...(s ?? '').matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));

/** For each page in order, the /ActualText (or null) of every marked-content BDC/BMC in its content stream. */
function markedContentPerPage(pdf: Buffer): (string | null)[][] {
  const objects = pdfObjects(pdf);
  const root = [...objects.values()].find((o) => /\/Type\s*\/Catalog/.test(o.dict));
  const pages: PdfObject[] = [];
  const walk = (id: number) => {
    const o = objects.get(id);
    if (!o) return;
    if (/\/Type\s*\/Pages/.test(o.dict)) refs(/\/Kids\s*\[([^\]]*)\]/.exec(o.dict)?.[1]).forEach(walk);
    else pages.push(o);
  };
  walk(refs(/\/Pages (\d+ 0 R)/.exec(root?.dict ?? '')?.[1])[0] ?? -1);
  return pages.map((page) => {
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page.dict)?.[1];
    const stream = Buffer.concat(refs(contents).map((id) => objects.get(id)?.stream ?? Buffer.alloc(0))).toString('latin1');
    return [...stream.matchAll(/\/\w+\s*(?:<<((?:[^<>]|<[0-9A-Fa-f]*>)*)>>\s*BDC|BMC)/g)].map((m) => {
      const hex = /\/ActualText\s*<FEFF([0-9A-Fa-f]*)>/i.exec(m[1] ?? '')?.[1];
      return hex === undefined ? null : Buffer.from(hex, 'hex').swap16().toString('utf16le');
    });
  });
}

/** Each page's size and its text, one string per line, as a reader copying it would get (with /ActualText). */
export async function readPdf(pdf: Buffer): Promise<PdfPage[]> {
  const marked = markedContentPerPage(pdf);
  const task = getDocument({ data: new Uint8Array(pdf) });
  const doc = await task.promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent({ includeMarkedContent: true });
      const actual = [...(marked[n - 1] ?? [])];
      // A span's replacement text, with the spaces pdf.js inferred from the gaps around its glyphs kept.
      const open: { text: string | null; lead?: string; trail: string }[] = [];
      const lines: string[] = [];
      let current = '';
      for (const item of content.items) {
        if ('type' in item) {
          if (item.type === 'endMarkedContent') {
            const span = open.pop();
            if (span?.text != null) current += (span.lead ?? '') + span.text + span.trail;
          } else {
            open.push({ text: actual.shift() ?? null, trail: '' });
          }
          continue;
        }
        const replacing = open.findLast((s) => s.text != null);
        if (replacing) {
          replacing.lead ??= /^\s*/.exec(item.str)![0];
          replacing.trail = /\s*$/.exec(item.str)![0];
        } else {
          current += item.str;
        }
        if (item.hasEOL) {
          lines.push(current);
          current = '';
        }
      }
      if (current) lines.push(current);
      pages.push({ widthPt: x1 - x0, heightPt: y1 - y0, lines });
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/** PNGs of the pages at `dpi`, or null where no canvas is installed (it is an optional dependency of pdf.js). */
export async function pdfToPngs(pdf: Buffer, dpi = 110): Promise<Buffer[] | null> {
  let canvasModule: typeof import('@napi-rs/canvas');
  try {
    canvasModule = await import('@napi-rs/canvas');
  } catch {
    return null;
  }
  const task = getDocument({ data: new Uint8Array(pdf) });
  const doc = await task.promise;
  try {
    const out: Buffer[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: dpi / 72 });
      const canvas = canvasModule.createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      const context = canvas.getContext('2d');
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
      out.push(await canvas.encode('png'));
    }
    return out;
  } finally {
    await task.destroy();
  }
}
