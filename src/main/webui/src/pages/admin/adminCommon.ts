import type { Role } from '../../api/generated';
import { messageOf } from '../../api/problem';
import type { Submit } from '../../lib/useSubmit';

/** Admin list pages ask for this many rows. */
export const PAGE_SIZE = 20;

const ROLE_LABELS: Record<Role, string> = { admin: 'Admin', customer: 'Customer' };

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role] ?? role;
}

/**
 * A form's field errors from a failed save: the server's field errors under the form's names (`fields` maps
 * the server's field names to the form's), then each conflict code's message on its field (`conflicts`).
 */
export function serverFieldErrors<F extends string>({ problem, fieldErrors }: Submit, fields: Record<string, F>,
  conflicts: Record<string, F> = {}): Partial<Record<F, string>> {
  if (!problem) return {};
  const out: Partial<Record<F, string>> = {};
  for (const [field, message] of Object.entries(fieldErrors)) {
    const name = fields[field];
    if (name && !out[name]) out[name] = message;
  }
  const onField = conflicts[problem.code];
  if (onField) out[onField] = messageOf(problem);
  return out;
}
