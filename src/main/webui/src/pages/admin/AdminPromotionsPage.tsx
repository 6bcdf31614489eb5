import { useState } from 'react';
import { Link } from 'react-router';
import { adminDeletePromotion, adminListPromotions, type Promotion } from '../../api/generated';
import { useStoreCurrency } from '../../cart/CartContext';
import { DataTable, type Column } from '../../components/DataTable';
import { FilterForm, ListView } from '../../components/ListView';
import { EmptyState, ErrorAlert, Field, Notice, SelectField, usePageTitle } from '../../components/ui';
import { useLoad } from '../../lib/useLoad';
import { usePageParams } from '../../lib/usePageParams';
import { useSubmit } from '../../lib/useSubmit';
import { PAGE_SIZE } from './adminCommon';
import {
  PROMOTION_TYPE_LABELS, confirmDeactivate, limitsText, promotionValueText, usageText, windowText,
} from './promotionValues';

type ActiveFilter = '' | 'true' | 'false';

function activeFilter(value: string | null): ActiveFilter {
  return value === 'true' || value === 'false' ? value : '';
}

export default function AdminPromotionsPage() {
  usePageTitle('Promotions');
  const { params, page } = usePageParams();
  const q = params.get('q') ?? '';
  const active = activeFilter(params.get('active'));
  const currency = useStoreCurrency();

  const list = useLoad(async () => {
    const { data } = await adminListPromotions({
      query: { q: q || undefined, active: active ? active === 'true' : undefined, page, size: PAGE_SIZE },
      throwOnError: true,
    });
    return data;
  }, [`${q}|${active}|${page}`]);

  const [notice, setNotice] = useState<string | null>(null);
  const action = useSubmit();

  function deactivate(promotion: Promotion) {
    setNotice(null);
    if (!confirmDeactivate(promotion.code)) return;
    void action.run(() => adminDeletePromotion({ path: { id: promotion.id }, throwOnError: true }), {
      target: promotion.id,
      onSuccess: () => {
        setNotice(`Deactivated ${promotion.code}`);
        list.reload();
      },
    });
  }

  const columns: Array<Column<Promotion>> = [
    { header: 'Code', cell: (p) => <Link to={`/admin/promotions/${p.id}`}>{p.code}</Link> },
    { header: 'Type', cell: (p) => PROMOTION_TYPE_LABELS[p.type] ?? p.type },
    { header: 'Value', num: true, cell: (p) => (p.type === 'free_shipping' ? '—' : promotionValueText(p, currency)) },
    { header: 'Window', cell: (p) => windowText(p) },
    { header: 'Limits', cell: (p) => limitsText(p, currency) },
    { header: 'Used', num: true, cell: (p) => usageText(p) },
    { header: 'Status', cell: (p) => <span className="badge">{p.active ? 'Active' : 'Inactive'}</span> },
    {
      header: <span className="muted">Actions</span>,
      cell: (p) => (p.active ? (
        <button type="button" className="secondary" aria-label={`Deactivate ${p.code}`}
          disabled={action.busy && action.target === p.id} onClick={() => deactivate(p)}>
          Deactivate
        </button>
      ) : null),
    },
  ];

  return (
    <>
      <h1>Promotions</h1>
      <div className="toolbar">
        <Link className="button" to="/admin/promotions/new">New promotion</Link>
      </div>
      <FilterForm label="Filter promotions" submitLabel="Apply" onApply={() => setNotice(null)}>
        <Field label="Search" name="q" defaultValue={q} hint="Part of the code" />
        <SelectField label="Status" name="active" defaultValue={active}>
          <option value="">All</option>
          <option value="true">Active</option>
          <option value="false">Inactive</option>
        </SelectField>
      </FilterForm>

      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorAlert problem={action.problem} message={action.message} />
      <ListView state={list} loadingLabel="Loading promotions…" empty={<EmptyState title="No promotions match" />}>
        {(promotions) => (
          <DataTable caption="Promotions" columns={columns} rows={promotions} rowKey={(p) => p.id} busy={list.loading} />
        )}
      </ListView>
    </>
  );
}
