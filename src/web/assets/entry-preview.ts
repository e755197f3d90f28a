import { checkFormula, compileFormula, createFormulaEnvironment, evaluateFormula, type CompiledFormula, type FormulaOutcome, type FormulaValue } from '../../domain/framework/formula.ts';
import { describeOutcome } from '../../domain/submission/indicator-display.ts';
import { parseFieldValue, type StoredValue } from '../../domain/submission/parse-field-value.ts';
import type { PreviewModel } from '../routes/submissions/page-model.ts';

// The live indicator preview: the same CEL engine (formula.ts), the same parsing of what was typed
// (parse-field-value.ts) and the same words (indicator-display.ts) as the server. The server sends what it would
// feed computeIndicators — the formulas, the variables they read, the answers stored in other sections — and this
// file fills in this section's inputs the way check-section.ts formulaValues does (a repeated field is a list in
// the list's order, missing while any item is blank). It imports no framework schema (zod stays on the server).

const inputName = (fieldKey: string, itemCode: string) => (itemCode ? `${fieldKey}__${itemCode}` : fieldKey);

export function startPreview(form: HTMLFormElement): void {
  const model = JSON.parse(form.dataset.preview ?? 'null') as PreviewModel | null;
  if (!model) return;
  const fe = createFormulaEnvironment(model.variables);
  const compile = (expression: string): CompiledFormula | string => {
    const checked = checkFormula(fe, expression, 'number');
    return checked.ok ? compileFormula(fe, expression) : checked.message;
  };
  const indicators = model.indicators.map((i) => ({
    code: i.code, unit: i.unit,
    compiled: compile(i.formula ?? `(${i.numerator}) / (${i.denominator}) * ${i.scale ?? 100}`),
    out: form.querySelector<HTMLElement>(`[data-indicator="${CSS.escape(i.code)}"] .indicator-value`),
  }));

  const typed = (name: string): string => {
    const el = form.elements.namedItem(name);
    if (!el) return '';
    return el instanceof RadioNodeList ? el.value : (el as HTMLInputElement).value;
  };
  const parsed = (field: PreviewModel['fields'][string]['field'], name: string): StoredValue => {
    const r = parseFieldValue(field, typed(name));
    return r.ok ? r.value : null;
  };

  const compute = () => {
    const inputs: Record<string, FormulaValue> = { ...model.stored };
    for (const [key, { field, items }] of Object.entries(model.fields)) {
      if (!items) {
        inputs[key] = parsed(field, key);
      } else {
        const list = items.map((code) => parsed(field, inputName(key, code)));
        inputs[key] = list.some((v) => v === null) ? null : (list as FormulaValue);
      }
    }
    for (const i of indicators) {
      const outcome: FormulaOutcome = typeof i.compiled === 'string' ? { kind: 'error', message: i.compiled } : evaluateFormula(fe, i.compiled, inputs);
      if (i.out) i.out.textContent = describeOutcome(outcome, i.unit);
    }
  };

  let frame = 0;
  form.addEventListener('input', () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(compute);
  });
  compute();
}
