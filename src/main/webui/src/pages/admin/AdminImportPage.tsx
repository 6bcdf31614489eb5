import { useId, useState, type ChangeEvent } from 'react';
import { Link } from 'react-router';
import { adminImportProductsCsv, type FieldError, type ImportResult } from '../../api/generated';
import { ErrorAlert, Field, Loading, Notice, usePageTitle } from '../../components/ui';
import { useSubmit } from '../../lib/useSubmit';

const HEADER = 'sku,name,slug,description,price,stock,active,image_url';

/** A clean dry run of one chosen file, with the exact text that was checked (so Import sends the same). */
type Preview = { file: File; text: string; created: number; updated: number };

function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsText(file);
  });
}

export default function AdminImportPage() {
  usePageTitle('Import products from CSV');
  const hintId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [mode, setMode] = useState<'preview' | 'import'>('preview');
  // reset() on every file choice: answers about an earlier file are dropped
  const action = useSubmit();
  const { problem } = action;

  function choose(event: ChangeEvent<HTMLInputElement>) {
    action.reset();
    setFile(event.target.files?.[0] ?? null);
    setPreview(null);
    setResult(null);
  }

  function runPreview() {
    if (!file) return;
    setMode('preview');
    setPreview(null);
    setResult(null);
    void action.run(async () => {
      const text = await readText(file);
      const { data } = await adminImportProductsCsv({ body: text, query: { dryRun: true }, throwOnError: true });
      return { file, text, created: data.created, updated: data.updated };
    }, { onSuccess: setPreview });
  }

  function runImport() {
    if (!preview || preview.file !== file) return;
    setMode('import');
    void action.run(async () => (await adminImportProductsCsv({ body: preview.text, throwOnError: true })).data, {
      onSuccess: (data) => {
        setResult(data);
        setPreview(null);
      },
      onProblem: () => { setPreview(null); },
    });
  }

  const lineErrors: FieldError[] = problem?.code === 'bulk_validation_failed' ? problem.errors ?? [] : [];
  const canImport = !!preview && preview.file === file && !action.busy;

  return (
    <>
      <h1>Import products from CSV</h1>
      <p>
        The first row must be this header: <code>{HEADER}</code>
      </p>
      <ul>
        <li><code>price</code> is in major units, e.g. <code>12.34</code>; <code>stock</code> is a whole number.</li>
        <li>Rows are matched by <code>sku</code>: a known SKU updates that product, a new one creates a product.</li>
        <li><code>active</code> is <code>true</code> or <code>false</code> (empty means true); an empty <code>slug</code> is derived from the name.</li>
        <li>All or nothing: if any line is invalid, nothing is imported.</li>
      </ul>
      <p>Preview the file first: the dry run checks every line and saves nothing.</p>

      <div style={{ display: 'grid', gap: '.75rem', maxWidth: 640 }}>
        <Field label="CSV file" type="file" accept=".csv,text/csv" onChange={choose} />
        <div className="toolbar">
          <button type="button" className="secondary" onClick={runPreview} disabled={!file || action.busy}>
            Preview (dry run)
          </button>
          <button type="button" onClick={runImport} disabled={!canImport} aria-describedby={hintId}>
            Import
          </button>
          <small id={hintId} className="hint">Import is enabled after a clean preview of the chosen file.</small>
        </div>
      </div>

      {preview && preview.file === file ? (
        <Notice>{`Preview: ${preview.created} to create, ${preview.updated} to update. Nothing was saved yet.`}</Notice>
      ) : null}
      {action.busy ? <Loading label={mode === 'preview' ? 'Checking the file…' : 'Importing…'} /> : null}
      {result ? (
        <Notice>
          {`Imported: ${result.created} created, ${result.updated} updated. `}
          <Link to="/admin/products">Back to products</Link>
        </Notice>
      ) : null}

      <ErrorAlert problem={problem} message={action.message} />
      {lineErrors.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>Problems found (nothing was imported)</caption>
            <thead>
              <tr>
                <th scope="col" className="num">Line</th>
                <th scope="col">Field</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {lineErrors.map((e, i) => (
                <tr key={`${e.line ?? ''}-${e.field}-${i}`}>
                  <td className="num">{e.line ?? '—'}</td>
                  <td>{e.field || '—'}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
