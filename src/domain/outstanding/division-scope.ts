import type { Actor } from '../access/actor.ts';
import { listIndicators, type FrameworkDocument, type Indicator } from '../framework/framework-schema.ts';
import { checkFormula } from '../framework/formula.ts';
import { isWithin } from '../org/org-unit.ts';
import { environmentFor } from '../submission/check-section.ts';

// Who fills what inside a provincial office (seed 004): each indicator names the divisions (กลุ่มงาน/ฝ่าย) that own
// it; a division's officer answers the fields those indicators read, attaches their evidence and says when the
// division is done (its part, `division:<KEY>`). The office's own staff (a membership without a division) and the
// head hold the whole submission: they fill what no division owns, review the divisions' work and send it.
// A framework without division owners (the quarterly monitoring) leaves a division officer unrestricted.

export type DivisionWork = { key: string; indicators: Indicator[]; fields: string[] };
export type DivisionScope = { divisions: string[]; indicators: Set<string>; fields: Set<string> };
export type OfficeUnit = { path: string; kind: string; code: string };

const prefix = 'division:';
export const divisionPartCode = (key: string) => `${prefix}${key}`;
export const divisionKeyOfPart = (partCode: string): string | null => (partCode.startsWith(prefix) ? partCode.slice(prefix.length) : null);

const byCode = (a: Indicator, b: Indicator) => a.code.localeCompare(b.code, 'en', { numeric: true });

/** The field keys an indicator reads (offices see every field: no LAO-type audience). */
export function indicatorFields(doc: FrameworkDocument, indicator: Indicator): string[] {
  const fe = environmentFor(doc, null);
  const refs = [indicator.formula, indicator.numerator, indicator.denominator].filter((e): e is string => Boolean(e)).flatMap((e) => {
    const checked = checkFormula(fe, e, 'number');
    return checked.ok ? checked.references : [];
  });
  return [...new Set(refs)];
}

const workCache = new WeakMap<FrameworkDocument, DivisionWork[]>();

/** The divisions that own indicators in a provincial-office framework, in the order they first appear, each with its
 * indicators (by code) and every field they read. Empty for any other framework. */
export function divisionWork(doc: FrameworkDocument): DivisionWork[] {
  const cached = workCache.get(doc);
  if (cached) return cached;
  const work: DivisionWork[] = [];
  if (doc.programme.respondents === 'province_office') {
    for (const { indicator } of listIndicators(doc)) {
      const owner = indicator.owner;
      if (!owner || !('divisions' in owner)) continue;
      for (const key of owner.divisions) {
        let w = work.find((x) => x.key === key);
        if (!w) work.push((w = { key, indicators: [], fields: [] }));
        w.indicators.push(indicator);
        for (const f of indicatorFields(doc, indicator)) if (!w.fields.includes(f)) w.fields.push(f);
      }
    }
    for (const w of work) w.indicators.sort(byCode);
  }
  workCache.set(doc, work);
  return work;
}

/** A division's key from its org-unit code (`PO22-FIN` of office `PO22` → `FIN`); null when it is not this office's. */
export function divisionKeyOf(divisionUnitCode: string, officeCode: string): string | null {
  return divisionUnitCode.startsWith(`${officeCode}-`) ? divisionUnitCode.slice(officeCode.length + 1) : null;
}

/**
 * What the actor may change in this office's submission: null = everything their role allows (office staff, the
 * head, or a framework without division owners); otherwise only the indicators and fields of their divisions.
 */
export function divisionScope(actor: Actor, unit: OfficeUnit, doc: FrameworkDocument): DivisionScope | null {
  const work = divisionWork(doc);
  if (!work.length) return null;
  const memberships = actor.memberships.filter((m) => m.role === unit.kind && isWithin(unit.path, m.unitPath));
  if (!memberships.length || memberships.some((m) => m.officeUnitKind !== 'division' || !m.officeUnitCode)) return null;
  const keys = [...new Set(memberships.map((m) => divisionKeyOf(m.officeUnitCode!, unit.code)).filter((k): k is string => k !== null))];
  const mine = work.filter((w) => keys.includes(w.key));
  return {
    divisions: keys,
    indicators: new Set(mine.flatMap((w) => w.indicators.map((i) => i.code))),
    fields: new Set(mine.flatMap((w) => w.fields)),
  };
}

/** May this field be changed under the scope (null: no division limit)? */
export const inScope = (scope: DivisionScope | null, fieldKey: string) => !scope || scope.fields.has(fieldKey);

/** The internal deadline that binds an office: its own province's (the earliest), else the one for every province. */
export function internalDueOf<T extends { orgUnitId: number | null; dueAt: Date }>(deadlines: T[], provinceId: number | null): T | null {
  const own = deadlines.filter((d) => provinceId !== null && d.orgUnitId === provinceId);
  const pool = own.length ? own : deadlines.filter((d) => d.orgUnitId === null);
  return [...pool].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0] ?? null;
}

export type Timeliness = { kind: 'on_time' | 'late' | 'overdue' | 'open'; days: number };

/** A division's (or district office's) report against the internal date: sent on time or late, or still owed. */
export function timeliness(due: Date | null, readyAt: Date | null, now: Date): Timeliness | null {
  if (!due) return null;
  const day = 86_400_000;
  if (readyAt) return readyAt <= due ? { kind: 'on_time', days: 0 } : { kind: 'late', days: Math.ceil((readyAt.getTime() - due.getTime()) / day) };
  return now > due ? { kind: 'overdue', days: Math.ceil((now.getTime() - due.getTime()) / day) } : { kind: 'open', days: Math.floor((due.getTime() - now.getTime()) / day) };
}
