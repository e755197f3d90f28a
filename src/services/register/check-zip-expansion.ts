import zlib from 'node:zlib';

// An .xlsx is a zip. Before handing one to ExcelJS (which inflates every entry into memory), inflate each entry
// here with a hard output cap: a zip bomb can lie in its declared sizes, but not to zlib's maxOutputLength.
// Costs one extra inflate of a file already capped at 20 MB.

export type ZipExpansion = 'ok' | 'not_zip' | 'too_large';

const eocdSignature = 0x06054b50;
const centralSignature = 0x02014b50;
const localSignature = 0x04034b50;
const maxEntries = 10_000;

export function checkZipExpansion(bytes: Buffer, maxTotalBytes: number): ZipExpansion {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) return 'not_zip';
  const entries = bytes.readUInt16LE(eocd + 10);
  const centralOffset = bytes.readUInt32LE(eocd + 16);
  // zip64 markers: no register workbook needs a 4 GB zip, so a file that claims one is rejected as oversized.
  if (entries === 0xffff || centralOffset === 0xffffffff) return 'too_large';
  if (entries > maxEntries) return 'too_large';
  let declared = 0;
  let actual = 0;
  let p = centralOffset;
  for (let i = 0; i < entries; i++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== centralSignature) return 'not_zip';
    const method = bytes.readUInt16LE(p + 10);
    const compressedSize = bytes.readUInt32LE(p + 20);
    const uncompressedSize = bytes.readUInt32LE(p + 24);
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    const localOffset = bytes.readUInt32LE(p + 42);
    declared += uncompressedSize;
    if (declared > maxTotalBytes) return 'too_large';
    if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== localSignature) return 'not_zip';
    const dataStart = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > bytes.length) return 'not_zip';
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    if (method === 0) actual += compressedSize;
    else if (method === 8) {
      try {
        actual += zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, maxTotalBytes - actual) }).length;
      } catch (e) {
        return (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError ? 'too_large' : 'not_zip';
      }
    } else return 'not_zip';
    if (actual > maxTotalBytes) return 'too_large';
    p += 46 + nameLength + extraLength + commentLength;
  }
  return 'ok';
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  const last = bytes.length - 22;
  for (let i = last; i >= 0 && i >= last - 0xffff; i--) {
    if (bytes.readUInt32LE(i) === eocdSignature) return i;
  }
  return -1;
}
