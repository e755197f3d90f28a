import type { PictureReach } from '../../domain/access/policies.ts';
import { DomainError } from '../../domain/errors.ts';

// Which part of a round a picture covers: what was asked for (a province, or the nation), narrowed to what the
// asker may see. The public picture of a published round covers anything; an office sees its own province (or
// district) whatever it asks, and is refused another one.

export type PictureAsk = { laoType: string | null; provinceCode: string | null };
export type PictureScope = { provinceCode: string | null; districtCode: string | null };

export function scopeFor(reach: PictureReach | 'public', ask: PictureAsk): PictureScope {
  if (reach === 'public' || reach.nation) return { provinceCode: ask.provinceCode, districtCode: null };
  const province = ask.provinceCode ?? reach.provinces[0] ?? reach.districts[0]?.slice(0, 2) ?? null;
  if (province && reach.provinces.includes(province)) return { provinceCode: province, districtCode: null };
  // A district's DOPA code starts with its province's.
  const district = province ? reach.districts.find((d) => d.startsWith(province)) : undefined;
  if (province && district) return { provinceCode: province, districtCode: district };
  throw new DomainError('forbidden', 'forbidden');
}
