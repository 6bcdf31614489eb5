import { useMemo, type ChangeEvent } from 'react';
import type { ShippingAddress } from '../../api/generated';
import { Field, SelectField } from '../../components/ui';
import { countryOptions } from '../../lib/countries';

/** The address form's own state: every field a string, as the inputs hold them. */
export type AddressForm = {
  fullName: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  phone: string;
};

export function emptyAddress(fullName = ''): AddressForm {
  return { fullName, line1: '', line2: '', city: '', region: '', postalCode: '', country: 'US', phone: '' };
}

/** The API's ShippingAddress: trimmed, with empty optional fields as null. */
export function toShippingAddress(a: AddressForm): ShippingAddress {
  const optional = (s: string) => s.trim() || null;
  return {
    fullName: a.fullName.trim(),
    line1: a.line1.trim(),
    line2: optional(a.line2),
    city: a.city.trim(),
    region: optional(a.region),
    postalCode: a.postalCode.trim(),
    country: a.country,
    phone: optional(a.phone),
  };
}

/** The shipping address fieldset; `errors` are keyed by field name (`postalCode`), as the server names them. */
export function AddressFields({ value, errors, onChange }: {
  value: AddressForm;
  errors: Record<string, string>;
  onChange(field: keyof AddressForm, value: string): void;
}) {
  const countries = useMemo(() => {
    const list = countryOptions();
    // a country typed elsewhere (an older order, autofill) stays selectable
    return list.some((c) => c.code === value.country) ? list : [{ code: value.country, name: value.country }, ...list];
  }, [value.country]);
  const text = (field: keyof AddressForm) => ({
    name: field,
    value: value[field],
    error: errors[field],
    onChange: (e: ChangeEvent<HTMLInputElement>) => onChange(field, e.target.value),
  });
  return (
    <fieldset>
      <legend>Shipping address</legend>
      <Field label="Full name" required autoComplete="name" {...text('fullName')} />
      <Field label="Address line 1" required autoComplete="address-line1" {...text('line1')} />
      <Field label="Address line 2 (optional)" autoComplete="address-line2" {...text('line2')} />
      <div className="form-row">
        <Field label="City" required autoComplete="address-level2" {...text('city')} />
        <Field label="State / region (optional)" autoComplete="address-level1" {...text('region')} />
      </div>
      <div className="form-row">
        <Field label="Postal code" required autoComplete="postal-code" {...text('postalCode')} />
        <SelectField label="Country" name="country" autoComplete="country" value={value.country}
          error={errors.country} onChange={(e) => onChange('country', e.target.value)}>
          {countries.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
        </SelectField>
      </div>
      <Field label="Phone (optional)" type="tel" autoComplete="tel" {...text('phone')} />
    </fieldset>
  );
}
