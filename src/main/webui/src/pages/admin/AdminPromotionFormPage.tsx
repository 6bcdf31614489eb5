import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import {
  adminCreatePromotion, adminDeletePromotion, adminGetPromotion, adminUpdatePromotion, listCategories,
  type Promotion, type PromotionCreate, type PromotionPatch,
} from '../../api/generated';
import { serverFieldErrors } from './adminCommon';
import { useStoreCurrency } from '../../cart/CartContext';
import { CategoryPicker } from '../../components/CategoryPicker';
import { Facts } from '../../components/Facts';
import { LoadGate } from '../../components/LoadGate';
import { Checkbox, ErrorAlert, Field, Notice, SelectField, SubmitButton, formatDate, usePageTitle } from '../../components/ui';
import { parseMoney, toMajorString } from '../../lib/money';
import { useLoad } from '../../lib/useLoad';
import { useSubmit, type Submit } from '../../lib/useSubmit';
import {
  MAX_BASIS_POINTS, PROMOTION_TYPE_LABELS, basisPointsToPercent, confirmDeactivate, fromLocalInput, percentToBasisPoints, toLocalInput,
  usageText, type PromotionType,
} from './promotionValues';

type Values = {
  code: string;
  type: PromotionType;
  /** A percent ("12.5") for percent, an amount in major units ("5.00") for fixed; unused for free shipping. */
  value: string;
  minSubtotal: string;
  startsAt: string;
  endsAt: string;
  usageLimit: string;
  perCustomerLimit: string;
  active: boolean;
  categoryIds: string[];
};

type FieldName = keyof Values;
type Errors = Partial<Record<FieldName, string>>;

const EMPTY: Values = {
  code: '', type: 'percent', value: '', minSubtotal: '', startsAt: '', endsAt: '', usageLimit: '',
  perCustomerLimit: '', active: true, categoryIds: [],
};

/** The form's field for each field name the server reports. */
const SERVER_FIELDS: Record<string, FieldName> = {
  code: 'code', type: 'type', value: 'value', minSubtotalCents: 'minSubtotal', startsAt: 'startsAt', endsAt: 'endsAt',
  usageLimit: 'usageLimit', perCustomerLimit: 'perCustomerLimit', active: 'active', categoryIds: 'categoryIds',
};

const CODE = /^[A-Za-z0-9_-]+$/;
const MAX_INT = 2_147_483_647;

function valueText(p: Promotion, currency: string): string {
  if (p.type === 'percent') return basisPointsToPercent(p.value);
  if (p.type === 'fixed') return toMajorString(p.value, currency);
  return '';
}

function valuesOf(p: Promotion, currency: string): Values {
  return {
    code: p.code,
    type: p.type,
    value: valueText(p, currency),
    minSubtotal: p.minSubtotalCents > 0 ? toMajorString(p.minSubtotalCents, currency) : '',
    startsAt: toLocalInput(p.startsAt),
    endsAt: toLocalInput(p.endsAt),
    usageLimit: p.usageLimit === null ? '' : String(p.usageLimit),
    perCustomerLimit: p.perCustomerLimit === null ? '' : String(p.perCustomerLimit),
    active: p.active,
    categoryIds: [...p.categoryIds],
  };
}

/** The promotion's value as the API takes it: basis points, cents, or 0 for free shipping (null: not valid). */
function valueOf(v: Values, currency: string): number | null {
  if (v.type === 'percent') return percentToBasisPoints(v.value);
  if (v.type === 'fixed') return parseMoney(v.value, currency);
  return 0;
}

/** An optional whole number ('' is none); undefined when the text is not one. */
function optionalCount(text: string): number | null | undefined {
  const t = text.trim();
  if (!t) return null;
  if (!/^\d+$/.test(t) || Number(t) > MAX_INT) return undefined;
  return Number(t);
}

/** The same rules as the server, so most mistakes are caught before a round trip. */
export function validate(v: Values, currency: string): Errors {
  const errors: Errors = {};
  const code = v.code.trim();
  if (!code) errors.code = 'Enter a code';
  else if (code.length > 64) errors.code = 'Use at most 64 characters';
  else if (!CODE.test(code)) errors.code = "Use only letters, digits, '-' and '_'";

  const value = valueOf(v, currency);
  if (v.type === 'percent') {
    if (value === null) errors.value = 'Enter a percent like 12.5 (at most 2 decimals)';
    else if (value < 1 || value > MAX_BASIS_POINTS) errors.value = 'Enter a percent from 0.01 to 100';
  } else if (v.type === 'fixed') {
    if (value === null) errors.value = `Enter an amount like ${toMajorString(500, currency)}`;
    else if (value < 1) errors.value = 'Enter an amount greater than 0';
  }

  if (v.minSubtotal.trim() && parseMoney(v.minSubtotal, currency) === null) {
    errors.minSubtotal = `Enter an amount like ${toMajorString(5000, currency)}, or leave it empty`;
  }
  const startsAt = v.startsAt.trim() ? fromLocalInput(v.startsAt) : null;
  const endsAt = v.endsAt.trim() ? fromLocalInput(v.endsAt) : null;
  if (v.startsAt.trim() && !startsAt) errors.startsAt = 'Enter a date and time, or leave it empty';
  if (v.endsAt.trim() && !endsAt) errors.endsAt = 'Enter a date and time, or leave it empty';
  if (startsAt && endsAt && Date.parse(endsAt) <= Date.parse(startsAt)) errors.endsAt = 'Must be after the start';

  if (optionalCount(v.usageLimit) === undefined) errors.usageLimit = 'Enter a whole number, 0 or more, or leave it empty';
  const perCustomer = optionalCount(v.perCustomerLimit);
  if (perCustomer === undefined || perCustomer === 0) {
    errors.perCustomerLimit = 'Enter a whole number, 1 or more, or leave it empty';
  }
  return errors;
}

/** Field errors from a failed save, keyed by the form's field names. */
function serverErrors(form: Submit): Errors {
  return serverFieldErrors(form, SERVER_FIELDS, { code_taken: 'code' });
}

function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

/** The changed fields only; an emptied optional bound is sent as null (no bound). */
function patchOf(p: Promotion, v: Values, currency: string): PromotionPatch {
  const old = valuesOf(p, currency);
  const patch: PromotionPatch = {};
  const code = v.code.trim();
  if (code !== p.code) patch.code = code;
  if (v.type !== p.type) patch.type = v.type;
  const value = valueOf(v, currency)!;
  if (v.type !== p.type || value !== p.value) patch.value = value;
  const minSubtotal = v.minSubtotal.trim() ? parseMoney(v.minSubtotal, currency)! : 0;
  if (minSubtotal !== p.minSubtotalCents) patch.minSubtotalCents = minSubtotal;
  if (v.startsAt.trim() !== old.startsAt) patch.startsAt = v.startsAt.trim() ? fromLocalInput(v.startsAt) : null;
  if (v.endsAt.trim() !== old.endsAt) patch.endsAt = v.endsAt.trim() ? fromLocalInput(v.endsAt) : null;
  const usageLimit = optionalCount(v.usageLimit)!;
  if (usageLimit !== p.usageLimit) patch.usageLimit = usageLimit;
  const perCustomerLimit = optionalCount(v.perCustomerLimit)!;
  if (perCustomerLimit !== p.perCustomerLimit) patch.perCustomerLimit = perCustomerLimit;
  if (v.active !== p.active) patch.active = v.active;
  if (!sameIds(v.categoryIds, p.categoryIds)) patch.categoryIds = v.categoryIds;
  return patch;
}

function createOf(v: Values, currency: string): PromotionCreate {
  const body: PromotionCreate = { code: v.code.trim(), type: v.type, value: valueOf(v, currency)!, active: v.active };
  if (v.minSubtotal.trim()) body.minSubtotalCents = parseMoney(v.minSubtotal, currency)!;
  if (v.startsAt.trim()) body.startsAt = fromLocalInput(v.startsAt)!;
  if (v.endsAt.trim()) body.endsAt = fromLocalInput(v.endsAt)!;
  const usageLimit = optionalCount(v.usageLimit);
  if (typeof usageLimit === 'number') body.usageLimit = usageLimit;
  const perCustomerLimit = optionalCount(v.perCustomerLimit);
  if (typeof perCustomerLimit === 'number') body.perCustomerLimit = perCustomerLimit;
  if (v.categoryIds.length) body.categoryIds = v.categoryIds;
  return body;
}

const BACK = <p><Link to="/admin/promotions">Back to promotions</Link></p>;

export default function AdminPromotionFormPage() {
  const { id } = useParams();
  // A new instance per promotion, so nothing carries over from /new to the created promotion's page.
  return id ? <EditPromotion key={id} id={id} /> : <PromotionForm promotion={null} />;
}

function EditPromotion({ id }: { id: string }) {
  const promotion = useLoad(async () => (await adminGetPromotion({ path: { id }, throwOnError: true })).data, [id]);
  usePageTitle(promotion.data ? `Edit ${promotion.data.code}` : 'Edit promotion');
  return (
    <LoadGate state={promotion} title="Edit promotion" loadingLabel="Loading promotion…"
      notFound="Promotion not found" notFoundBody={BACK}>
      {(p) => <PromotionForm promotion={p} onSaved={promotion.setData} />}
    </LoadGate>
  );
}

function PromotionForm({ promotion, onSaved }: { promotion: Promotion | null; onSaved?(p: Promotion): void }) {
  const location = useLocation();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const currency = useStoreCurrency();
  const [values, setValues] = useState<Values>(() => (promotion ? valuesOf(promotion, currency) : EMPTY));
  const [clientErrors, setClientErrors] = useState<Errors>({});
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<string | null>(
    () => (location.state as { notice?: string } | null)?.notice ?? null);
  const form = useSubmit();
  const categoryTree = useLoad(async () => (await listCategories({ throwOnError: true })).data, []);
  usePageTitle(promotion ? `Edit ${promotion.code}` : 'New promotion');

  // The "Promotion created" notice came in the router state: drop it from history so a reload does not repeat it.
  useEffect(() => {
    if ((location.state as { notice?: string } | null)?.notice) {
      navigate(location.pathname + location.search, { replace: true, state: null });
    }
  }, []); // once, on arrival

  // After a refused submit, take the keyboard to the first field that needs attention.
  useEffect(() => {
    if (attempt > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const errors: Errors = { ...serverErrors(form), ...clientErrors };

  function set<K extends keyof Values>(name: K, value: Values[K]) {
    setValues((v) => ({ ...v, [name]: value }));
    setClientErrors((e) => {
      if (!(name in e)) return e;
      const { [name]: _removed, ...rest } = e;
      return rest;
    });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    form.reset();
    const found = validate(values, currency);
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    void form.run(async () => {
      if (!promotion) {
        const { data } = await adminCreatePromotion({ body: createOf(values, currency), throwOnError: true });
        navigate(`/admin/promotions/${data.id}`, { state: { notice: `Promotion ${data.code} created` } });
        return;
      }
      const patch = patchOf(promotion, values, currency);
      if (Object.keys(patch).length === 0) {
        setNotice('Nothing to save: no field was changed.');
        return;
      }
      const { data } = await adminUpdatePromotion({ path: { id: promotion.id }, body: patch, throwOnError: true });
      setValues(valuesOf(data, currency));
      onSaved?.(data);
      setNotice('Changes saved');
    }, { onProblem: () => { setAttempt((n) => n + 1); } });
  }

  function deactivate() {
    if (!promotion || !confirmDeactivate(promotion.code)) return;
    setNotice(null);
    void form.run(async () => {
      await adminDeletePromotion({ path: { id: promotion.id }, throwOnError: true });
      const { data } = await adminGetPromotion({ path: { id: promotion.id }, throwOnError: true });
      // Keep whatever else is being edited; only the saved state moved on.
      setValues((v) => ({ ...v, active: data.active }));
      onSaved?.(data);
      setNotice(`Deactivated ${data.code}`);
    });
  }

  const hasClientErrors = Object.keys(clientErrors).length > 0;
  const valueField = values.type === 'percent' ? (
    <Field label="Percent off" name="value" inputMode="decimal" required value={values.value} error={errors.value}
      hint="A percent of the eligible subtotal, e.g. 12.5 (0.01 to 100)" autoComplete="off"
      onChange={(e) => set('value', e.target.value)} />
  ) : values.type === 'fixed' ? (
    <Field label="Amount off" name="value" inputMode="decimal" required value={values.value} error={errors.value}
      hint={`In ${currency}, e.g. ${toMajorString(500, currency)}; never more than the eligible subtotal`}
      autoComplete="off" onChange={(e) => set('value', e.target.value)} />
  ) : (errors.value ? <p className="field-error">{errors.value}</p> : null);

  return (
    <>
      {BACK}
      <h1>{promotion ? `Edit ${promotion.code}` : 'New promotion'}</h1>
      {promotion ? (
        <>
          <div className="toolbar">
            {promotion.active ? (
              <button type="button" className="secondary" onClick={deactivate} disabled={form.busy}>Deactivate</button>
            ) : <span className="badge">Inactive</span>}
          </div>
          <Facts items={[
            ['Used', <span data-testid="usage">{usageText(promotion)}</span>],
            ['Created', formatDate(promotion.createdAt)],
          ]} />
        </>
      ) : null}

      {notice ? <Notice>{notice}</Notice> : null}
      {hasClientErrors ? <ErrorAlert message="Please correct the highlighted fields." />
        : <ErrorAlert problem={form.problem} message={form.message} />}

      <form ref={formRef} onSubmit={submit} noValidate aria-label={promotion ? 'Edit promotion' : 'New promotion'}>
        <div className="form-row">
          <Field label="Code" name="code" required value={values.code} error={errors.code} autoComplete="off"
            spellCheck={false} hint="What shoppers type; letters, digits, '-' and '_' (matched case-insensitively)"
            onChange={(e) => set('code', e.target.value)} />
          <SelectField label="Type" name="type" value={values.type} error={errors.type}
            onChange={(e) => set('type', e.target.value as PromotionType)}>
            {(Object.keys(PROMOTION_TYPE_LABELS) as PromotionType[]).map((t) => (
              <option key={t} value={t}>{PROMOTION_TYPE_LABELS[t]}</option>
            ))}
          </SelectField>
        </div>
        {valueField}
        <div className="form-row">
          <Field label="Starts (optional)" name="startsAt" type="datetime-local" value={values.startsAt}
            error={errors.startsAt} hint="Your local time; empty: no start"
            onChange={(e) => set('startsAt', e.target.value)} />
          <Field label="Ends (optional)" name="endsAt" type="datetime-local" value={values.endsAt}
            error={errors.endsAt} hint="Your local time; empty: no end" onChange={(e) => set('endsAt', e.target.value)} />
        </div>
        <div className="form-row">
          <Field label="Usage limit (optional)" name="usageLimit" inputMode="numeric" value={values.usageLimit}
            error={errors.usageLimit} hint="Orders in all; empty: no limit" autoComplete="off"
            onChange={(e) => set('usageLimit', e.target.value)} />
          <Field label="Per customer (optional)" name="perCustomerLimit" inputMode="numeric"
            value={values.perCustomerLimit} error={errors.perCustomerLimit}
            hint="Orders per account, or per email for guests; empty: no limit" autoComplete="off"
            onChange={(e) => set('perCustomerLimit', e.target.value)} />
          <Field label="Minimum subtotal (optional)" name="minSubtotal" inputMode="decimal" value={values.minSubtotal}
            error={errors.minSubtotal} hint={`In ${currency}; empty: none`} autoComplete="off"
            onChange={(e) => set('minSubtotal', e.target.value)} />
        </div>
        <CategoryPicker tree={categoryTree.data ?? []} selected={values.categoryIds} error={errors.categoryIds}
          onChange={(ids) => set('categoryIds', ids)} />
        <p className="muted">No category picked: the code applies to the whole catalog.</p>
        <Checkbox label="Active" name="active" checked={values.active} error={errors.active}
          hint="Only active codes can be applied" onChange={(e) => set('active', e.target.checked)} />
        <SubmitButton busy={form.busy}>{promotion ? 'Save changes' : 'Create promotion'}</SubmitButton>
      </form>
    </>
  );
}
