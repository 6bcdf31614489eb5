import { describe, expect, it } from 'vitest';
import { aCategoryTree } from '../test/fixtures';
import { findBySlug, flatten, indented, subtreeIds } from './categories';

describe('categories', () => {
  it('flattens the tree depth-first with depths and parents', () => {
    expect(flatten(aCategoryTree()).map((c) => [c.node.slug, c.depth, c.parentId])).toEqual([
      ['kitchen', 0, null], ['mugs', 1, 'cat-kitchen'], ['teapots', 1, 'cat-kitchen'],
      ['cast-iron', 2, 'cat-teapots'], ['garden', 0, null],
    ]);
  });

  it('finds a category by slug at any depth', () => {
    expect(findBySlug(aCategoryTree(), 'cast-iron')?.name).toBe('Cast iron');
    expect(findBySlug(aCategoryTree(), 'nope')).toBeNull();
  });

  it('knows a subtree and indents labels by depth', () => {
    const teapots = findBySlug(aCategoryTree(), 'teapots')!;
    expect([...subtreeIds(teapots)]).toEqual(['cat-teapots', 'cat-cast-iron']);
    expect(indented(flatten(aCategoryTree())[3])).toBe('\u00a0\u00a0\u00a0\u00a0Cast iron');
  });
});
