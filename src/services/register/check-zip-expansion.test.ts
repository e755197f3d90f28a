import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeZip } from '../../../test/support/zip.ts';
import { checkZipExpansion } from './check-zip-expansion.ts';


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
