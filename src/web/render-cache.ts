// Rendered pages kept in memory by a key that changes whenever the page would (a public page's ETag: what it shows
// plus the stylesheet's version), so a page is rendered once per change however many read it. Least recently used
// pages leave first once the cache holds `maxBytes`; one process's cache is its own (nothing to keep in step: a key
// names exactly one content).

export type RenderCache = { get(key: string): string | undefined; set(key: string, html: string): void; readonly bytes: number };

export function createRenderCache(maxBytes = 16 * 1024 * 1024): RenderCache {
  const pages = new Map<string, string>();
  let bytes = 0;
  const sizeOf = (key: string, html: string) => 2 * (key.length + html.length); // UTF-16 in memory
  return {
    get(key) {
      const html = pages.get(key);
      if (html === undefined) return undefined;
      pages.delete(key); // most recently used last
      pages.set(key, html);
      return html;
    },
    set(key, html) {
      const size = sizeOf(key, html);
      if (size > maxBytes / 8) return; // one huge page must not push out everything else
      const old = pages.get(key);
      if (old !== undefined) {
        bytes -= sizeOf(key, old);
        pages.delete(key);
      }
      pages.set(key, html);
      bytes += size;
      for (const [k, v] of pages) {
        if (bytes <= maxBytes) break;
        pages.delete(k);
        bytes -= sizeOf(k, v);
      }
    },
    get bytes() {
      return bytes;
    },
  };
}
