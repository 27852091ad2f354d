// Exports of the dashboard's tables (CSV, xlsx) and charts (PNG), all in the browser.
import { neutralizeFormula } from '@registry/domain';
import { saveBlob } from '../../app/utils/download';

export interface ExportColumn<T> {
  title: string;
  value: (row: T) => string | number | null | undefined;
}

function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(neutralizeFormula(value));
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV text in UTF-8 with a byte-order mark, so that Excel on Chinese Windows opens it right. */
export function toCsv<T>(columns: readonly ExportColumn<T>[], rows: readonly T[]): string {
  const lines = [columns.map((column) => csvCell(column.title)).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvCell(column.value(row))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function download(blob: Blob, filename: string): void {
  saveBlob(blob, filename);
}

export function downloadCsv<T>(filename: string, columns: readonly ExportColumn<T>[], rows: readonly T[]): void {
  download(new Blob([toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }), `${filename}.csv`);
}

/** xlsx through exceljs, loaded only when someone asks for a workbook. */
export async function downloadXlsx<T>(filename: string, sheetName: string, columns: readonly ExportColumn<T>[], rows: readonly T[]): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow(columns.map((column) => column.title)).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((column) => neutralizeFormula(column.value(row) ?? null)));
  columns.forEach((column, index) => {
    sheet.getColumn(index + 1).width = Math.max(10, Math.min(40, column.title.length * 2 + 4));
  });
  const buffer = await workbook.xlsx.writeBuffer();
  download(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), `${filename}.xlsx`);
}

/** The first chart (SVG) inside `container`, drawn on a white canvas at twice its size, as a PNG. */
export async function downloadChartPng(container: HTMLElement, filename: string): Promise<void> {
  const svg = container.querySelector('svg.recharts-surface') ?? container.querySelector('svg');
  if (!svg) throw new Error('no chart to export');
  const box = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(box.width));
  clone.setAttribute('height', String(box.height));
  const source = new XMLSerializer().serializeToString(clone);
  const image = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('chart image failed to load'));
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
  await loaded;
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(box.width * scale);
  canvas.height = Math.ceil(box.height * scale);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, box.width, box.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('chart could not be drawn');
  download(blob, `${filename}.png`);
}
