import type { CategoryNode } from '../api/generated';
import { flatten } from '../lib/categories';
import { Checkbox } from './ui';

/**
 * Which categories a product is filed under: a checkbox per category, indented as the tree is. Nothing is shown
 * while the shop has no categories.
 */
export function CategoryPicker({ tree, selected, onChange, error }: {
  tree: CategoryNode[];
  selected: string[];
  onChange(ids: string[]): void;
  error?: string;
}) {
  if (!tree.length) return null;
  function toggle(id: string, on: boolean) {
    onChange(on ? [...selected, id] : selected.filter((s) => s !== id));
  }
  return (
    <fieldset className="category-picker" aria-invalid={error ? true : undefined}>
      <legend>Categories</legend>
      {flatten(tree).map(({ node, depth }) => (
        <div key={node.id} style={{ paddingLeft: `${depth * 1.25}rem` }}>
          <Checkbox label={node.name} name="categoryIds" value={node.id} checked={selected.includes(node.id)}
            onChange={(e) => toggle(node.id, e.target.checked)} />
        </div>
      ))}
      {error ? <small className="field-error">{error}</small> : null}
    </fieldset>
  );
}
