// A region written by name (前进街道, or with its parents: 朝阳区 前进街道) instead of
// 前进街道（220104001）: taken when exactly one region of that name lies in the uploader's scope
// at a level the sheet takes, refused naming the candidates when several do (issue 14).
import { isWithinScope, labelWithCode } from '@registry/domain';

export interface NamedRegion {
  code: string;
  name: string;
  level: string;
  path: string;
}

export type RegionNameMatch = { region: NamedRegion } | { candidates: NamedRegion[] } | null;

const SEPARATORS = /[\s·•/／>＞、，,]+/;

export class RegionNameResolver {
  private readonly byName = new Map<string, NamedRegion[]>();
  private readonly byCode = new Map<string, NamedRegion>();

  constructor(regions: Iterable<NamedRegion>, scopePath: string, accepts: (level: string) => boolean) {
    for (const region of regions) {
      this.byCode.set(region.code, region);
      if (!isWithinScope(region.path, scopePath) || !accepts(region.level)) continue;
      const list = this.byName.get(region.name);
      if (list) list.push(region);
      else this.byName.set(region.name, [region]);
    }
  }

  /** The region a name names within the scope, the candidates when several do, null when none. */
  resolve(text: string): RegionNameMatch {
    const parts = text.trim().split(SEPARATORS).filter(Boolean);
    const name = parts.pop();
    if (!name) return null;
    let candidates = this.byName.get(name) ?? [];
    // parents written before the name narrow it down (朝阳区 前进街道)
    for (const parent of parts) candidates = candidates.filter((region) => this.ancestors(region).some((ancestor) => ancestor.name === parent));
    if (candidates.length === 0) return null;
    return candidates.length === 1 ? { region: candidates[0] } : { candidates };
  }

  /** 长春市 · 朝阳区 · 前进街道（220104001）: the path below the province, with the code. */
  describe(region: NamedRegion): string {
    const names = [...this.ancestors(region).filter((ancestor) => ancestor.level !== 'PROVINCE'), region].map((entry) => entry.name);
    return labelWithCode(names.join(' · '), region.code);
  }

  private ancestors(region: NamedRegion): NamedRegion[] {
    return region.path
      .split('/')
      .filter(Boolean)
      .slice(0, -1)
      .map((code) => this.byCode.get(code))
      .filter((entry): entry is NamedRegion => entry !== undefined);
  }
}
