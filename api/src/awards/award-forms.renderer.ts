// 附件2 推荐表, 附件3 汇总表 and the certificate, as xlsx (exceljs) and printable PDF (pdfkit with
// the Noto Sans SC TTF from npm, so Chinese prints on a machine without CJK fonts). The layout
// follows the paper forms the offices stamp: title, a ruled grid, opinion boxes with 盖章 and date.
import ExcelJS from 'exceljs';
import { neutralizeFormula } from '@registry/domain';
import PDFDocument from 'pdfkit';
import qrcode from 'qrcode-generator';
import { readFileSync } from 'node:fs';
import type { NomineeSheet } from './award-forms.data';

type Pdf = InstanceType<typeof PDFDocument>;

let fonts: { regular: Buffer; bold: Buffer } | null = null;
function cjkFonts(): { regular: Buffer; bold: Buffer } {
  // Read once (10 MB each); pdfkit embeds only the glyphs used.
  fonts ??= {
    regular: readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')),
    bold: readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf')),
  };
  return fonts;
}

function newPdf(layout: 'portrait' | 'landscape', title: string): Pdf {
  const doc = new PDFDocument({ size: 'A4', layout, margin: 40, info: { Title: title, Creator: '吉林省劳动关系协调员数据库' } });
  const { regular, bold } = cjkFonts();
  doc.registerFont('cjk', regular);
  doc.registerFont('cjk-bold', bold);
  doc.font('cjk');
  return doc;
}

function finish(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

interface Cell {
  width: number;
  text: string;
  label?: boolean;
  align?: 'left' | 'center';
}

/** One ruled row of cells; returns the y below it. */
function row(doc: Pdf, x: number, y: number, height: number, cells: Cell[], fontSize = 10.5): number {
  let cursor = x;
  for (const cell of cells) {
    doc.lineWidth(0.8).rect(cursor, y, cell.width, height).stroke();
    doc.font(cell.label ? 'cjk-bold' : 'cjk').fontSize(fontSize);
    const align = cell.align ?? (cell.label ? 'center' : 'left');
    const textHeight = doc.heightOfString(cell.text || ' ', { width: cell.width - 8 });
    const top = align === 'center' || textHeight < height - 8 ? y + Math.max(4, (height - textHeight) / 2) : y + 4;
    doc.text(cell.text, cursor + 4, align === 'center' ? top : Math.min(top, y + 6), { width: cell.width - 8, height: height - 6, align, ellipsis: true });
    cursor += cell.width;
  }
  return y + height;
}

/** An opinion box: label column, then the opinion, the 盖章 line and the date at the bottom right. */
function opinionRow(doc: Pdf, x: number, y: number, width: number, height: number, label: string, opinion: string): number {
  row(doc, x, y, height, [
    { width: 90, text: label, label: true },
    { width: width - 90, text: opinion },
  ]);
  doc.font('cjk').fontSize(10.5).text('（盖章）', x + width - 190, y + height - 42, { width: 180, align: 'right' });
  doc.text('年    月    日', x + width - 190, y + height - 24, { width: 180, align: 'right' });
  return y + height;
}

export async function nominationFormPdf(sheet: NomineeSheet): Promise<Buffer> {
  const doc = newPdf('portrait', `附件2 ${sheet.name} 推荐表`);
  const x = 40;
  const width = doc.page.width - 80;
  doc.font('cjk-bold').fontSize(12).text('附件2', x, 36);
  doc.fontSize(17).text(`吉林省${sheet.year}年度${sheet.tierLabel}劳动关系协调员推荐表`, x, 60, { width, align: 'center' });
  doc.font('cjk').fontSize(10).text(`推荐单位：${sheet.reportingUnitName}`, x, 92, { width: width / 2 });
  doc.text(`编号：${sheet.nominationId}`, x + width / 2, 92, { width: width / 2, align: 'right' });
  const label = 80;
  const value = (width - 3 * label) / 3;
  let y = 110;
  y = row(doc, x, y, 30, [
    { width: label, text: '姓名', label: true }, { width: value, text: sheet.name },
    { width: label, text: '性别', label: true }, { width: value, text: sheet.gender },
    { width: label, text: '出生年月', label: true }, { width: value, text: sheet.birthMonth },
  ]);
  y = row(doc, x, y, 30, [
    { width: label, text: '身份证号', label: true }, { width: value * 2 + label, text: sheet.idNumber },
    { width: label, text: '推荐等级', label: true }, { width: value, text: `${sheet.tierLabel}${sheet.quotaExempt ? '（e类，不占名额）' : ''}` },
  ]);
  y = row(doc, x, y, 30, [
    { width: label, text: '工作单位', label: true }, { width: value * 2 + label, text: sheet.unitName },
    { width: label, text: '职务', label: true }, { width: value, text: sheet.post },
  ]);
  y = row(doc, x, y, 30, [
    { width: label, text: '学历', label: true }, { width: value, text: sheet.education },
    { width: label, text: '所学专业', label: true }, { width: value, text: sheet.major },
    { width: label, text: '工作年限', label: true }, { width: value, text: sheet.serviceYears },
  ]);
  y = row(doc, x, y, 30, [
    { width: label, text: '职业技能等级', label: true }, { width: width - label, text: sheet.skillLevel },
  ]);
  y = row(doc, x, y, 30, [
    { width: label, text: '符合条件', label: true }, { width: width - label, text: sheet.clausesMet ? `吉三方〔2021〕1号 ${sheet.clausesMet}` : '' },
  ]);
  y = row(doc, x, y, 56, [{ width: label, text: '获得荣誉', label: true }, { width: width - label, text: sheet.honors || '无' }]);
  y = row(doc, x, y, 150, [{ width: label, text: '主要事迹', label: true }, { width: width - label, text: sheet.achievements }], 10);
  const opinionOf = (level: number) => sheet.opinions[level]?.text ?? '';
  y = opinionRow(doc, x, y, width, 78, '推荐单位意见', '');
  y = opinionRow(doc, x, y, width, 78, '县（市、区）\n三方办意见', opinionOf(0));
  y = opinionRow(doc, x, y, width, 78, '市（州）\n三方办意见', opinionOf(1));
  opinionRow(doc, x, y, width, 78, '省三方办意见', sheet.certificateNumber ? `同意命名，证书编号 ${sheet.certificateNumber}` : '');
  return finish(doc);
}

const SUMMARY_COLUMNS: { header: string; width: number; value: (sheet: NomineeSheet, index: number) => string }[] = [
  { header: '序号', width: 30, value: (_sheet, index) => String(index + 1) },
  { header: '姓名', width: 50, value: (sheet) => sheet.name },
  { header: '性别', width: 30, value: (sheet) => sheet.gender },
  { header: '出生年月', width: 52, value: (sheet) => sheet.birthMonth },
  { header: '身份证号', width: 108, value: (sheet) => sheet.idNumber },
  { header: '工作单位及职务', width: 118, value: (sheet) => [sheet.unitName, sheet.post].filter(Boolean).join(' ') },
  { header: '学历', width: 40, value: (sheet) => sheet.education },
  { header: '职业技能等级', width: 116, value: (sheet) => sheet.skillLevel },
  { header: '工作年限', width: 52, value: (sheet) => sheet.serviceYears },
  { header: '推荐等级', width: 52, value: (sheet) => sheet.tierLabel },
  { header: '综合排序', width: 52, value: (sheet) => (sheet.unitRank ? String(sheet.unitRank) : '') },
  { header: '备注', width: 62, value: (sheet) => (sheet.quotaExempt ? 'e类不占名额' : '') },
];

export async function unitSummaryPdf(unitName: string, year: number, sheets: NomineeSheet[]): Promise<Buffer> {
  const doc = newPdf('landscape', `附件3 ${unitName} ${year} 汇总表`);
  const x = 40;
  const width = SUMMARY_COLUMNS.reduce((sum, column) => sum + column.width, 0);
  const header = () => {
    doc.font('cjk-bold').fontSize(12).text('附件3', x, 30);
    doc.fontSize(16).text(`${unitName}${year}年度金、银、铜牌劳动关系协调员推荐汇总表`, x, 50, { width, align: 'center' });
    doc.font('cjk').fontSize(10.5).text('填报单位（盖章）：', x, 82);
    doc.text('填报日期：      年    月    日', x + width - 200, 82, { width: 200, align: 'right' });
    return row(doc, x, 100, 26, SUMMARY_COLUMNS.map((column) => ({ width: column.width, text: column.header, label: true })), 9.5);
  };
  let y = header();
  sheets.forEach((sheet, index) => {
    if (y + 26 > doc.page.height - 80) {
      doc.addPage();
      y = header();
    }
    y = row(doc, x, y, 26, SUMMARY_COLUMNS.map((column) => ({ width: column.width, text: column.value(sheet, index), align: 'center' as const })), 8.5);
  });
  const counts = (['金牌', '银牌', '铜牌'] as const).map((label) => `${label} ${sheets.filter((sheet) => sheet.tierLabel === label).length} 人`).join('，');
  doc.font('cjk').fontSize(10.5).text(`合计 ${sheets.length} 人：${counts}`, x, y + 8);
  doc.text('填报人：              联系电话：                  审核人：', x, y + 30);
  return finish(doc);
}

/**
 * A QR code drawn as vector squares (sharp at any print size), with the quiet zone of 4 modules
 * on white. Error correction M survives a stamp or a crease over a corner.
 */
function drawQrCode(doc: Pdf, text: string, x: number, y: number, size: number): void {
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  const count = code.getModuleCount();
  const module = size / (count + 8);
  doc.save();
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < count; row += 1) {
    for (let column = 0; column < count; column += 1) {
      if (code.isDark(row, column)) doc.rect(x + (column + 4) * module, y + (row + 4) * module, module, module);
    }
  }
  doc.fill('#000000');
  doc.restore();
}

export async function certificatePdf(sheet: NomineeSheet, verificationUrl?: string | null): Promise<Buffer> {
  const doc = newPdf('landscape', `${sheet.name} ${sheet.tierLabel}劳动关系协调员证书`);
  const { width, height } = doc.page;
  doc.lineWidth(6).strokeColor('#b8860b').rect(24, 24, width - 48, height - 48).stroke();
  doc.lineWidth(1.5).rect(36, 36, width - 72, height - 72).stroke();
  doc.fillColor('#a00000').font('cjk-bold').fontSize(44).text('荣 誉 证 书', 0, 100, { width, align: 'center' });
  doc.fillColor('#000000').font('cjk').fontSize(22).text(`${sheet.name} 同志：`, 120, 200);
  doc.text(`被评为吉林省${sheet.year}年度${sheet.tierLabel}劳动关系协调员。`, 160, 250, { width: width - 280 });
  doc.fontSize(14).text(`证书编号：${sheet.certificateNumber ?? ''}`, 120, height - 170);
  doc.text('吉林省协调劳动关系三方委员会办公室', width - 440, height - 170, { width: 320, align: 'center' });
  const named = sheet.namedOn ?? '';
  doc.text(named ? `${named.slice(0, 4)}年${Number(named.slice(5, 7))}月${Number(named.slice(8, 10))}日` : '', width - 440, height - 140, { width: 320, align: 'center' });
  if (verificationUrl) {
    // 六(五): anyone can check the certificate by its code, without signing in
    drawQrCode(doc, verificationUrl, 112, height - 148, 96);
    doc.fillColor('#000000').font('cjk').fontSize(10).text('扫码核验证书真伪', 214, height - 120, { width: 200 });
    doc.fontSize(7).fillColor('#555555').text(verificationUrl, 214, height - 104, { width: 300 });
    doc.fillColor('#000000');
  }
  return finish(doc);
}

// ── xlsx ───────────────────────────────────────────────────────────────────────────────────

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export async function nominationFormXlsx(sheet: NomineeSheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('推荐表', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1 } });
  ws.columns = [14, 16, 12, 16, 14, 18].map((width) => ({ width }));
  ws.getCell('A1').value = '附件2';
  ws.mergeCells('A2:F2');
  ws.getCell('A2').value = `吉林省${sheet.year}年度${sheet.tierLabel}劳动关系协调员推荐表`;
  ws.getCell('A2').font = { bold: true, size: 16 };
  ws.getCell('A2').alignment = { horizontal: 'center' };
  ws.getCell('A3').value = `推荐单位：${sheet.reportingUnitName}`;
  const grid: (string | [string, number])[][] = [
    ['姓名', sheet.name, '性别', sheet.gender, '出生年月', sheet.birthMonth],
    ['身份证号', [sheet.idNumber, 3], '推荐等级', `${sheet.tierLabel}${sheet.quotaExempt ? '（e类，不占名额）' : ''}`],
    ['工作单位', [sheet.unitName, 3], '职务', sheet.post],
    ['学历', sheet.education, '所学专业', sheet.major, '工作年限', sheet.serviceYears],
    ['职业技能等级', [sheet.skillLevel, 5]],
    ['符合条件', [sheet.clausesMet, 5]],
    ['获得荣誉', [sheet.honors || '无', 5]],
    ['主要事迹', [sheet.achievements, 5]],
    ['推荐单位意见', ['（盖章）\n年  月  日', 5]],
    ['县（市、区）三方办意见', [`${sheet.opinions[0]?.text ?? ''}\n（盖章）\n年  月  日`, 5]],
    ['市（州）三方办意见', [`${sheet.opinions[1]?.text ?? ''}\n（盖章）\n年  月  日`, 5]],
    ['省三方办意见', [`${sheet.certificateNumber ? `同意命名，证书编号 ${sheet.certificateNumber}` : ''}\n（盖章）\n年  月  日`, 5]],
  ];
  grid.forEach((cells, index) => {
    const rowNumber = index + 4;
    let column = 1;
    for (const cell of cells) {
      const [text, span] = Array.isArray(cell) ? cell : [cell, 1];
      if (span > 1) ws.mergeCells(rowNumber, column, rowNumber, column + span - 1);
      const target = ws.getCell(rowNumber, column);
      target.value = neutralizeFormula(text);
      target.alignment = { wrapText: true, vertical: 'middle', horizontal: column % 2 === 1 && span === 1 ? 'center' : 'left' };
      for (let c = column; c < column + span; c += 1) ws.getCell(rowNumber, c).border = BORDER;
      column += span;
    }
    ws.getRow(rowNumber).height = index === 7 ? 160 : index >= 8 ? 60 : index === 6 ? 40 : 24;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function unitSummaryXlsx(unitName: string, year: number, sheets: NomineeSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('汇总表', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 } });
  ws.columns = SUMMARY_COLUMNS.map((column) => ({ width: Math.round(column.width / 5) }));
  const last = String.fromCharCode(64 + SUMMARY_COLUMNS.length);
  ws.getCell('A1').value = '附件3';
  ws.mergeCells(`A2:${last}2`);
  ws.getCell('A2').value = `${unitName}${year}年度金、银、铜牌劳动关系协调员推荐汇总表`;
  ws.getCell('A2').font = { bold: true, size: 16 };
  ws.getCell('A2').alignment = { horizontal: 'center' };
  ws.getCell('A3').value = '填报单位（盖章）：';
  ws.getCell(`${String.fromCharCode(64 + SUMMARY_COLUMNS.length - 2)}3`).value = '填报日期：    年  月  日';
  const headerRow = ws.getRow(4);
  SUMMARY_COLUMNS.forEach((column, index) => {
    const cell = headerRow.getCell(index + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  sheets.forEach((sheet, sheetIndex) => {
    const excelRow = ws.getRow(5 + sheetIndex);
    SUMMARY_COLUMNS.forEach((column, index) => {
      const cell = excelRow.getCell(index + 1);
      cell.value = neutralizeFormula(column.value(sheet, sheetIndex));
      cell.border = BORDER;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    });
  });
  const footer = 6 + sheets.length;
  ws.getCell(`A${footer}`).value = `合计 ${sheets.length} 人`;
  ws.getCell(`A${footer + 1}`).value = '填报人：';
  ws.getCell(`E${footer + 1}`).value = '联系电话：';
  ws.getCell(`I${footer + 1}`).value = '审核人：';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
