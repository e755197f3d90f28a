import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quantile, quarterOf, spreadOf } from './quantiles.ts';

// Quartiles as spreadsheets compute them (QUARTILE.INC): checked against worked values.

test('quantile interpolates between the nearest values (type 7)', () => {
  const v = [1, 2, 3, 4];
  assert.equal(quantile(v, 0), 1);
  assert.equal(quantile(v, 1), 4);
  assert.equal(quantile(v, 0.5), 2.5);
  assert.equal(quantile(v, 0.25), 1.75);
  assert.equal(quantile(v, 0.75), 3.25);
  assert.equal(quantile([7], 0.25), 7, 'one value is every quantile');
  assert.equal(quantile([], 0.5), null);
  assert.equal(quantile(v, 1.5), null);
  assert.equal(quantile(v, Number.NaN), null);
});

test('spread: count, extremes, quartiles and median of unsorted values; non-finite values left out', () => {
  // QUARTILE.INC({15,20,35,40,50}) = 20, 35, 40
  assert.deepEqual(spreadOf([50, 15, 40, 20, 35]), { n: 5, min: 15, q1: 20, median: 35, q3: 40, max: 50 });
  // QUARTILE.INC({0,10,20,30,40,50,60,70,80,90}) = 22.5, 45, 67.5
  assert.deepEqual(spreadOf([90, 80, 70, 60, 50, 40, 30, 20, 10, 0]), { n: 10, min: 0, q1: 22.5, median: 45, q3: 67.5, max: 90 });
  assert.deepEqual(spreadOf([3, Number.NaN, Number.POSITIVE_INFINITY, 1]), { n: 2, min: 1, q1: 1.5, median: 2, q3: 2.5, max: 3 });
  assert.equal(spreadOf([]), null);
  const input = [3, 1, 2];
  spreadOf(input);
  assert.deepEqual(input, [3, 1, 2], 'the caller\'s array is not reordered');
});

test('quarterOf: below Q1 is the lowest quarter, above Q3 the highest', () => {
  const s = spreadOf([0, 10, 20, 30, 40, 50, 60, 70, 80, 90])!;
  assert.equal(quarterOf(5, s), 1);
  assert.equal(quarterOf(30, s), 2);
  assert.equal(quarterOf(45, s), 3);
  assert.equal(quarterOf(67.5, s), 3);
  assert.equal(quarterOf(90, s), 4);
});
