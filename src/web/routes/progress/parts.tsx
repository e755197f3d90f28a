import { laoTypeLabels, type LaoType } from '../../../domain/org/lao-type.ts';
import { progressFilterLabels, progressFilters, type ProgressFilter } from '../../../domain/progress/progress-figures.ts';
import type { Place } from '../../../services/progress/progress-context.ts';
import { ErrorSummary } from '../../components/forms.tsx';
import { SelectField } from '../rounds/fields.tsx';
import { progressQuery, respondentSorts, sortLabels } from './schema.ts';

export { shortDateTime } from '../../../domain/dates/thai-date.ts';
export { areaInWords as areaWords } from '../../../domain/progress/progress-scope.ts';

// Pieces both progress pages share: the area in words, the filter form (a GET form: it works without JavaScript),
// the number with its share and a bar.

export const n = (v: number) => v.toLocaleString('th-TH');

/** "45.2%" (one decimal, "—" when nothing is expected). */
export const pct = (v: number | null) => (v === null ? '—' : `${v.toLocaleString('th-TH', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`);

/** A bar drawn by the browser from the value alone (no inline style: the CSP forbids it); the number beside it is
 * what a screen reader reads. */
export const Bar = (props: { value: number | null }) => (props.value === null ? null : <meter class="bar" min="0" max="100" value={String(props.value)} aria-hidden="true" />);

/** The chase page (reminders) for the same area and, where it has one, the same state: it chases only what is not
 * sent, and calls "late" what this page calls overdue. */
const chaseStates: Partial<Record<ProgressFilter, string>> = { not_started: 'not_started', in_progress: 'in_progress', awaiting_approval: 'in_progress', returned: 'in_progress', overdue: 'late' };
export const chaseHref = (roundId: number, area: { province: string | null; district: string | null; type: string | null }, state: ProgressFilter | null) =>
  `/rounds/${roundId}/chase${progressQuery({ ...area, state: state ? chaseStates[state] ?? null : null })}`;

export type FilterFormProps = {
  action: string;
  provinceChoices: Place[];
  districtChoices: Place[];
  /** Offer "every province" (the actor sees the nation). */
  nation: boolean;
  laoTypes: LaoType[];
  values: Record<string, string>;
  errors: Record<string, string>;
  /** The respondent list also filters by state and sorts. */
  list?: boolean;
};

export function FilterForm(p: FilterFormProps) {
  const provinceOptions = [...(p.nation ? [{ value: '', label: 'ทุกจังหวัด' }] : []), ...p.provinceChoices.map((c) => ({ value: c.code, label: c.name }))];
  const showProvince = p.nation || p.provinceChoices.length > 1 || Boolean(p.errors.province);
  const showDistrict = p.districtChoices.length > 1 || Boolean(p.errors.district);
  return (
    <>
      <ErrorSummary errors={p.errors} />
      <form method="get" action={p.action} class="progress-filters" aria-label="เลือกพื้นที่และประเภท">
        {showProvince ? <SelectField name="province" label="จังหวัด" options={provinceOptions} value={p.values.province ?? ''} error={p.errors.province} /> : null}
        {showDistrict ? <SelectField name="district" label="อำเภอ" options={[{ value: '', label: 'ทุกอำเภอ' }, ...p.districtChoices.map((c) => ({ value: c.code, label: c.name }))]} value={p.values.district ?? ''} error={p.errors.district} /> : null}
        {!showProvince && p.values.province ? <input type="hidden" name="province" value={p.values.province} /> : null}
        {!showDistrict && p.values.district ? <input type="hidden" name="district" value={p.values.district} /> : null}
        {p.laoTypes.length > 1 || p.errors.type ? (
          <SelectField name="type" label="ประเภท อปท." options={[{ value: '', label: 'ทุกประเภท' }, ...p.laoTypes.map((t) => ({ value: t, label: laoTypeLabels[t].full }))]} value={p.values.type ?? ''} error={p.errors.type} />
        ) : null}
        {p.list ? (
          <>
            <SelectField name="state" label="สถานะ" options={[{ value: '', label: 'ทุกสถานะ' }, ...progressFilters.map((s) => ({ value: s, label: progressFilterLabels[s] }))]} value={p.values.state ?? ''} error={p.errors.state} />
            <SelectField name="sort" label="เรียงตาม" options={respondentSorts.map((s) => ({ value: s, label: sortLabels[s] }))} value={p.values.sort ?? 'name'} error={p.errors.sort} />
          </>
        ) : null}
        {p.errors.page ? <p class="error-message" id="page">{p.errors.page}</p> : null}
        <div class="field"><button type="submit" class="button button-secondary">แสดง</button></div>
      </form>
    </>
  );
}
