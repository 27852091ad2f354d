import type { ScaleResult } from './analytics.bench';
import { print } from './support';

// The growth curve of the analytics and scale benches: each size's p95 at province scope and its
// write-to-figure time, with how much each grew against how much the data grew.
export function printGrowth(results: ScaleResult[]): void {
  if (results.length === 0) return;
  const base = results[0];
  const size = (result: ScaleResult) => result.enterprises + result.coordinators;
  const names = Object.keys(base.p95);
  print('');
  print(`growth curve: p95 at province scope (ms), and × against the first size (${base.scale}); data × = (enterprises + coordinators) against it`);
  const header = ['size', 'enterprises', 'coordinators', 'data ×', ...names.map((name) => `${name} p95`), 'write→figure ms'];
  const rows = results.map((result) => {
    const dataGrowth = size(result) / size(base);
    return [
      String(result.scale),
      String(result.enterprises),
      String(result.coordinators),
      dataGrowth.toFixed(1),
      ...names.map((name) => {
        const growth = result.p95[name] / base.p95[name];
        // faster than the data (beyond a quarter's noise): a sign of a scan where an index or a roll-up should answer
        const flag = result !== base && growth > dataGrowth * 1.25 ? ' (faster than data)' : '';
        return `${result.p95[name].toFixed(1)} (×${growth.toFixed(1)})${flag}`;
      }),
      result.writeToFigureMs == null ? '–' : String(result.writeToFigureMs),
    ];
  });
  const widths = header.map((title, index) => Math.max(title.length, ...rows.map((row) => row[index].length)));
  const line = (cells: string[]) => '  ' + cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[index]) : cell.padStart(widths[index]))).join('  ');
  print(line(header));
  rows.forEach((row) => print(line(row)));
}
