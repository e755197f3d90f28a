import { laoTypeLabels, laoTypes, type LaoType } from '../org/lao-type.ts';
import { checkFormula, createFormulaEnvironment, reservedWords, type FormulaEnvironment, type ResultKind } from './formula.ts';
import { listFields, listIndicators, numericFieldTypes, type FrameworkDocument, type Indicator, type LocalisedText } from './framework-schema.ts';
import { audiences, formulaVariables, indicatorAudiences, targetFor, type Audience } from './framework-view.ts';

// The rules that need the whole file. Every problem is collected (never the first only) with the path of the value
// it is about, so the reader can point at the line.

export type FrameworkProblem = { path: (string | number)[]; message: string; line?: number };

const typeName = (t: Audience) => (t ? laoTypeLabels[t].short : 'สำนักงาน');

export function checkFramework(doc: FrameworkDocument, previous?: FrameworkDocument | null): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const add = (path: (string | number)[], message: string) => problems.push({ path, message });
  const isLao = doc.programme.respondents === 'lao';

  // Who responds
  if (isLao && !doc.laoTypes?.length) add(['laoTypes'], 'โครงการที่ อปท. เป็นผู้ตอบต้องระบุประเภท อปท. (laoTypes)');
  if (!isLao && doc.laoTypes) add(['laoTypes'], 'โครงการที่สำนักงานเป็นผู้ตอบไม่ใช้ประเภท อปท. (ลบ laoTypes)');
  const known = new Set<LaoType>(doc.laoTypes ?? []);
  const checkAppliesTo = (list: readonly LaoType[] | undefined, path: (string | number)[]) => {
    if (!list) return;
    if (!isLao) return add([...path, 'appliesTo'], 'โครงการที่สำนักงานเป็นผู้ตอบไม่ใช้ appliesTo');
    list.forEach((t, i) => { if (!known.has(t)) add([...path, 'appliesTo', i], `ประเภท ${laoTypeLabels[t].short} ไม่อยู่ใน laoTypes ของกรอบนี้`); });
  };

  // Terms and text placeholders
  for (const [name, term] of Object.entries(doc.terms ?? {})) {
    for (const key of Object.keys(term)) if (key !== 'default' && !(laoTypes as readonly string[]).includes(key)) add(['terms', name, key], `"${key}" ไม่ใช่รหัสประเภท อปท.`);
  }
  const checkText = (text: LocalisedText | undefined, path: (string | number)[]) => {
    if (text === undefined) return;
    const variants = typeof text === 'string' ? [text] : Object.values(text);
    if (typeof text !== 'string') {
      for (const key of Object.keys(text)) if (key !== 'default' && !known.has(key as LaoType)) add([...path, key], `"${key}" ไม่ใช่ประเภท อปท. ในกรอบนี้`);
    }
    for (const v of variants) {
      for (const m of v.matchAll(/\{([^}]*)\}/g)) if (!doc.terms?.[m[1]!]) add(path, `ไม่มีคำ {${m[1]}} ใน terms`);
    }
  };

  // Unique codes
  const unique = (label: string, entries: { code: string; path: (string | number)[] }[]) => {
    const seen = new Map<string, (string | number)[]>();
    for (const e of entries) {
      if (seen.has(e.code)) add(e.path, `${label} "${e.code}" ซ้ำกับที่ประกาศไว้แล้ว`);
      else seen.set(e.code, e.path);
    }
  };
  unique('รหัสแบบ', doc.forms.map((f, i) => ({ code: f.code, path: ['forms', i, 'code'] })));
  unique('รหัสส่วน', doc.forms.flatMap((f, fi) => f.sections.map((s, si) => ({ code: s.code, path: ['forms', fi, 'sections', si, 'code'] }))));
  unique('ชื่อช่องข้อมูล', listFields(doc).map(({ field, path }) => ({ code: field.key, path: [...path, 'key'] })));
  unique('รหัสด้าน', doc.areas.map((a, i) => ({ code: a.code, path: ['areas', i, 'code'] })));
  unique('รหัสภารกิจ', doc.areas.flatMap((a, ai) => (a.missions ?? []).map((m, mi) => ({ code: m.code, path: ['areas', ai, 'missions', mi, 'code'] }))));
  unique('รหัสตัวชี้วัด', listIndicators(doc).map(({ indicator, path }) => ({ code: indicator.code, path: [...path, 'code'] })));
  unique('รหัสบัญชีรายการ', (doc.lists ?? []).map((l, i) => ({ code: l.code, path: ['lists', i, 'code'] })));
  (doc.lists ?? []).forEach((l, li) => unique('รหัสรายการ', l.items.map((it, ii) => ({ code: it.code, path: ['lists', li, 'items', ii, 'code'] }))));
  unique('รหัสกฎตรวจสอบ', (doc.validations ?? []).map((v, i) => ({ code: v.code, path: ['validations', i, 'code'] })));

  // Forms and fields
  const listCodes = new Set((doc.lists ?? []).map((l) => l.code));
  doc.forms.forEach((form, fi) => {
    checkAppliesTo(form.appliesTo, ['forms', fi]);
    checkText(form.title, ['forms', fi, 'title']);
    form.sections.forEach((section, si) => {
      const sp = ['forms', fi, 'sections', si];
      checkAppliesTo(section.appliesTo, sp);
      checkText(section.title, [...sp, 'title']);
      checkText(section.help, [...sp, 'help']);
      if (section.repeatOver && !listCodes.has(section.repeatOver)) add([...sp, 'repeatOver'], `ไม่มีบัญชีรายการ "${section.repeatOver}" ใน lists`);
    });
  });
  for (const { field, path } of listFields(doc)) {
    checkAppliesTo(field.appliesTo, path);
    if (reservedWords.has(field.key)) add([...path, 'key'], `"${field.key}" เป็นคำสงวนของสูตร ตั้งชื่อช่องข้อมูลอื่น`);
    checkText(field.label, [...path, 'label']);
    checkText(field.help, [...path, 'help']);
    if (field.type === 'choice' && !field.choices) add([...path, 'choices'], `ช่อง "${field.key}" เป็นแบบเลือกตอบ ต้องมี choices`);
    if (field.type !== 'choice' && field.choices) add([...path, 'choices'], `ช่อง "${field.key}" ไม่ใช่แบบเลือกตอบ จึงใช้ choices ไม่ได้`);
    if ((field.min !== undefined || field.max !== undefined) && !numericFieldTypes.includes(field.type)) add([...path, 'min'], `ช่อง "${field.key}" ไม่ใช่ตัวเลข จึงกำหนด min/max ไม่ได้`);
    if (field.min !== undefined && field.max !== undefined && field.min > field.max) add([...path, 'max'], `ช่อง "${field.key}": max ต้องไม่น้อยกว่า min`);
  }

  // Formulas: each is checked against the fields its audience is shown.
  const environments = new Map<Audience, FormulaEnvironment>();
  const envFor = (a: Audience) => {
    if (!environments.has(a)) environments.set(a, createFormulaEnvironment(formulaVariables(doc, a)));
    return environments.get(a)!;
  };
  const checkExpression = (expression: string, forAudiences: Audience[], expect: ResultKind, path: (string | number)[]) => {
    const failures = new Map<string, Audience[]>();
    for (const a of forAudiences) {
      const r = checkFormula(envFor(a), expression, expect);
      if (!r.ok) failures.set(r.message, [...(failures.get(r.message) ?? []), a]);
    }
    for (const [message, who] of failures) {
      const scope = isLao && who.length < forAudiences.length ? ` (สำหรับ ${who.map(typeName).join(', ')})` : '';
      add(path, `${message}${scope}`);
    }
  };

  const previousCodes = previous ? new Set(listIndicators(previous).map(({ indicator }) => indicator.code)) : null;
  if (doc.version.previous && previous === null) add(['version', 'previous'], `ไม่พบกรอบรุ่นก่อนหน้า "${doc.version.previous}" (นำเข้ารุ่นก่อนหน้าก่อน)`);
  if (previous && previous.programme.code !== doc.programme.code) add(['version', 'previous'], `กรอบรุ่นก่อนหน้า "${doc.version.previous}" เป็นของโครงการอื่น`);

  doc.areas.forEach((area, ai) => {
    checkText(area.title, ['areas', ai, 'title']);
    if (!area.indicators?.length && !area.missions?.length) add(['areas', ai], `ด้าน "${area.code}" ต้องมีตัวชี้วัดหรือภารกิจอย่างน้อยหนึ่งรายการ`);
  });

  for (const { indicator, path } of listIndicators(doc)) {
    checkIndicator(indicator, path);
  }

  function checkIndicator(ind: Indicator, path: (string | number)[]) {
    checkAppliesTo(ind.appliesTo, path);
    checkText(ind.title, [...path, 'title']);
    const who = indicatorAudiences(doc, ind);
    const isRatio = ind.numerator !== undefined || ind.denominator !== undefined;
    if (ind.formula !== undefined && isRatio) add(path, `ตัวชี้วัด ${ind.code}: ใช้ formula หรือ numerator/denominator อย่างใดอย่างหนึ่ง`);
    else if (ind.formula === undefined && !isRatio) add(path, `ตัวชี้วัด ${ind.code}: ต้องมี formula หรือ numerator และ denominator`);
    else if (isRatio && (ind.numerator === undefined || ind.denominator === undefined)) add(path, `ตัวชี้วัด ${ind.code}: อัตราส่วนต้องมีทั้ง numerator และ denominator`);
    if (ind.scale !== undefined && !isRatio) add([...path, 'scale'], `ตัวชี้วัด ${ind.code}: scale ใช้กับอัตราส่วนเท่านั้น`);
    for (const key of ['formula', 'numerator', 'denominator'] as const) {
      const expression = ind[key];
      if (expression !== undefined) checkExpression(expression, who, 'number', [...path, key]);
    }

    // Targets
    for (const key of Object.keys(ind.targets ?? {})) {
      if (key === 'all') continue;
      if (!isLao) add([...path, 'targets', key], 'โครงการที่สำนักงานเป็นผู้ตอบใช้ค่าเป้าหมาย all เท่านั้น');
      else if (!known.has(key as LaoType)) add([...path, 'targets', key], `"${key}" ไม่ใช่ประเภท อปท. ในกรอบนี้`);
      else if (!who.includes(key as LaoType)) add([...path, 'targets', key], `ตัวชี้วัด ${ind.code} ไม่ใช้กับ ${typeName(key as LaoType)} แต่มีค่าเป้าหมาย`);
    }
    if (ind.targets) {
      const missing = who.filter((a) => !targetFor(ind, a));
      if (missing.length) add([...path, 'targets'], `ตัวชี้วัด ${ind.code} ไม่มีค่าเป้าหมายสำหรับ ${missing.map(typeName).join(', ')}`);
      for (const [key, t] of Object.entries(ind.targets)) {
        const fits = ind.polarity === 'lower' ? t.comparison.startsWith('<') : t.comparison.startsWith('>');
        if (!fits) add([...path, 'targets', key, 'comparison'], `ตัวชี้วัด ${ind.code} ${ind.polarity === 'lower' ? 'ยิ่งน้อยยิ่งดี ต้องเทียบด้วย <= หรือ <' : 'ยิ่งมากยิ่งดี ต้องเทียบด้วย >= หรือ >'}`);
      }
    } else if (!ind.levels) add(path, `ตัวชี้วัด ${ind.code} ต้องมีค่าเป้าหมาย (targets) หรือเกณฑ์ระดับ (levels)`);
    if (ind.evidence?.required === 'when_met' && !ind.targets) add([...path, 'evidence'], `ตัวชี้วัด ${ind.code}: หลักฐาน "เมื่อผ่านเป้าหมาย" ต้องมีค่าเป้าหมาย`);

    // Levels and weight
    if (ind.levels) {
      const t = ind.levels.thresholds;
      const ordered = t.every((v, i) => i === 0 || (ind.polarity === 'lower' ? v < t[i - 1]! : v > t[i - 1]!));
      if (!ordered) add([...path, 'levels', 'thresholds'], `ตัวชี้วัด ${ind.code}: เกณฑ์ระดับ 1–5 ต้อง${ind.polarity === 'lower' ? 'ลดลง' : 'เพิ่มขึ้น'}ทีละระดับ`);
    }
    if (doc.programme.scored && (!ind.levels || !ind.weight)) add(path, `ตัวชี้วัด ${ind.code}: โครงการที่ให้คะแนนต้องมีเกณฑ์ระดับ (levels) และน้ำหนัก (weight)`);

    // Owner
    if (ind.owner) {
      const ownerFits = isLao ? 'area' in ind.owner : !('area' in ind.owner);
      if (!ownerFits) add([...path, 'owner'], isLao ? 'ตัวชี้วัดของ อปท. มีเจ้าของเป็นผู้รับผิดชอบด้าน (owner: {area: true})' : 'ตัวชี้วัดของสำนักงานมีเจ้าของเป็นกลุ่มงานหรือสำนักงาน');
    }

    // Year-over-year mapping
    if (ind.previous) {
      if (!doc.version.previous) add([...path, 'previous'], `ตัวชี้วัด ${ind.code} อ้างรุ่นก่อนหน้า แต่กรอบนี้ไม่ได้ระบุ version.previous`);
      else if (previousCodes && !previousCodes.has(ind.previous)) add([...path, 'previous'], `ไม่มีตัวชี้วัด "${ind.previous}" ในกรอบรุ่นก่อนหน้า ${doc.version.previous}`);
    }
  }

  // Every area must give every respondent type something to report.
  if (isLao) {
    doc.areas.forEach((area, ai) => {
      const inArea = [...(area.indicators ?? []), ...(area.missions ?? []).flatMap((m) => m.indicators)];
      const lacking = audiences(doc).filter((a) => !inArea.some((i) => indicatorAudiences(doc, i).includes(a)));
      if (lacking.length && inArea.length) add(['areas', ai], `ด้าน "${area.code}" ไม่มีตัวชี้วัดสำหรับ ${lacking.map(typeName).join(', ')}`);
    });
  }

  (doc.validations ?? []).forEach((rule, i) => {
    checkAppliesTo(rule.appliesTo, ['validations', i]);
    checkExpression(rule.expression, audiences(doc).filter((a) => a === null || !rule.appliesTo || rule.appliesTo.includes(a)), 'bool', ['validations', i, 'expression']);
  });

  return problems;
}
