import assert from 'node:assert/strict';
import { test } from 'node:test';
import zlib from 'node:zlib';
import { checkZipExpansion } from './check-zip-expansion.ts';

// A minimal zip writer, so the test can lie about sizes the way a zip bomb does.
function makeZip(entries: { name: string; data: Buffer; declaredSize?: number; store?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = e.store ? e.data : zlib.deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(e.store ? 0 : 8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(e.store ? 0 : 8, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const mb = 1024 * 1024;

test('an honest small zip passes', () => {
  assert.equal(checkZipExpansion(makeZip([{ name: 'a.xml', data: Buffer.from('<a/>') }, { name: 'b.bin', data: Buffer.from('xyz'), store: true }]), mb), 'ok');
});

test('a zip whose declared sizes add up beyond the cap is refused without inflating', () => {
  assert.equal(checkZipExpansion(makeZip([{ name: 'a.xml', data: Buffer.from('<a/>'), declaredSize: 2 * mb }]), mb), 'too_large');
});

test('a zip bomb that lies about its size is caught by really inflating under a cap', () => {
  const bomb = makeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(8 * mb, 0x20), declaredSize: 100 }]);
  assert.ok(bomb.length < 64 * 1024, 'the bomb is small on disk');
  assert.equal(checkZipExpansion(bomb, mb), 'too_large');
});

test('many entries each under the cap still count towards one total', () => {
  const entries = Array.from({ length: 5 }, (_, i) => ({ name: `e${i}`, data: Buffer.alloc(300 * 1024, 0x41), declaredSize: 10 }));
  assert.equal(checkZipExpansion(makeZip(entries), mb), 'too_large');
});

test('not a zip, or a truncated one', () => {
  assert.equal(checkZipExpansion(Buffer.from('code,name_th\n1,ก\n'), mb), 'not_zip');
  const zip = makeZip([{ name: 'a.xml', data: Buffer.alloc(1000, 0x41) }]);
  assert.equal(checkZipExpansion(Buffer.concat([zip.subarray(0, 40), zip.subarray(zip.length - 80)]), mb), 'not_zip');
});
