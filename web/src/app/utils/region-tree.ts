import { isWithinScope } from '@registry/domain';
import type { RegionFieldsFragment } from '@registry/graphql-client';

// The `regions` query answers a flat list: the user's subtree plus the ancestors above it (so
// the tree can be walked down to it). Ancestors are shown but cannot be picked: filtering or
// filing outside one's jurisdiction is refused by the server anyway.
export interface RegionTreeNode {
  value: string;
  title: string;
  level: RegionFieldsFragment['level'];
  /** false for ancestors outside the user's scope */
  selectable: boolean;
  disabled: boolean;
  children?: RegionTreeNode[];
  isLeaf: boolean;
}

export interface RegionTreeOptions {
  /** the user's home region; everything outside its path is shown disabled */
  scopeCode?: string;
  /** leave out township level (large trees in filters) */
  maxLevel?: RegionFieldsFragment['level'];
}

const LEVEL_DEPTH: Record<RegionFieldsFragment['level'], number> = { PROVINCE: 0, UNIT: 1, COUNTY: 2, TOWNSHIP: 3 };

export function buildRegionTree(regions: readonly RegionFieldsFragment[], options: RegionTreeOptions = {}): RegionTreeNode[] {
  const scopePath = options.scopeCode ? regions.find((region) => region.code === options.scopeCode)?.path : undefined;
  const maxDepth = options.maxLevel ? LEVEL_DEPTH[options.maxLevel] : LEVEL_DEPTH.TOWNSHIP;
  const kept = regions.filter((region) => LEVEL_DEPTH[region.level] <= maxDepth);
  const codes = new Set(kept.map((region) => region.code));
  const nodes = new Map<string, RegionTreeNode>();
  for (const region of kept) {
    const inScope = scopePath ? isWithinScope(region.path, scopePath) : true;
    nodes.set(region.code, {
      value: region.code,
      title: region.name,
      level: region.level,
      selectable: inScope,
      disabled: !inScope,
      isLeaf: true,
    });
  }
  const roots: RegionTreeNode[] = [];
  for (const region of kept) {
    const node = nodes.get(region.code)!;
    const parent = region.parentCode && codes.has(region.parentCode) ? nodes.get(region.parentCode) : undefined;
    if (parent) {
      (parent.children ??= []).push(node);
      parent.isLeaf = false;
    } else {
      roots.push(node);
    }
  }
  const sortTree = (list: RegionTreeNode[]) => {
    list.sort((left, right) => left.value.localeCompare(right.value));
    for (const node of list) if (node.children) sortTree(node.children);
  };
  sortTree(roots);
  return roots;
}

/** Codes to expand initially so that the user's own region is visible. */
export function ancestorCodes(regions: readonly RegionFieldsFragment[], code: string): string[] {
  const byCode = new Map(regions.map((region) => [region.code, region]));
  const result: string[] = [];
  let current = byCode.get(code);
  while (current?.parentCode) {
    result.unshift(current.parentCode);
    current = byCode.get(current.parentCode);
  }
  return result;
}

/** "长春市 · 朝阳区 · 前进街道" for a code, from the loaded list (the province is implied). */
export function regionLabel(regions: readonly RegionFieldsFragment[], code: string | null | undefined): string {
  if (!code) return '';
  const byCode = new Map(regions.map((region) => [region.code, region]));
  const names: string[] = [];
  let current = byCode.get(code);
  while (current) {
    if (current.level !== 'PROVINCE') names.unshift(current.name);
    current = current.parentCode ? byCode.get(current.parentCode) : undefined;
  }
  return names.join(' · ') || code;
}

/** A record's region: its full path once the regions are loaded, else the name the record carries (or its code). */
export function recordRegionLabel(regions: readonly RegionFieldsFragment[], code: string, name?: string | null): string {
  return regions.length > 0 ? regionLabel(regions, code) : (name ?? code);
}
