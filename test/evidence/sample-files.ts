import zlib from 'node:zlib';
import { makeZip } from '../support/zip.ts';

export { makeZip };

// Small files of every kind evidence accepts or refuses, built in memory so the tests show what each one is.


const xml = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`);
const contentTypes = (main: string) => xml(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="${main}" ContentType="application/xml"/></Types>`);

export function samplePdf(pad = 0): Buffer {
  return Buffer.concat([
    Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n'),
    Buffer.alloc(pad, 0x20),
    Buffer.from('trailer\n<< /Root 1 0 R >>\n%%EOF\n'),
  ]);
}

export function samplePng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(Buffer.from([0, 0x1f, 0x6b, 0xc3]))), chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function sampleJpeg(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0', 'latin1'), Buffer.from([1, 1, 0, 0, 1, 0, 1, 0, 0]),
    Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x12, 0x34, 0x56]), Buffer.from([0xff, 0xd9]),
  ]);
}

export function sampleDocx(extra: { name: string; data: Buffer }[] = []): Buffer {
  return makeZip([
    { name: '[Content_Types].xml', data: contentTypes('/word/document.xml') },
    { name: '_rels/.rels', data: xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>') },
    { name: 'word/document.xml', data: xml('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>หลักฐาน</w:t></w:r></w:p></w:body></w:document>') },
    ...extra,
  ]);
}

export function sampleXlsx(extra: { name: string; data: Buffer }[] = []): Buffer {
  return makeZip([
    { name: '[Content_Types].xml', data: contentTypes('/xl/workbook.xml') },
    { name: '_rels/.rels', data: xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>') },
    { name: 'xl/workbook.xml', data: xml('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>') },
    ...extra,
  ]);
}

/** An .xlsx whose one sheet inflates to `unpackedMb` MB of zeros while its directory claims a few bytes. */
export function zipBombXlsx(unpackedMb = 120): Buffer {
  return makeZip([
    { name: '[Content_Types].xml', data: contentTypes('/xl/workbook.xml') },
    { name: 'xl/workbook.xml', data: xml('<workbook/>') },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(unpackedMb * 1024 * 1024), declaredSize: 100 },
  ]);
}

/** A Windows program: "MZ", a DOS stub and a PE header. */
export function sampleExe(): Buffer {
  const b = Buffer.alloc(256);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}

export const sampleHtml = () => Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
