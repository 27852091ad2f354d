import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import en from './en.json';
import zhCN from './zh-CN.json';

// Both languages carry the same keys, and every literal key the registry screens use exists.
type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`)));
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.spec\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('translations', () => {
  const zhKeys = new Set(keysOf(zhCN as Tree));
  const enKeys = new Set(keysOf(en as Tree));

  it('has the same keys in zh-CN and English', () => {
    expect([...zhKeys].filter((key) => !enKeys.has(key))).toEqual([]);
    expect([...enKeys].filter((key) => !zhKeys.has(key))).toEqual([]);
  });

  it('defines every literal key used by the app shell, coordinators and enterprises', () => {
    const root = join(__dirname, '..', '..');
    const files = ['app', 'coordinators', 'enterprises'].flatMap((feature) => sourceFiles(join(root, feature)));
    const used = new Set<string>();
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      // t('a.b'), labelKey: 'a.b', titleKey="a.b" …: string literals that look like our keys
      for (const match of source.matchAll(/(?:\bt\(|Key[=:]\s*)['"]([a-z][A-Za-z]*(?:\.[A-Za-z_0-9]+)+)['"]/g)) used.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((key) => !zhKeys.has(key))).toEqual([]);
  });
});
