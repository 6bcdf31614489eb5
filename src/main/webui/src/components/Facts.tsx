import { Fragment, type ReactNode } from 'react';

/** Label / value pairs (status, dates, numbers, customer details) as a two-column definition list. */
export function Facts({ items }: { items: Array<[string, ReactNode] | null | false> }) {
  return (
    <dl className="facts">
      {items.filter((item): item is [string, ReactNode] => !!item).map(([term, value]) => (
        <Fragment key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
