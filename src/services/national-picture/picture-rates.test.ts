import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '../../domain/errors.ts';
import { rateOf, shareBins } from './picture-rates.ts';
import { scopeFor } from './picture-scope.ts';

// How the picture counts and whose part of a round it covers.

test('a pass rate is met out of met and needs development; no service, not done and missing are left out', () => {
  assert.deepEqual(rateOf({ met: 3, needsDevelopment: 1, noService: 5, notDone: 7, missing: 2 }), { met: 3, needsDevelopment: 1, noService: 5, notDone: 7, missing: 2, judged: 4, rate: 75 });
  assert.equal(rateOf({ met: 2, needsDevelopment: 1, noService: 0, notDone: 0, missing: 0 }).rate, 66.7, 'one decimal');
  assert.equal(rateOf({ met: 0, needsDevelopment: 0, noService: 9, notDone: 1, missing: 0 }).rate, null, 'nothing judged: no rate, not 0 %');
});

test('respondents fall in ten bands of the share they met; 100 % in the last; none judged counted apart', () => {
  const { bins, respondents, noneJudged } = shareBins([
    { met: 0, judged: 5, n: 2 }, { met: 1, judged: 10, n: 1 }, { met: 7, judged: 10, n: 3 }, { met: 2, judged: 3, n: 1 },
    { met: 9, judged: 10, n: 1 }, { met: 4, judged: 4, n: 4 }, { met: 0, judged: 0, n: 6 },
  ]);
  assert.deepEqual(bins.map((b) => b.count), [2, 1, 0, 0, 0, 0, 1, 3, 0, 5]);
  assert.equal(bins[6]!.label, '60–69%', '2 of 3 is 66.7 %');
  assert.equal(bins[9]!.label, '90–100%');
  assert.equal(respondents, 12);
  assert.equal(noneJudged, 6);
});

test('the part of a round a picture covers: what was asked, narrowed to the asker\'s reach', () => {
  assert.deepEqual(scopeFor('public', { laoType: null, provinceCode: '20' }), { provinceCode: '20', districtCode: null });
  assert.deepEqual(scopeFor({ nation: true }, { laoType: null, provinceCode: null }), { provinceCode: null, districtCode: null });
  const province = { nation: false as const, provinces: ['22'], districts: [] };
  assert.deepEqual(scopeFor(province, { laoType: null, provinceCode: null }), { provinceCode: '22', districtCode: null }, 'their own without asking');
  assert.throws(() => scopeFor(province, { laoType: null, provinceCode: '20' }), (e: unknown) => e instanceof DomainError && e.code === 'forbidden');
  const district = { nation: false as const, provinces: [], districts: ['2206'] };
  assert.deepEqual(scopeFor(district, { laoType: null, provinceCode: null }), { provinceCode: '22', districtCode: '2206' });
  assert.deepEqual(scopeFor(district, { laoType: null, provinceCode: '22' }), { provinceCode: '22', districtCode: '2206' }, 'their province narrows to their district');
  assert.throws(() => scopeFor(district, { laoType: null, provinceCode: '20' }), DomainError);
});
