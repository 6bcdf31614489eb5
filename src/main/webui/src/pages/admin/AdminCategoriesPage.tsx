import { useState, type FormEvent } from 'react';
import {
  adminCreateCategory, adminDeleteCategory, adminUpdateCategory, listCategories,
  type CategoryCreate, type CategoryNode, type CategoryPatch, type Problem,
} from '../../api/generated';
import { messageOf } from '../../api/problem';
import { LoadGate } from '../../components/LoadGate';
import { ErrorAlert, Field, Notice, SelectField, SubmitButton, usePageTitle } from '../../components/ui';
import { flatten, indented, subtreeIds } from '../../lib/categories';
import { useLoad } from '../../lib/useLoad';
import { useSubmit, type Submit } from '../../lib/useSubmit';

/** Where the "Top level" choice sits among a parent select's options. */
const TOP = '';

/** The server's "slug taken" speaks of products; here it is a category's slug. */
function onCategoryProblem(problem: Problem): string | null {
  return problem.code === 'slug_taken' ? 'Another category already uses this slug.' : null;
}

/**
 * The category tree editor: add a category anywhere, rename it, change its slug, move it under another
 * category (or to the top), reorder siblings, delete a leaf. The tree is reloaded after every change, so it
 * always shows what the server holds (another admin's changes included).
 */
export default function AdminCategoriesPage() {
  usePageTitle('Categories');
  const tree = useLoad(async () => (await listCategories({ throwOnError: true })).data, []);
  const action = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);

  /** Runs one change; on success says `done` and reloads the tree. */
  function change(target: string, call: () => Promise<unknown>, done: string) {
    setNotice(null);
    return action.run(call, {
      target,
      onSuccess: () => {
        setNotice(done);
        tree.reload();
      },
      onProblem: onCategoryProblem,
    });
  }

  return (
    <>
      <h1>Categories</h1>
      {notice ? <Notice>{notice}</Notice> : null}
      <ErrorAlert problem={action.problem} message={action.message} />
      <LoadGate state={tree} loadingLabel="Loading categories…">
        {(nodes) => (
          <>
            <NewCategoryForm tree={nodes} onCreated={(name) => { setNotice(`Added ${name}`); tree.reload(); }} />
            {nodes.length ? (
              <ul className="category-tree" aria-label="Category tree">
                {nodes.map((node, i) => (
                  <CategoryItem key={node.id} node={node} siblings={nodes} index={i} tree={nodes} action={action}
                    change={change} />
                ))}
              </ul>
            ) : <p className="muted">No categories yet. Add the first one above.</p>}
          </>
        )}
      </LoadGate>
    </>
  );
}

function ParentOptions({ tree, exclude }: { tree: CategoryNode[]; exclude?: Set<string> }) {
  return (
    <>
      <option value={TOP}>Top level</option>
      {flatten(tree).filter((c) => !exclude?.has(c.node.id)).map((c) => (
        <option key={c.node.id} value={c.node.id}>{indented(c)}</option>
      ))}
    </>
  );
}

function NewCategoryForm({ tree, onCreated }: { tree: CategoryNode[]; onCreated(name: string): void }) {
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [parentId, setParentId] = useState(TOP);
  const form = useSubmit();
  const [nameError, setNameError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    form.reset();
    if (!name.trim()) {
      setNameError('Enter a name');
      return;
    }
    setNameError(null);
    const body: CategoryCreate = { name: name.trim() };
    if (slug.trim()) body.slug = slug.trim();
    if (parentId) body.parentId = parentId;
    void form.run(() => adminCreateCategory({ body, throwOnError: true }), {
      onSuccess: ({ data }) => {
        setName('');
        setSlug('');
        onCreated(data.name);
      },
      onProblem: onCategoryProblem,
    });
  }

  const slugError = form.problem?.code === 'slug_taken' ? form.message : form.fieldErrors.slug;
  return (
    <form onSubmit={submit} noValidate aria-label="New category" className="toolbar">
      <Field label="Name" name="name" value={name} error={nameError ?? form.fieldErrors.name}
        onChange={(e) => setName(e.target.value)} />
      <Field label="Slug (optional)" name="slug" value={slug} error={slugError ?? undefined} autoComplete="off"
        hint="Derived from the name when empty" onChange={(e) => setSlug(e.target.value)} />
      <SelectField label="Parent" name="parentId" value={parentId} error={form.fieldErrors.parentId}
        onChange={(e) => setParentId(e.target.value)}>
        <ParentOptions tree={tree} />
      </SelectField>
      <SubmitButton busy={form.busy}>Add category</SubmitButton>
      {form.problem && form.problem.code !== 'slug_taken' && form.problem.code !== 'validation_failed'
        ? <ErrorAlert problem={form.problem} message={messageOf(form.problem)} /> : null}
    </form>
  );
}

function CategoryItem({ node, siblings, index, tree, action, change }: {
  node: CategoryNode;
  siblings: CategoryNode[];
  index: number;
  tree: CategoryNode[];
  action: Submit;
  change(target: string, call: () => Promise<unknown>, done: string): Promise<boolean>;
}) {
  const [editing, setEditing] = useState(false);
  const busy = action.busy && action.target === node.id;
  const parentOf = flatten(tree).find((c) => c.node.id === node.id)?.parentId ?? null;

  /** Moves this category one place up or down among its siblings: every sibling gets its index as position. */
  function reorder(by: -1 | 1) {
    const order = siblings.map((s) => s.id);
    [order[index], order[index + by]] = [order[index + by], order[index]];
    void change(node.id, async () => {
      for (const [position, id] of order.entries()) {
        await adminUpdateCategory({ path: { id }, body: { position }, throwOnError: true });
      }
    }, `Moved ${node.name} ${by < 0 ? 'up' : 'down'}`);
  }

  function remove() {
    if (!window.confirm(`Delete the category ${node.name}? Its products stay in the shop, without it.`)) return;
    void change(node.id, () => adminDeleteCategory({ path: { id: node.id }, throwOnError: true }), `Deleted ${node.name}`);
  }

  return (
    <li>
      {editing ? (
        <EditCategoryForm node={node} parentId={parentOf} tree={tree} onDone={() => setEditing(false)}
          change={change} />
      ) : (
        <div className="toolbar category-row">
          <span><strong>{node.name}</strong> <span className="muted">/{node.slug}</span></span>
          <button type="button" className="secondary" aria-label={`Edit ${node.name}`} disabled={busy}
            onClick={() => setEditing(true)}>Edit</button>
          <button type="button" className="secondary" aria-label={`Move ${node.name} up`} disabled={busy || index === 0}
            onClick={() => reorder(-1)}>Up</button>
          <button type="button" className="secondary" aria-label={`Move ${node.name} down`}
            disabled={busy || index === siblings.length - 1} onClick={() => reorder(1)}>Down</button>
          <button type="button" className="secondary" aria-label={`Delete ${node.name}`} disabled={busy}
            onClick={remove}>Delete</button>
        </div>
      )}
      {node.children.length ? (
        <ul>
          {node.children.map((child, i) => (
            <CategoryItem key={child.id} node={child} siblings={node.children} index={i} tree={tree} action={action}
              change={change} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function EditCategoryForm({ node, parentId, tree, onDone, change }: {
  node: CategoryNode;
  parentId: string | null;
  tree: CategoryNode[];
  onDone(): void;
  change(target: string, call: () => Promise<unknown>, done: string): Promise<boolean>;
}) {
  const [name, setName] = useState(node.name);
  const [slug, setSlug] = useState(node.slug);
  const [parent, setParent] = useState(parentId ?? TOP);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body: CategoryPatch = {};
    if (name.trim() && name.trim() !== node.name) body.name = name.trim();
    if (slug.trim() && slug.trim() !== node.slug) body.slug = slug.trim();
    if (parent !== (parentId ?? TOP)) body.parentId = parent || null;
    if (!Object.keys(body).length) {
      onDone();
      return;
    }
    const ok = await change(node.id, () => adminUpdateCategory({ path: { id: node.id }, body, throwOnError: true }),
      `Saved ${body.name ?? node.name}`);
    if (ok) onDone();
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={`Edit ${node.name}`} className="toolbar">
      <Field label="Name" name="name" value={name} onChange={(e) => setName(e.target.value)} />
      <Field label="Slug" name="slug" value={slug} autoComplete="off" onChange={(e) => setSlug(e.target.value)} />
      <SelectField label="Parent" name="parentId" value={parent} onChange={(e) => setParent(e.target.value)}>
        {/* Not under itself or below: the server would refuse it (409) */}
        <ParentOptions tree={tree} exclude={subtreeIds(node)} />
      </SelectField>
      <SubmitButton busy={false}>Save</SubmitButton>
      <button type="button" className="secondary" onClick={onDone}>Cancel</button>
    </form>
  );
}
