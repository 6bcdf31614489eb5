import { Link, type To } from 'react-router';
import type { CategoryNode } from '../api/generated';

/**
 * The shop's categories as nested links; the current one (by slug, null for everything) is marked. `hrefFor`
 * makes each link's URL, so the page decides what else the URL keeps (search, sort).
 */
export function CategoryNav({ tree, current, hrefFor }: {
  tree: CategoryNode[];
  current: string | null;
  hrefFor(slug: string | null): To;
}) {
  if (!tree.length) return null;
  return (
    <nav aria-label="Categories" className="category-nav">
      <ul>
        <li>
          <Link to={hrefFor(null)} aria-current={current === null ? 'page' : undefined}>All products</Link>
        </li>
        <Branch nodes={tree} current={current} hrefFor={hrefFor} />
      </ul>
    </nav>
  );
}

function Branch({ nodes, current, hrefFor }: { nodes: CategoryNode[]; current: string | null; hrefFor(slug: string): To }) {
  return (
    <>
      {nodes.map((node) => (
        <li key={node.id}>
          <Link to={hrefFor(node.slug)} aria-current={current === node.slug ? 'page' : undefined}>{node.name}</Link>
          {node.children.length ? (
            <ul><Branch nodes={node.children} current={current} hrefFor={hrefFor} /></ul>
          ) : null}
        </li>
      ))}
    </>
  );
}
