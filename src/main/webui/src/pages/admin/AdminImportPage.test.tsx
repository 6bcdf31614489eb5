import { screen, within } from '@testing-library/react';
import { Route } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ADMIN_API, fakeServer, problem } from '../../test/fakeServer';
import { anAdmin } from '../../test/fixtures';
import { renderRoutes } from '../../test/render';
import AdminImportPage from './AdminImportPage';

const HEADER = 'sku,name,slug,description,price,stock,active,image_url';
const routes = <Route path="/admin/products/import" element={<AdminImportPage />} />;

function csv(name: string, ...rows: string[]) {
  return new File([[HEADER, ...rows].join('\n') + '\n'], name, { type: 'text/csv' });
}

describe('AdminImportPage', () => {
  it('lists the problems of a failed preview by line and keeps Import disabled', async () => {
    const { calls } = fakeServer({
      'POST /api/v1/admin/products/import': () => [422, {
        ...problem(422, 'bulk_validation_failed'),
        errors: [{ field: 'price', message: 'is not a price', line: 2 }, { field: 'sku', message: 'is required', line: 4 }],
      }],
    });
    const { user } = renderRoutes(routes, { at: '/admin/products/import', signedIn: anAdmin() });

    expect(screen.getByRole('heading', { level: 1, name: 'Import products from CSV' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Preview (dry run)' })).toBeDisabled();
    const file = csv('bad.csv', 'MUG-1,Mug,,,12.3.4,1,true,', 'MUG-2,Cup,,,1,1,true,', ',Plate,,,1,1,true,');
    await user.upload(screen.getByLabelText('CSV file'), file);
    await user.click(screen.getByRole('button', { name: 'Preview (dry run)' }));

    const table = await screen.findByRole('table', { name: 'Problems found (nothing was imported)' });
    const rows = within(table).getAllByRole('row').slice(1).map((r) =>
      within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(rows).toEqual([['2', 'price', 'is not a price'], ['4', 'sku', 'is required']]);
    expect(screen.getByRole('alert')).toHaveTextContent('nothing was saved');
    expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled();

    expect(calls(ADMIN_API)).toHaveLength(1);
    const [preview] = calls(ADMIN_API);
    expect(preview.url.searchParams.get('dryRun')).toBe('true');
    expect(String(preview.headers.getContentType())).toContain('text/csv');
    expect(preview.body).toBe(await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(file);
    }));
  });

  it('enables Import after a clean preview of the chosen file, and imports that file', async () => {
    const { requests } = fakeServer({
      'POST /api/v1/admin/products/import': ({ url }) => url.searchParams.get('dryRun') === 'true'
        ? [200, { created: 2, updated: 1, dryRun: true }]
        : [200, { created: 2, updated: 1, dryRun: false }],
    });
    const { user } = renderRoutes(routes, { at: '/admin/products/import', signedIn: anAdmin() });
    const importButton = () => screen.getByRole('button', { name: 'Import' });

    await user.upload(screen.getByLabelText('CSV file'), csv('good.csv', 'MUG-1,Mug,,,12.34,1,true,'));
    expect(importButton()).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Preview (dry run)' }));

    // (findByRole('status') could meet the "Previewing…" live region first)
    expect(await screen.findByText('Preview: 2 to create, 1 to update. Nothing was saved yet.')).toBeInTheDocument();
    expect(importButton()).toBeEnabled();

    // Another file needs its own preview.
    await user.upload(screen.getByLabelText('CSV file'), csv('other.csv', 'MUG-9,Jug,,,1,1,true,'));
    expect(importButton()).toBeDisabled();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Preview (dry run)' }));
    await screen.findByText(/Nothing was saved yet/);

    await user.click(importButton());
    expect(await screen.findByText('Imported: 2 created, 1 updated.', { exact: false })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to products' })).toHaveAttribute('href', '/admin/products');
    expect(importButton()).toBeDisabled();

    const last = requests.at(-1)!;
    expect(last.url.searchParams.has('dryRun')).toBe(false);
    expect(String(last.body)).toContain('MUG-9,Jug');
  });

  it('shows other failures as an alert', async () => {
    fakeServer({
      'POST /api/v1/admin/products/import': () => [400, problem(400, 'validation_failed')],
    });
    const { user } = renderRoutes(routes, { at: '/admin/products/import', signedIn: anAdmin() });
    await user.upload(screen.getByLabelText('CSV file'), csv('x.csv'));
    await user.click(screen.getByRole('button', { name: 'Preview (dry run)' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled();
  });
});
