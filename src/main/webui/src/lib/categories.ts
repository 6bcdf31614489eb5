import type { CategoryNode } from '../api/generated';

/** A category in a flat list of the tree (for selects), in display order, with how deep it lies. */
export type FlatCategory = { node: CategoryNode; depth: number; parentId: string | null };

/** The tree depth-first, each category before its children, as the tree shows them. */
export function flatten(tree: CategoryNode[], depth = 0, parentId: string | null = null): FlatCategory[] {
  return tree.flatMap((node) => [{ node, depth, parentId }, ...flatten(node.children, depth + 1, node.id)]);
}

/** The category with this slug anywhere in the tree, or null. */
export function findBySlug(tree: CategoryNode[], slug: string): CategoryNode | null {
  return flatten(tree).find((c) => c.node.slug === slug)?.node ?? null;
}

/** The ids of a category and everything below it: the places it cannot be moved to. */
export function subtreeIds(node: CategoryNode): Set<string> {
  return new Set(flatten([node]).map((c) => c.node.id));
}

/** A select option's label: indented by depth, so the tree shows in a flat list. */
export function indented({ node, depth }: FlatCategory): string {
  return `${'\u00a0\u00a0'.repeat(depth)}${node.name}`;
}
