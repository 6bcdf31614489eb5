import { Field } from '../../components/ui';

/** The server's password rule (8 to 128 characters), for every form that sets a password. */
export function NewPasswordField({ label, value, error, onChange }:
  { label: string; value: string; error?: string; onChange(value: string): void }) {
  return (
    <Field label={label} type="password" name="password" required minLength={8} maxLength={128}
      autoComplete="new-password" hint="8 to 128 characters" value={value}
      error={error} onChange={(e) => onChange(e.target.value)} />
  );
}
