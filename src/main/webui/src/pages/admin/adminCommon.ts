import type { Role } from '../../api/generated';

/** Admin list pages ask for this many rows. */
export const PAGE_SIZE = 20;

const ROLE_LABELS: Record<Role, string> = { admin: 'Admin', customer: 'Customer' };

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role] ?? role;
}
