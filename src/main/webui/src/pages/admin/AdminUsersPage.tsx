import { Link } from 'react-router';
import { adminListUsers, type User } from '../../api/generated';
import { DataTable, type Column } from '../../components/DataTable';
import { FilterForm, ListView } from '../../components/ListView';
import { EmptyState, Field, formatDay, usePageTitle } from '../../components/ui';
import { PAGE_SIZE, roleLabel } from './adminCommon';
import { useLoad } from '../../lib/useLoad';
import { usePageParams } from '../../lib/usePageParams';

const COLUMNS: Array<Column<User>> = [
  { header: 'Name', cell: (u) => <Link to={`/admin/users/${u.id}`}>{u.name}</Link> },
  { header: 'Email', cell: (u) => u.email },
  { header: 'Role', cell: (u) => roleLabel(u.role) },
  { header: 'Joined', cell: (u) => formatDay(u.createdAt) },
];

export default function AdminUsersPage() {
  usePageTitle('Users');
  const { params, page } = usePageParams();
  const q = params.get('q') ?? '';

  const list = useLoad(async () => {
    const { data } = await adminListUsers({ query: { q: q || undefined, page, size: PAGE_SIZE }, throwOnError: true });
    return data;
  }, [`${q}|${page}`]);

  return (
    <>
      <h1>Users</h1>
      <FilterForm label="Search users" submitLabel="Search">
        <Field label="Search" name="q" defaultValue={q} hint="Part of the email or name" />
      </FilterForm>
      <ListView state={list} loadingLabel="Loading users…" empty={<EmptyState title="No users match" />}>
        {(users) => <DataTable columns={COLUMNS} rows={users} rowKey={(u) => u.id} busy={list.loading} />}
      </ListView>
    </>
  );
}
