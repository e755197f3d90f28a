import { Environment, serialize } from '@marcbachmann/cel-js';

// Indicator formulas and validation rules are CEL expressions over field keys. Every numeric field is a CEL
// `double`; literals such as 100 are CEL `int`, so mixed arithmetic and comparison are declared here. Every
// division is real division (5 / 2 = 2.5, also between whole numbers) and a zero denominator is not Infinity: it
// stops the evaluation with "no such service" (ไม่มีบริการสาธารณะ), which is how ODLOC reports a ratio whose
// denominator is 0. Division is rewritten to a function call before evaluation to make that hold at any depth.

export type CelType = 'double' | 'bool' | 'string' | 'list<double>' | 'list<bool>' | 'list<string>';
export type FormulaVariable = { key: string; type: CelType; label: string };
export type ResultKind = 'number' | 'bool';

export type FormulaCheck =
  | { ok: true; references: string[]; resultType: string }
  | { ok: false; message: string };

export type FormulaValue = number | boolean | string | null | (number | boolean | string | null)[];
export type FormulaOutcome =
  | { kind: 'value'; value: number | boolean }
  | { kind: 'no_service' }
  | { kind: 'missing'; keys: string[] }
  | { kind: 'error'; message: string };

class ZeroDenominator extends Error {}
const divisionFunction = 'div_';

function toNumber(v: unknown): number {
  return typeof v === 'bigint' ? Number(v) : (v as number);
}

function divide(a: unknown, b: unknown): number {
  const d = toNumber(b);
  if (d === 0) throw new ZeroDenominator('zero denominator');
  return toNumber(a) / d;
}

const arithmetic: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => a + b, '-': (a, b) => a - b, '*': (a, b) => a * b, '/': (a, b) => divide(a, b),
};
const relations: Record<string, (a: number, b: number) => boolean> = {
  '==': (a, b) => a === b, '!=': (a, b) => a !== b, '<': (a, b) => a < b, '<=': (a, b) => a <= b, '>': (a, b) => a > b, '>=': (a, b) => a >= b,
};

/** Words CEL keeps for itself: a field key cannot be one of them. */
export const reservedWords = new Set([
  'true', 'false', 'null', 'in', 'as', 'break', 'const', 'continue', 'else', 'for', 'function', 'if', 'import', 'let', 'loop', 'package',
  'namespace', 'return', 'var', 'void', 'while', 'int', 'uint', 'double', 'bool', 'string', 'bytes', 'list', 'map', 'type', 'dyn',
  'null_type', 'size', 'has', 'matches', 'timestamp', 'duration', 'all', 'exists', 'exists_one', 'filter', 'optional',
]);

export type FormulaEnvironment = { env: Environment; variables: Map<string, FormulaVariable> };

export function createFormulaEnvironment(variables: FormulaVariable[]): FormulaEnvironment {
  const env = new Environment({ homogeneousAggregateLiterals: false, limits: { maxAstNodes: 2000, maxDepth: 60, maxListElements: 200, maxMapEntries: 50, maxCallArguments: 16 } });
  const usable = variables.filter((v, i) => !reservedWords.has(v.key) && variables.findIndex((w) => w.key === v.key) === i);
  for (const v of usable) env.registerVariable(v.key, v.type);
  for (const [op, fn] of Object.entries(arithmetic)) {
    env.registerOperator(`int ${op} double: double`, (a: bigint, b: number) => fn(Number(a), b));
    env.registerOperator(`double ${op} int: double`, (a: number, b: bigint) => fn(a, Number(b)));
  }
  for (const [op, fn] of Object.entries(relations)) {
    for (const sig of [`int ${op} double`, `double ${op} int`]) {
      try {
        env.registerOperator(sig, (a: unknown, b: unknown) => fn(toNumber(a), toNumber(b)));
      } catch {
        // the library already compares int with double for this operator
      }
    }
  }
  for (const [l, r] of [['double', 'double'], ['int', 'int'], ['int', 'double'], ['double', 'int']]) {
    env.registerFunction(`${divisionFunction}(${l}, ${r}): double`, divide);
  }
  return { env, variables: new Map(usable.map((v) => [v.key, v])) };
}

type Node = { op: string; args: unknown; start?: number };

function walk(node: unknown, visit: (n: Node) => void): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  if (!node || typeof node !== 'object' || !('op' in node)) return;
  visit(node as Node);
  walk((node as Node).args, visit);
}

/** Names bound by macros (the x of list.filter(x, …)): not field keys. */
function boundNames(ast: unknown): Set<string> {
  const names = new Set<string>();
  walk(ast, (n) => {
    if (n.op === 'rcall' && Array.isArray(n.args) && Array.isArray(n.args[2])) {
      const first = (n.args[2] as Node[])[0];
      if (first?.op === 'id' && typeof first.args === 'string' && (n.args[2] as Node[]).length >= 2) names.add(first.args);
    }
  });
  return names;
}

function identifiers(ast: unknown): string[] {
  const ids: string[] = [];
  walk(ast, (n) => { if (n.op === 'id' && typeof n.args === 'string' && !ids.includes(n.args)) ids.push(n.args); });
  const bound = boundNames(ast);
  return ids.filter((id) => !bound.has(id));
}

const typeWords: Record<string, string> = { double: 'ตัวเลข', int: 'จำนวนเต็ม', bool: 'ใช่/ไม่ใช่', string: 'ข้อความ', 'list<double>': 'รายการตัวเลข', 'list<string>': 'รายการข้อความ', 'list<bool>': 'รายการใช่/ไม่ใช่' };
const typeWord = (t: string) => typeWords[t] ?? t;

function thaiCelError(e: unknown): string {
  const raw = (e as Error).message ?? String(e);
  const first = raw.split('\n')[0] ?? raw;
  const column = /\n>\s+\d+ \| .*\n(\s*)\^/.exec(raw);
  const at = column ? ` (ตำแหน่งที่ ${Math.max(1, (column[1]?.length ?? 9) - 8)})` : '';
  const overload = /^no such overload: (.+)$/.exec(first);
  if (overload) return `ใช้ตัวดำเนินการกับชนิดข้อมูลที่เข้ากันไม่ได้: ${overload[1]!.replace(/\b(double|int|bool|string|list<\w+>)\b/g, (t) => typeWord(t))}${at}`;
  const unknownFn = /^(?:Function not found|Unknown function):? '?([\w.]+)'?/i.exec(first);
  if (unknownFn) return `ไม่รู้จักฟังก์ชัน ${unknownFn[1]}${at}`;
  if ((e as Error).name === 'ParseError' || /^Unexpected|^Expected/.test(first)) return `สูตรเขียนไม่ถูกต้อง: ${first}${at}`;
  return `สูตรใช้ไม่ได้: ${first}${at}`;
}

/** Type-checks an expression. `expect` says what its result must be: a number (indicator) or true/false (rule). */
export function checkFormula(fe: FormulaEnvironment, expression: string, expect: ResultKind): FormulaCheck {
  let ast: unknown;
  try {
    ast = fe.env.parse(expression).ast;
  } catch (e) {
    return { ok: false, message: thaiCelError(e) };
  }
  const unknown = identifiers(ast).filter((id) => !fe.variables.has(id));
  if (unknown.length) return { ok: false, message: `ไม่มีช่องข้อมูล ${unknown.map((k) => `"${k}"`).join(', ')} ในแบบของกรอบนี้` };
  const checked = fe.env.check(normalised(fe, expression));
  if (!checked.valid) return { ok: false, message: thaiCelError(checked.error).replace(/ \(ตำแหน่งที่ \d+\)$/, '') };
  const type = String(checked.type);
  const fits = expect === 'bool' ? type === 'bool' : type === 'double' || type === 'int';
  if (!fits) return { ok: false, message: `ผลของสูตรต้องเป็น${expect === 'bool' ? 'จริง/เท็จ' : 'ตัวเลข'} แต่ได้${typeWord(type)}` };
  return { ok: true, references: identifiers(ast), resultType: type };
}

const numericOperators = new Set(['+', '-', '*', '/', '==', '!=', '<', '<=', '>', '>=', '?:', '-_']);

/** Whole-number literals next to numbers become decimals (so `f ? a : 0` and `a + 1` type-check with a decimal `a`),
 * and every division becomes div_(a, b): real division that stops at a zero denominator. */
function normalise(node: unknown, numericContext = false): unknown {
  if (Array.isArray(node)) return node.map((n) => normalise(n, numericContext));
  if (!node || typeof node !== 'object' || !('op' in node)) return node;
  const n = node as Node;
  if (n.op === 'value') return numericContext && typeof n.args === 'bigint' ? { ...n, args: Number(n.args) } : n;
  const args = normalise(n.args, numericOperators.has(n.op));
  if (n.op === '/' && Array.isArray(args)) return { ...n, op: 'call', args: [divisionFunction, args] };
  return { ...n, args };
}

function normalised(fe: FormulaEnvironment, expression: string): string {
  return serialize(normalise(fe.env.parse(expression).ast) as never);
}

export type CompiledFormula = { expression: string; evaluable: string; references: string[] };

/** Compiles a formula that has passed checkFormula, ready to evaluate many times. */
export function compileFormula(fe: FormulaEnvironment, expression: string): CompiledFormula {
  const ast = fe.env.parse(expression).ast;
  return { expression, evaluable: normalised(fe, expression), references: identifiers(ast).filter((id) => fe.variables.has(id)) };
}

/** Evaluates with the values entered. A referenced value that is missing (null/undefined) gives `missing`. */
export function evaluateFormula(fe: FormulaEnvironment, compiled: CompiledFormula, values: Record<string, FormulaValue | undefined>): FormulaOutcome {
  const missing = compiled.references.filter((k) => values[k] === null || values[k] === undefined);
  if (missing.length) return { kind: 'missing', keys: missing };
  const context: Record<string, unknown> = {};
  for (const k of compiled.references) context[k] = values[k];
  try {
    const out = fe.env.evaluate(compiled.evaluable, context) as unknown;
    if (typeof out === 'boolean') return { kind: 'value', value: out };
    const n = toNumber(out);
    if (typeof n !== 'number' || !Number.isFinite(n)) return { kind: 'no_service' };
    return { kind: 'value', value: n };
  } catch (e) {
    if (e instanceof ZeroDenominator) return { kind: 'no_service' };
    return { kind: 'error', message: thaiCelError(e) };
  }
}

const opWords: Record<string, string> = {
  '+': '+', '-': '−', '*': '×', '/': '÷', '%': 'เศษจากการหาร', '==': '=', '!=': '≠', '<': '<', '<=': '≤', '>': '>', '>=': '≥', '&&': 'และ', '||': 'หรือ',
};
const precedence: Record<string, number> = { '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 3, '<=': 3, '>': 3, '>=': 3, '+': 4, '-': 4, '*': 5, '/': 5, '%': 5 };

/** The formula in words for people who do not read CEL: field keys become their Thai labels. */
export function describeFormula(fe: FormulaEnvironment, expression: string): string {
  let ast: unknown;
  try {
    ast = fe.env.parse(expression).ast;
  } catch {
    return expression;
  }
  const say = (node: unknown, parent = 0): string => {
    const n = node as Node;
    if (n.op === 'id') return fe.variables.get(n.args as string)?.label ? `[${fe.variables.get(n.args as string)!.label}]` : String(n.args);
    if (n.op === 'value') return typeof n.args === 'string' ? `"${n.args}"` : typeof n.args === 'boolean' ? (n.args ? 'ใช่' : 'ไม่ใช่') : Number(n.args).toLocaleString('th-TH');
    const p = precedence[n.op];
    if (p && Array.isArray(n.args) && n.args.length === 2) {
      const s = `${say(n.args[0], p)} ${opWords[n.op]} ${say(n.args[1], p + 1)}`;
      return p < parent ? `(${s})` : s;
    }
    if (n.op === '!_') return `ไม่ใช่ (${say(n.args)})`;
    if (n.op === '?:' && Array.isArray(n.args)) return `ถ้า ${say(n.args[0])} แล้ว ${say(n.args[1])} มิฉะนั้น ${say(n.args[2])}`;
    return serialize(n as never);
  };
  return say(ast);
}
