import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// What a browser must fetch before the first screen (issue 14, "a light first load"): the
// entry script of the built app's index.html and every module it preloads, each gzipped as a
// server would send it (zlib's default level). The budget is 250 kB.
export const FIRST_LOAD_BUDGET_BYTES = 250 * 1024;

export interface FirstLoad {
  totalGzipBytes: number;
  files: { path: string; bytes: number; gzipBytes: number }[];
}

export function gzippedSize(distDir: string, path: string): { bytes: number; gzipBytes: number } {
  const content = readFileSync(join(distDir, path));
  return { bytes: content.length, gzipBytes: gzipSync(content).length };
}

export function measureFirstLoad(distDir = 'dist/web'): FirstLoad {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const paths = [
    ...[...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]),
    ...[...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)].map((match) => match[1]),
  ];
  if (paths.length === 0) throw new Error(`${distDir}/index.html names no module script`);
  const files = [...new Set(paths)].map((path) => ({ path, ...gzippedSize(distDir, path) }));
  return { totalGzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0), files };
}

export function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`;
}
