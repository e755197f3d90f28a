import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findHeaderRow, locateHeaderRow, matchHeader } from './register-columns.ts';

test('headers are accepted in English or Thai, whatever the spacing, case and dots', () => {
  assert.equal(matchHeader('code'), 'code');
  assert.equal(matchHeader('รหัส อปท.'), 'code');
  assert.equal(matchHeader('รหัสอปท'), 'code');
  assert.equal(matchHeader(' Name_TH '), 'name_th');
  assert.equal(matchHeader('ชื่อ อปท.'), 'name_th');
  assert.equal(matchHeader('ประเภท'), 'lao_type');
  assert.equal(matchHeader('Province Code'), 'province_code');
  assert.equal(matchHeader('รหัสอำเภอ/เขต'), 'district_code');
  assert.equal(matchHeader('ชื่อภาษาอังกฤษ'), 'name_en');
  assert.equal(matchHeader('วันที่เริ่ม'), 'valid_from');
  assert.equal(matchHeader('หมายเหตุ'), undefined);
});

test('the header may sit under a title row; without one the first row is taken', () => {
  const rows = [['ทะเบียน อปท. ปี 2569', '', ''], [], ['รหัส อปท.', 'ชื่อ อปท.', 'ประเภท'], ['6220101', 'อบต.', 'อบต.']];
  assert.equal(locateHeaderRow(rows), 2);
  assert.equal(findHeaderRow(rows), 2);
  assert.equal(locateHeaderRow([['a', 'b'], ['1', '2']]), undefined);
  assert.equal(findHeaderRow([['a', 'b'], ['1', '2']]), 0);
});
