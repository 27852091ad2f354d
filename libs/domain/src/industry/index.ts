// Industrial classification for national economic activities 国民经济行业分类 (GB/T 4754-2017):
// the 20 sections 门类 A–T and their 97 divisions 大类 01–97. Groups 中类 (3 digits) and classes
// 小类 (4 digits) are accepted by their division only; the full 1,380-class list is not shipped.
export type IndustrySectionLetter =
  | 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J'
  | 'K' | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S' | 'T';

export interface IndustrySectionEntry {
  section: IndustrySectionLetter;
  name: string;
  /** First and last division 大类 of the section, inclusive, as two-digit strings. */
  divisions: [string, string];
}

export const INDUSTRY_SECTIONS: readonly IndustrySectionEntry[] = [
  { section: 'A', name: '农、林、牧、渔业', divisions: ['01', '05'] },
  { section: 'B', name: '采矿业', divisions: ['06', '12'] },
  { section: 'C', name: '制造业', divisions: ['13', '43'] },
  { section: 'D', name: '电力、热力、燃气及水生产和供应业', divisions: ['44', '46'] },
  { section: 'E', name: '建筑业', divisions: ['47', '50'] },
  { section: 'F', name: '批发和零售业', divisions: ['51', '52'] },
  { section: 'G', name: '交通运输、仓储和邮政业', divisions: ['53', '60'] },
  { section: 'H', name: '住宿和餐饮业', divisions: ['61', '62'] },
  { section: 'I', name: '信息传输、软件和信息技术服务业', divisions: ['63', '65'] },
  { section: 'J', name: '金融业', divisions: ['66', '69'] },
  { section: 'K', name: '房地产业', divisions: ['70', '70'] },
  { section: 'L', name: '租赁和商务服务业', divisions: ['71', '72'] },
  { section: 'M', name: '科学研究和技术服务业', divisions: ['73', '75'] },
  { section: 'N', name: '水利、环境和公共设施管理业', divisions: ['76', '79'] },
  { section: 'O', name: '居民服务、修理和其他服务业', divisions: ['80', '82'] },
  { section: 'P', name: '教育', divisions: ['83', '83'] },
  { section: 'Q', name: '卫生和社会工作', divisions: ['84', '85'] },
  { section: 'R', name: '文化、体育和娱乐业', divisions: ['86', '90'] },
  { section: 'S', name: '公共管理、社会保障和社会组织', divisions: ['91', '96'] },
  { section: 'T', name: '国际组织', divisions: ['97', '97'] },
];

/** Division 大类 names, keyed by the two-digit code. */
export const INDUSTRY_DIVISIONS: Readonly<Record<string, string>> = {
  '01': '农业', '02': '林业', '03': '畜牧业', '04': '渔业', '05': '农、林、牧、渔专业及辅助性活动',
  '06': '煤炭开采和洗选业', '07': '石油和天然气开采业', '08': '黑色金属矿采选业', '09': '有色金属矿采选业',
  '10': '非金属矿采选业', '11': '开采专业及辅助性活动', '12': '其他采矿业',
  '13': '农副食品加工业', '14': '食品制造业', '15': '酒、饮料和精制茶制造业', '16': '烟草制品业', '17': '纺织业',
  '18': '纺织服装、服饰业', '19': '皮革、毛皮、羽毛及其制品和制鞋业', '20': '木材加工和木、竹、藤、棕、草制品业',
  '21': '家具制造业', '22': '造纸和纸制品业', '23': '印刷和记录媒介复制业', '24': '文教、工美、体育和娱乐用品制造业',
  '25': '石油、煤炭及其他燃料加工业', '26': '化学原料和化学制品制造业', '27': '医药制造业', '28': '化学纤维制造业',
  '29': '橡胶和塑料制品业', '30': '非金属矿物制品业', '31': '黑色金属冶炼和压延加工业', '32': '有色金属冶炼和压延加工业',
  '33': '金属制品业', '34': '通用设备制造业', '35': '专用设备制造业', '36': '汽车制造业',
  '37': '铁路、船舶、航空航天和其他运输设备制造业', '38': '电气机械和器材制造业', '39': '计算机、通信和其他电子设备制造业',
  '40': '仪器仪表制造业', '41': '其他制造业', '42': '废弃资源综合利用业', '43': '金属制品、机械和设备修理业',
  '44': '电力、热力生产和供应业', '45': '燃气生产和供应业', '46': '水的生产和供应业',
  '47': '房屋建筑业', '48': '土木工程建筑业', '49': '建筑安装业', '50': '建筑装饰、装修和其他建筑业',
  '51': '批发业', '52': '零售业',
  '53': '铁路运输业', '54': '道路运输业', '55': '水上运输业', '56': '航空运输业', '57': '管道运输业',
  '58': '多式联运和运输代理业', '59': '装卸搬运和仓储业', '60': '邮政业',
  '61': '住宿业', '62': '餐饮业',
  '63': '电信、广播电视和卫星传输服务', '64': '互联网和相关服务', '65': '软件和信息技术服务业',
  '66': '货币金融服务', '67': '资本市场服务', '68': '保险业', '69': '其他金融业',
  '70': '房地产业',
  '71': '租赁业', '72': '商务服务业',
  '73': '研究和试验发展', '74': '专业技术服务业', '75': '科技推广和应用服务业',
  '76': '水利管理业', '77': '生态保护和环境治理业', '78': '公共设施管理业', '79': '土地管理业',
  '80': '居民服务业', '81': '机动车、电子产品和日用产品修理业', '82': '其他服务业',
  '83': '教育',
  '84': '卫生', '85': '社会工作',
  '86': '新闻和出版业', '87': '广播、电视、电影和录音制作业', '88': '文化艺术业', '89': '体育', '90': '娱乐业',
  '91': '中国共产党机关', '92': '国家机构', '93': '人民政协、民主党派', '94': '社会保障',
  '95': '群众团体、社会团体和其他成员组织', '96': '基层群众自治组织及其他组织',
  '97': '国际组织',
};

export interface IndustryCode {
  section: IndustrySectionLetter;
  division?: string;
  /** Group 中类, three digits, when the code gave one. */
  group?: string;
  /** Class 小类, four digits, when the code gave one. */
  industryClass?: string;
  /** The section's name. */
  name: string;
  divisionName?: string;
}

function sectionOfDivision(division: string): IndustrySectionEntry | undefined {
  return INDUSTRY_SECTIONS.find(({ divisions: [first, last] }) => division >= first && division <= last);
}

/**
 * Reads "C", "C13", "C131", "C1310", "13", "131" or "1310" (case and surrounding spaces ignored).
 * Null when the code is malformed, the division does not exist, or the letter contradicts it.
 */
export function industrySection(code: string): IndustryCode | null {
  const match = /^([A-Z])?(\d{2,4})?$/.exec((code ?? '').trim().toUpperCase());
  if (!match || (!match[1] && !match[2])) return null;
  const [, letter, digits] = match;

  if (!digits) {
    const entry = INDUSTRY_SECTIONS.find(({ section }) => section === letter);
    return entry ? { section: entry.section, name: entry.name } : null;
  }

  const division = digits.slice(0, 2);
  const entry = sectionOfDivision(division);
  if (!entry || (letter && letter !== entry.section)) return null;
  const result: IndustryCode = { section: entry.section, division, name: entry.name, divisionName: INDUSTRY_DIVISIONS[division] };
  if (digits.length >= 3) result.group = digits.slice(0, 3);
  if (digits.length === 4) result.industryClass = digits;
  return result;
}

/** The most specific form of a code, letter first: "5110" → "F5110", "c13" → "C13"; null if invalid. */
export function canonicalIndustryCode(code: string): string | null {
  const parsed = industrySection(code);
  if (!parsed) return null;
  return parsed.section + (parsed.industryClass ?? parsed.group ?? parsed.division ?? '');
}
