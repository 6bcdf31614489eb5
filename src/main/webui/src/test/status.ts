import { screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';

/**
 * Waits until some live region (role=status) says `text`. A page may hold more than one at a time (a
 * notice beside a "Loading…" of the reload it triggered), so `findByRole('status')` alone would be racy.
 */
export async function expectStatus(text: string): Promise<void> {
  await waitFor(() => {
    const said = screen.queryAllByRole('status').map((region) => region.textContent ?? '');
    expect(said.some((t) => t.includes(text)), `a status saying "${text}" among ${JSON.stringify(said)}`).toBe(true);
  });
}
