import { DataTable, type Column } from '../DataTable';
import { Price } from '../ui';

type Line = {
  name: string; sku?: string; unitPriceCents: number; quantity: number; lineTotalCents: number;
  options?: Record<string, string>;
  /** The line's share of the order's discount. */
  discountCents?: number;
};

/**
 * An order's (or tracked order's) lines as a table: product (with its SKU), unit price, quantity, line total,
 * and each line's share of the discount when the order has one. The table is named by its caption, or by a heading already on the page (`labelledBy`, its id).
 */
export function OrderItems({ items, currency, caption = 'Items', labelledBy }:
  { items: Line[]; currency: string; caption?: string; labelledBy?: string }) {
  const columns: Array<Column<Line>> = [
    {
      header: 'Product',
      cell: (item) => (
        <>
          {item.name}{item.sku ? <small className="muted"> ({item.sku})</small> : null}
          {item.options && Object.keys(item.options).length > 0
            ? <div className="muted">{Object.entries(item.options).map(([n, v]) => `${n}: ${v}`).join(', ')}</div> : null}
        </>
      ),
    },
    { header: 'Unit price', num: true, cell: (item) => <Price cents={item.unitPriceCents} currency={currency} /> },
    { header: 'Quantity', num: true, cell: (item) => item.quantity },
    { header: 'Total', num: true, cell: (item) => <Price cents={item.lineTotalCents} currency={currency} /> },
  ];
  if (items.some((item) => (item.discountCents ?? 0) > 0)) {
    columns.push({
      header: 'Discount', num: true,
      cell: (item) => (item.discountCents ? <Price cents={-item.discountCents} currency={currency} /> : '—'),
    });
  }
  return (
    <DataTable caption={labelledBy ? undefined : caption} labelledBy={labelledBy} columns={columns} rows={items}
      rowKey={(item, i) => `${item.sku ?? ''}-${i}`} />
  );
}
