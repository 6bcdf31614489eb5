import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { adminListUsers } from '../../api/generated';
import { EmptyState, ErrorAlert, Field, Loading, Pager, usePageTitle } from '../../components/ui';
import { PAGE_SIZE, formatDay, roleLabel, pageParam, paramsFrom } from './adminCommon';
import { useLoad } from '../../lib/useLoad';

export default function AdminUsersPage() {
  usePageTitle('Users');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = pageParam(params);

  const list = useLoad(async () => {
    const { data } = await adminListUsers({ query: { q: q || undefined, page, size: PAGE_SIZE }, throwOnError: true });
    return data;
  }, [`${q}|${page}`]);

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setParams(paramsFrom({ q: String(form.get('q') ?? '') }));
  }

  function goTo(next: number) {
    const copy = new URLSearchParams(params);
    if (next > 0) copy.set('page', String(next)); else copy.delete('page');
    setParams(copy);
  }

  const items = list.data?.items ?? [];

  return (
    <>
      <h1>Users</h1>
      {/* key: the input starts again from the URL when it changes (back button, links) */}
      <form key={params.toString()} className="toolbar" role="search" aria-label="Search users" onSubmit={search}>
        <Field label="Search" name="q" defaultValue={q} hint="Part of the email or name" />
        <button type="submit">Search</button>
      </form>

      <ErrorAlert problem={list.problem} />
      {list.loading && !list.data ? <Loading label="Loading users…" /> : null}
      {list.data && items.length === 0 ? <EmptyState title="No users match" /> : null}
      {items.length > 0 ? (
        <div className="table-wrap" aria-busy={list.loading || undefined}>
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Joined</th>
              </tr>
            </thead>
            <tbody>
              {items.map((u) => (
                <tr key={u.id}>
                  <td><Link to={`/admin/users/${u.id}`}>{u.name}</Link></td>
                  <td>{u.email}</td>
                  <td>{roleLabel(u.role)}</td>
                  <td>{formatDay(u.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {list.data ? <Pager page={page} totalPages={list.data.totalPages ?? 0} onPage={goTo} /> : null}
    </>
  );
}
