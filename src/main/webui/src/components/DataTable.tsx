import type { ReactNode } from 'react';

export type Column<T> = {
  header: ReactNode;
  cell(row: T): ReactNode;
  /** Right-aligned, tabular figures (amounts, counts). */
  num?: boolean;
};

/**
 * Rows of one kind as a table: column headers scoped to their columns, the caption naming the table (or
 * `labelledBy`, the id of a heading already on the page), and `busy` while a newer version loads.
 */
export function DataTable<T>({ caption, labelledBy, columns, rows, rowKey, busy }: {
  caption?: string;
  labelledBy?: string;
  columns: Array<Column<T>>;
  rows: T[];
  rowKey(row: T, index: number): string;
  busy?: boolean;
}) {
  const numClass = (column: Column<T>) => (column.num ? 'num' : undefined);
  return (
    <div className="table-wrap">
      <table aria-labelledby={labelledBy} aria-busy={busy || undefined}>
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((column, i) => <th key={i} scope="col" className={numClass(column)}>{column.header}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={rowKey(row, i)}>
              {columns.map((column, j) => <td key={j} className={numClass(column)}>{column.cell(row)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
