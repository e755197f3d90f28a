// LaoType (ประเภท อปท.): the kind of local administrative organisation.
export const laoTypes = ['pao', 'city', 'town', 'subdistrict', 'sao', 'special'] as const;
export type LaoType = (typeof laoTypes)[number];

export const laoTypeLabels: Record<LaoType, { full: string; short: string }> = {
  pao: { full: 'องค์การบริหารส่วนจังหวัด', short: 'อบจ.' },
  city: { full: 'เทศบาลนคร', short: 'ทน.' },
  town: { full: 'เทศบาลเมือง', short: 'ทม.' },
  subdistrict: { full: 'เทศบาลตำบล', short: 'ทต.' },
  sao: { full: 'องค์การบริหารส่วนตำบล', short: 'อบต.' },
  special: { full: 'อปท. รูปแบบพิเศษ', short: 'พิเศษ' },
};

/** Accepts the code, the Thai full name or the Thai abbreviation, as people write them in a register file. */
export function parseLaoType(raw: string): LaoType | undefined {
  const v = raw.trim().replace(/\s+/g, '').toLowerCase();
  if (!v) return undefined;
  if ((laoTypes as readonly string[]).includes(v)) return v as LaoType;
  for (const t of laoTypes) {
    const l = laoTypeLabels[t];
    if (v === l.full.replace(/\s+/g, '') || v === l.short.replace(/\s+/g, '')) return t;
  }
  const aliases: Record<string, LaoType> = {
    'อบจ': 'pao', 'ทน': 'city', 'ทม': 'town', 'ทต': 'subdistrict', 'อบต': 'sao',
    'กรุงเทพมหานคร': 'special', 'กทม.': 'special', 'เมืองพัทยา': 'special',
  };
  return aliases[v];
}
