// Word lists for the demo data generator (generator.ts): industries, names, units, courses.
// Plain data; believable, not real: no list here names an existing enterprise or person.

export type OrganizationKind = 'company' | 'coop' | 'law' | 'nonprofit';

export interface IndustryEntry {
  /** GB/T 4754-2017 class, letter first as canonicalIndustryCode writes it */
  code: string;
  /** what the name says the business does, e.g. 汽车零部件 */
  descs: string[];
  /** relative share of enterprises */
  weight: number;
  /** output per employee (万元/人/年), for figures the size rule does not fix */
  revenuePerEmployee: number;
  /** total assets / revenue, for figures the size rule does not fix */
  assetRatio: number;
  /** a company (有限公司) unless given; coop: 农民专业合作社 with probability coopShare */
  kind?: OrganizationKind;
  coopShare?: number;
  /** multiplies the chance of public ownership (state utilities, transit) */
  publicBias?: number;
}

// Weights are percent of all enterprises (social organizations come on top, see SOCIAL_ORGANIZATIONS).
export const INDUSTRIES: IndustryEntry[] = [
  // C 制造业 (~22%): cars around 长春, chemicals in 吉林市, medicine in 通化, grain everywhere
  { code: 'C3670', descs: ['汽车零部件', '汽车配件', '汽车部件', '汽车饰件'], weight: 3.0, revenuePerEmployee: 90, assetRatio: 1.0 },
  { code: 'C3630', descs: ['专用车', '改装车'], weight: 0.3, revenuePerEmployee: 120, assetRatio: 1.0 },
  { code: 'C1311', descs: ['米业', '粮食加工', '大米'], weight: 1.5, revenuePerEmployee: 120, assetRatio: 0.7 },
  { code: 'C1351', descs: ['肉类食品', '牧业食品', '肉业'], weight: 1.0, revenuePerEmployee: 150, assetRatio: 0.6 },
  { code: 'C1391', descs: ['淀粉', '玉米深加工', '生物化工'], weight: 0.8, revenuePerEmployee: 160, assetRatio: 0.9 },
  { code: 'C1411', descs: ['食品', '绿色食品'], weight: 1.0, revenuePerEmployee: 60, assetRatio: 0.7 },
  { code: 'C1521', descs: ['酒业', '酿酒'], weight: 0.7, revenuePerEmployee: 70, assetRatio: 1.1 },
  { code: 'C2614', descs: ['化工', '精细化工', '化学'], weight: 1.0, revenuePerEmployee: 150, assetRatio: 1.2 },
  { code: 'C2710', descs: ['药业', '生物制药', '制药'], weight: 0.8, revenuePerEmployee: 90, assetRatio: 1.3 },
  { code: 'C2740', descs: ['中药', '药业', '参业'], weight: 0.8, revenuePerEmployee: 70, assetRatio: 1.2 },
  { code: 'C2021', descs: ['木业', '人造板'], weight: 0.8, revenuePerEmployee: 60, assetRatio: 0.8 },
  { code: 'C2110', descs: ['家具', '木制品'], weight: 0.6, revenuePerEmployee: 45, assetRatio: 0.7 },
  { code: 'C3021', descs: ['水泥制品', '建材', '混凝土'], weight: 1.0, revenuePerEmployee: 80, assetRatio: 1.0 },
  { code: 'C3031', descs: ['新型建材', '墙体材料'], weight: 0.5, revenuePerEmployee: 50, assetRatio: 1.0 },
  { code: 'C3311', descs: ['钢结构', '金属结构'], weight: 1.0, revenuePerEmployee: 70, assetRatio: 0.9 },
  { code: 'C3490', descs: ['机械制造', '机械设备', '重工'], weight: 1.5, revenuePerEmployee: 60, assetRatio: 1.0 },
  { code: 'C3572', descs: ['农业机械', '农机装备'], weight: 0.6, revenuePerEmployee: 55, assetRatio: 1.0 },
  { code: 'C3715', descs: ['轨道交通装备', '客车配件'], weight: 0.5, revenuePerEmployee: 80, assetRatio: 1.1 },
  { code: 'C1810', descs: ['服装', '服饰', '制衣'], weight: 0.7, revenuePerEmployee: 25, assetRatio: 0.6 },
  { code: 'C3982', descs: ['电子', '电子科技', '光电'], weight: 0.7, revenuePerEmployee: 70, assetRatio: 1.0 },
  { code: 'C2231', descs: ['包装', '纸制品'], weight: 0.6, revenuePerEmployee: 50, assetRatio: 0.8 },
  { code: 'C3130', descs: ['钢材加工', '金属材料'], weight: 0.4, revenuePerEmployee: 200, assetRatio: 0.8 },
  { code: 'C2929', descs: ['塑料制品', '塑业'], weight: 0.5, revenuePerEmployee: 50, assetRatio: 0.8 },
  // B 采矿业, D 电力热力燃气及水
  { code: 'B0610', descs: ['煤业', '矿业'], weight: 0.3, revenuePerEmployee: 60, assetRatio: 1.5, publicBias: 2 },
  { code: 'D4411', descs: ['热电', '发电'], weight: 0.2, revenuePerEmployee: 200, assetRatio: 2.5, publicBias: 3.5 },
  { code: 'D4430', descs: ['热力', '供热'], weight: 0.3, revenuePerEmployee: 60, assetRatio: 2.0, publicBias: 3 },
  { code: 'D4610', descs: ['水务', '供水'], weight: 0.1, revenuePerEmployee: 40, assetRatio: 3.0, publicBias: 4 },
  // E 建筑业 (~8%)
  { code: 'E4710', descs: ['建筑工程', '建设工程', '建工'], weight: 3.0, revenuePerEmployee: 60, assetRatio: 0.9 },
  { code: 'E4812', descs: ['路桥工程', '公路工程'], weight: 1.2, revenuePerEmployee: 80, assetRatio: 1.0, publicBias: 1.5 },
  { code: 'E4910', descs: ['电力安装', '电气安装'], weight: 1.0, revenuePerEmployee: 50, assetRatio: 0.8 },
  { code: 'E4999', descs: ['安装工程', '设备安装'], weight: 0.5, revenuePerEmployee: 45, assetRatio: 0.8 },
  { code: 'E5011', descs: ['装饰工程', '装饰设计'], weight: 2.0, revenuePerEmployee: 40, assetRatio: 0.7 },
  { code: 'E5012', descs: ['家居装饰', '装饰'], weight: 0.5, revenuePerEmployee: 30, assetRatio: 0.6 },
  // F 批发和零售业 (~26%)
  { code: 'F5111', descs: ['粮食贸易', '粮油贸易'], weight: 2.0, revenuePerEmployee: 300, assetRatio: 0.5 },
  { code: 'F5123', descs: ['农产品', '果蔬'], weight: 1.5, revenuePerEmployee: 200, assetRatio: 0.4 },
  { code: 'F5165', descs: ['建材', '建材贸易'], weight: 2.0, revenuePerEmployee: 250, assetRatio: 0.5 },
  { code: 'F5172', descs: ['汽车配件', '汽车贸易'], weight: 1.5, revenuePerEmployee: 300, assetRatio: 0.5 },
  { code: 'F5174', descs: ['五金', '五金机电'], weight: 1.0, revenuePerEmployee: 200, assetRatio: 0.5 },
  { code: 'F5132', descs: ['服装', '服饰'], weight: 1.0, revenuePerEmployee: 150, assetRatio: 0.4 },
  { code: 'F5181', descs: ['商贸', '贸易', '经贸'], weight: 2.0, revenuePerEmployee: 250, assetRatio: 0.5 },
  { code: 'F5151', descs: ['医药', '医药连锁'], weight: 0.8, revenuePerEmployee: 300, assetRatio: 0.5 },
  { code: 'F5191', descs: ['再生资源'], weight: 0.3, revenuePerEmployee: 150, assetRatio: 0.6 },
  { code: 'F5211', descs: ['百货', '商厦'], weight: 1.5, revenuePerEmployee: 60, assetRatio: 0.8 },
  { code: 'F5212', descs: ['超市', '商贸', '购物中心'], weight: 2.5, revenuePerEmployee: 50, assetRatio: 0.6 },
  { code: 'F5221', descs: ['粮油', '粮油食品'], weight: 0.8, revenuePerEmployee: 60, assetRatio: 0.5 },
  { code: 'F5251', descs: ['大药房', '药房'], weight: 1.5, revenuePerEmployee: 50, assetRatio: 0.5 },
  { code: 'F5261', descs: ['汽车销售服务', '汽车贸易'], weight: 1.0, revenuePerEmployee: 200, assetRatio: 0.6 },
  { code: 'F5265', descs: ['石油', '加油站'], weight: 0.5, revenuePerEmployee: 150, assetRatio: 0.7, publicBias: 2 },
  { code: 'F5271', descs: ['电器', '家电'], weight: 0.8, revenuePerEmployee: 80, assetRatio: 0.5 },
  { code: 'F5232', descs: ['服饰', '鞋服'], weight: 1.0, revenuePerEmployee: 30, assetRatio: 0.5 },
  // G 交通运输、仓储和邮政业 (~7%)
  { code: 'G5431', descs: ['物流', '运输', '货运'], weight: 3.0, revenuePerEmployee: 40, assetRatio: 1.0 },
  { code: 'G5411', descs: ['公交', '公共交通'], weight: 0.2, revenuePerEmployee: 15, assetRatio: 2.0, publicBias: 4 },
  { code: 'G5421', descs: ['客运', '长途客运'], weight: 0.5, revenuePerEmployee: 20, assetRatio: 1.5, publicBias: 2 },
  { code: 'G5821', descs: ['货运代理', '国际货运代理'], weight: 0.8, revenuePerEmployee: 80, assetRatio: 0.5 },
  { code: 'G5910', descs: ['装卸搬运'], weight: 0.3, revenuePerEmployee: 20, assetRatio: 0.6 },
  { code: 'G5920', descs: ['仓储', '仓储物流'], weight: 1.0, revenuePerEmployee: 30, assetRatio: 1.5 },
  { code: 'G6020', descs: ['快递', '速递'], weight: 0.6, revenuePerEmployee: 25, assetRatio: 0.6 },
  // I 信息传输、软件和信息技术服务业 (~5%)
  { code: 'I6312', descs: ['通信', '移动通信'], weight: 0.1, revenuePerEmployee: 150, assetRatio: 2.0, publicBias: 4 },
  { code: 'I6429', descs: ['网络科技', '互联网科技'], weight: 1.0, revenuePerEmployee: 40, assetRatio: 0.8 },
  { code: 'I6513', descs: ['软件', '软件开发'], weight: 1.5, revenuePerEmployee: 40, assetRatio: 0.8 },
  { code: 'I6531', descs: ['信息技术', '系统集成'], weight: 1.5, revenuePerEmployee: 50, assetRatio: 0.7 },
  { code: 'I6550', descs: ['信息咨询', '数字科技'], weight: 0.9, revenuePerEmployee: 30, assetRatio: 0.7 },
  // L 租赁和商务服务业 (~9%)
  { code: 'L7212', descs: ['投资管理', '资产管理'], weight: 1.0, revenuePerEmployee: 80, assetRatio: 4.0, publicBias: 1.5 },
  { code: 'L7221', descs: ['律师事务所'], weight: 0.3, revenuePerEmployee: 30, assetRatio: 0.5, kind: 'law' },
  { code: 'L7259', descs: ['广告', '文化传媒'], weight: 1.0, revenuePerEmployee: 40, assetRatio: 0.6 },
  { code: 'L7263', descs: ['劳务派遣', '劳务'], weight: 1.2, revenuePerEmployee: 10, assetRatio: 0.3 },
  { code: 'L7269', descs: ['人力资源服务', '人力资源'], weight: 0.8, revenuePerEmployee: 20, assetRatio: 0.4 },
  { code: 'L7271', descs: ['保安服务'], weight: 0.6, revenuePerEmployee: 6, assetRatio: 0.3, publicBias: 2 },
  { code: 'L7111', descs: ['汽车租赁'], weight: 0.5, revenuePerEmployee: 40, assetRatio: 2.0 },
  { code: 'L7243', descs: ['企业管理咨询', '咨询服务'], weight: 0.8, revenuePerEmployee: 30, assetRatio: 0.5 },
  { code: 'L7291', descs: ['旅行社', '国际旅行社'], weight: 0.6, revenuePerEmployee: 60, assetRatio: 0.4 },
  { code: 'L7299', descs: ['商务服务', '会展服务'], weight: 1.6, revenuePerEmployee: 30, assetRatio: 0.6 },
  // K 房地产业 (~4%)
  { code: 'K7010', descs: ['房地产开发', '置业'], weight: 1.8, revenuePerEmployee: 300, assetRatio: 3.0 },
  { code: 'K7020', descs: ['物业服务', '物业管理'], weight: 1.8, revenuePerEmployee: 8, assetRatio: 0.4 },
  { code: 'K7030', descs: ['房地产经纪', '房屋中介'], weight: 0.4, revenuePerEmployee: 20, assetRatio: 0.3 },
  // H 住宿和餐饮业 (~7%)
  { code: 'H6110', descs: ['酒店', '大酒店'], weight: 0.8, revenuePerEmployee: 15, assetRatio: 3.0 },
  { code: 'H6129', descs: ['宾馆', '旅馆'], weight: 0.8, revenuePerEmployee: 10, assetRatio: 1.5 },
  { code: 'H6210', descs: ['餐饮', '饭店', '餐饮管理'], weight: 3.5, revenuePerEmployee: 12, assetRatio: 0.5 },
  { code: 'H6220', descs: ['快餐', '餐饮服务'], weight: 1.2, revenuePerEmployee: 10, assetRatio: 0.4 },
  { code: 'H6241', descs: ['餐饮配送', '团餐'], weight: 0.3, revenuePerEmployee: 15, assetRatio: 0.4 },
  // A 农、林、牧、渔业 (~6%), mostly 农民专业合作社
  { code: 'A0111', descs: ['水稻种植', '稻米种植'], weight: 1.0, revenuePerEmployee: 15, assetRatio: 1.5, coopShare: 0.7 },
  { code: 'A0113', descs: ['玉米种植', '粮食种植'], weight: 1.5, revenuePerEmployee: 15, assetRatio: 1.5, coopShare: 0.7 },
  { code: 'A0141', descs: ['蔬菜种植', '果蔬种植'], weight: 0.8, revenuePerEmployee: 12, assetRatio: 1.2, coopShare: 0.6 },
  { code: 'A0171', descs: ['人参种植', '中药材种植'], weight: 0.6, revenuePerEmployee: 20, assetRatio: 1.5, coopShare: 0.6 },
  { code: 'A0311', descs: ['肉牛养殖', '牧业'], weight: 0.8, revenuePerEmployee: 30, assetRatio: 1.2, coopShare: 0.5 },
  { code: 'A0313', descs: ['生猪养殖', '畜牧'], weight: 0.8, revenuePerEmployee: 30, assetRatio: 1.2, coopShare: 0.5 },
  { code: 'A0512', descs: ['农机服务', '农业机械'], weight: 0.5, revenuePerEmployee: 10, assetRatio: 2.0, coopShare: 0.7 },
  // M, N, O, P, Q, R
  { code: 'M7320', descs: ['科技研发', '技术研究'], weight: 0.6, revenuePerEmployee: 30, assetRatio: 1.0 },
  { code: 'M7483', descs: ['工程设计', '建筑设计'], weight: 0.8, revenuePerEmployee: 35, assetRatio: 0.6 },
  { code: 'M7452', descs: ['检测', '检验检测'], weight: 0.6, revenuePerEmployee: 30, assetRatio: 1.0 },
  { code: 'N7820', descs: ['环卫服务', '环境卫生'], weight: 0.5, revenuePerEmployee: 8, assetRatio: 0.6, publicBias: 2 },
  { code: 'N7852', descs: ['旅游开发', '景区管理'], weight: 0.5, revenuePerEmployee: 20, assetRatio: 3.0, publicBias: 2 },
  { code: 'O8010', descs: ['家政服务', '家庭服务'], weight: 0.8, revenuePerEmployee: 5, assetRatio: 0.3 },
  { code: 'O8111', descs: ['汽车维修', '汽车服务'], weight: 1.0, revenuePerEmployee: 20, assetRatio: 0.6 },
  { code: 'P8391', descs: ['职业技能培训学校'], weight: 0.5, revenuePerEmployee: 10, assetRatio: 0.8, kind: 'nonprofit' },
  { code: 'Q8514', descs: ['养老服务中心', '颐养院'], weight: 0.5, revenuePerEmployee: 8, assetRatio: 1.5, kind: 'nonprofit' },
  { code: 'R9051', descs: ['文化传媒', '文化发展'], weight: 0.5, revenuePerEmployee: 25, assetRatio: 0.8 },
];

/** 从事协调劳动关系的社会组织: S95 社会团体 (9521 专业性团体, 9522 行业性团体). */
export const SOCIAL_ORGANIZATIONS: { code: string; names: string[] }[] = [
  { code: 'S9521', names: ['劳动关系研究会', '人力资源管理协会', '劳动争议调解协会', '劳动保障学会', '和谐劳动关系促进会'] },
  {
    code: 'S9522',
    names: [
      '物流行业协会', '餐饮行业协会', '建筑业协会', '汽车零部件行业协会', '房地产业协会', '人力资源服务行业协会',
      '个体劳动者协会', '物业管理协会', '商会', '浙江商会', '福建商会', '温州商会', '山东商会', '河北商会',
      '民营企业协会', '家政服务业协会', '中小企业协会', '旅游协会',
    ],
  },
];

/** 字号: two of these, e.g. 恒达, 鑫源. */
export const TRADE_NAME_CHARACTERS =
  '华信鑫源恒达宏远金鼎盛世泰隆兴旺瑞丰福祥博通顺安嘉禾万利佳和永昌龙腾海天正德明辉宇航东北长青松江白山中亿诚凯瀚晟润峰益众联创新合广汇聚锦程吉林升弘骏裕融启杰卓越';

export const SURNAMES: [string, number][] = [
  ['王', 7.1], ['李', 7.0], ['张', 6.7], ['刘', 5.4], ['陈', 3.5], ['杨', 3.1], ['赵', 2.6], ['黄', 1.5], ['周', 1.6],
  ['吴', 1.4], ['徐', 1.2], ['孙', 1.8], ['胡', 1.0], ['朱', 1.0], ['高', 1.2], ['林', 0.7], ['何', 0.6], ['郭', 0.9],
  ['马', 1.0], ['罗', 0.4], ['梁', 0.6], ['宋', 0.8], ['郑', 0.5], ['谢', 0.4], ['韩', 0.8], ['唐', 0.4], ['冯', 0.5],
  ['于', 1.0], ['董', 0.6], ['肖', 0.4], ['程', 0.3], ['曹', 0.4], ['袁', 0.3], ['邓', 0.3], ['许', 0.4], ['傅', 0.2],
  ['沈', 0.3], ['曾', 0.2], ['彭', 0.2], ['吕', 0.3], ['苏', 0.3], ['卢', 0.3], ['蒋', 0.2], ['蔡', 0.2], ['贾', 0.3],
  ['丁', 0.3], ['魏', 0.4], ['薛', 0.2], ['叶', 0.2], ['阎', 0.2], ['余', 0.2], ['潘', 0.2], ['杜', 0.3], ['戴', 0.1],
  ['夏', 0.2], ['钟', 0.2], ['汪', 0.1], ['田', 0.3], ['任', 0.3], ['姜', 0.5], ['范', 0.3], ['方', 0.2], ['石', 0.3],
  ['姚', 0.2], ['谭', 0.1], ['廖', 0.1], ['邹', 0.2], ['熊', 0.1], ['金', 0.3], ['陆', 0.1], ['郝', 0.2], ['孔', 0.2],
  ['白', 0.3], ['崔', 0.4], ['康', 0.2], ['毛', 0.1], ['邱', 0.1], ['秦', 0.2], ['江', 0.1], ['史', 0.2], ['顾', 0.1],
  ['侯', 0.2], ['邵', 0.1], ['孟', 0.3], ['龙', 0.1], ['万', 0.1], ['段', 0.1], ['雷', 0.1], ['钱', 0.1], ['汤', 0.1],
  ['尹', 0.2], ['常', 0.2], ['武', 0.2], ['乔', 0.1], ['贺', 0.1], ['文', 0.1], ['关', 0.3], ['佟', 0.2], ['付', 0.3],
  ['隋', 0.1], ['房', 0.1], ['闫', 0.2], ['曲', 0.2], ['那', 0.1], ['庞', 0.1], ['鲁', 0.1], ['霍', 0.1], ['单', 0.1],
];

/** Surnames common among the Korean (朝鲜族) population of 延边. */
export const KOREAN_SURNAMES: [string, number][] = [
  ['金', 3], ['李', 3], ['朴', 2.5], ['崔', 1.5], ['郑', 0.8], ['姜', 0.5], ['赵', 0.5], ['张', 0.5], ['尹', 0.4],
  ['韩', 0.4], ['申', 0.3], ['吴', 0.3], ['俞', 0.2], ['玄', 0.1], ['全', 0.2], ['许', 0.2],
];

export const MALE_GIVEN =
  '伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦奇固之翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树德行时泰盛雄琛钧冠策腾楠风航弘';
export const FEMALE_GIVEN =
  '秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱霞香月媛艳瑞凡佳嘉琼勤珍贞莉桂叶璐娅琦晶妍茜秋珊莎锦青倩婷婉娴瑾颖露瑶怡雁蓓仪荷丹蓉君琴蕊薇菁梦岚馨韵园艺咏卿聪澜纯悦昭冰爽茗羽希欣育滢筠柔竹凝晓欢枫芸菲伊亚宜可舒影丽阳妮宝晴容睿雯萱彦宇雨洋曼紫逸';

export const PHONE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '157', '158', '159',
  '176', '177', '180', '181', '185', '186', '187', '188', '189',
];

export const ENTERPRISE_POSTS = [
  '人力资源部经理', '人力资源专员', '劳动关系专员', '人事主管', '工会主席', '行政人事部部长', '薪酬福利主管',
  '综合办公室主任', '人事行政专员', '企业劳动争议调解委员会主任', '人力资源总监', '员工关系主管',
];
export const GRASSROOTS_POSTS = ['劳动保障协理员', '基层劳动关系协调员', '劳动争议调解员', '社区劳动保障专干', '服务中心主任'];

/** 三方成员单位 at county/city/province level: unit suffix, category of 三(一), posts. */
export const TRIPARTITE_UNITS: { suffix: string; provinceName: string; category: 3 | 4; weight: number; posts: string[] }[] = [
  {
    suffix: '人力资源和社会保障局',
    provinceName: '吉林省人力资源和社会保障厅',
    category: 3,
    weight: 0.45,
    posts: ['劳动关系科科员', '劳动关系科科长', '劳动保障监察员', '劳动人事争议仲裁员'],
  },
  { suffix: '总工会', provinceName: '吉林省总工会', category: 4, weight: 0.3, posts: ['法律工作部干事', '权益保障部部长', '基层工作部干事'] },
  { suffix: '企业联合会', provinceName: '吉林省企业联合会', category: 4, weight: 0.15, posts: ['维权部干事', '副秘书长'] },
  { suffix: '工商业联合会', provinceName: '吉林省工商业联合会', category: 4, weight: 0.1, posts: ['会员部干事', '法律维权部干事'] },
];

export const RELATED_OCCUPATIONS: [string, number][] = [
  ['劳动关系协调员', 0.4], ['人力资源管理', 0.32], ['劳动保障事务处理', 0.22], ['劳动关系社会工作', 0.06],
];
export const UNRELATED_OCCUPATIONS = ['销售', '财务', '行政文员', '生产技术员', '客户服务', '仓库管理', '司机'];

export const RELATED_MAJORS: [string, number][] = [
  ['劳动与社会保障', 0.22], ['人力资源管理', 0.3], ['法学', 0.16], ['社会学', 0.07], ['工商企业管理', 0.15],
  ['劳动经济学', 0.05], ['劳动关系', 0.05],
];
export const UNRELATED_MAJORS = [
  '机械工程', '会计学', '汉语言文学', '计算机科学与技术', '市场营销', '土木工程', '英语', '行政管理', '汽车服务工程',
  '电气工程及其自动化', '财务管理', '旅游管理',
];
export const SECONDARY_MAJORS = ['普通高中', '会计（中专）', '文秘（中专）', '机电技术（中专）'];

export const UNIVERSITIES = [
  '吉林大学', '东北师范大学', '长春理工大学', '吉林财经大学', '长春工业大学', '吉林师范大学', '北华大学', '延边大学',
  '吉林农业大学', '长春大学', '吉林建筑大学', '吉林工商学院', '通化师范学院', '白城师范学院', '吉林化工学院', '长春师范大学',
  '吉林华桥外国语学院', '长春光华学院',
];
export const COLLEGES = [
  '长春职业技术学院', '吉林交通职业技术学院', '吉林电子信息职业技术学院', '吉林工业职业技术学院', '吉林铁道职业技术学院',
  '长春汽车职业技术大学', '吉林司法警官职业学院', '四平职业大学', '辽源职业技术学院', '松原职业技术学院', '延边职业技术学院',
  '吉林开放大学', '吉林农业科技学院',
];
export const GRADUATE_SCHOOLS = ['吉林大学', '东北师范大学', '吉林财经大学', '长春理工大学', '中国人民大学', '东北财经大学'];

export const CERTIFICATE_OCCUPATIONS: [string, number][] = [
  ['劳动关系协调员', 0.7], ['企业人力资源管理师', 0.14], ['劳动保障协理员', 0.09], ['社会工作者', 0.07],
];
/** 社会工作者职业水平证书 titles and the skill level they stand for (the default bridge). */
export const SOCIAL_WORK_TITLES: Record<number, string> = { 3: '助理社会工作师', 2: '社会工作师', 1: '高级社会工作师' };
export const CERTIFYING_BODIES = [
  '吉林省劳动关系协调员职业技能等级认定中心', '长春市职业技能等级认定指导中心', '吉林省总工会职业技能等级认定站',
  '吉林开放大学职业技能等级认定中心', '吉林省劳动保障职业技能等级认定中心',
];

export const SHORT_COURSES = [
  '劳动人事争议调解实务培训', '集体协商业务培训', '劳动合同法专题培训', '基层劳动关系协调员能力提升培训',
  '和谐劳动关系创建业务培训', '劳动保障监察业务培训', '新就业形态劳动者权益保障专题培训', '根治欠薪工作业务培训',
];
export const TRAINING_PROVIDERS = [
  '吉林省人力资源和社会保障厅', '吉林省总工会', '吉林省劳动关系研究会', '吉林开放大学', '长春市职业技能培训中心',
  '吉林省职业技能鉴定中心', '吉林省企业联合会',
];

export const HONOR_TITLES: Record<'NATIONAL' | 'PROVINCIAL' | 'CITY' | 'COUNTY', string[]> = {
  NATIONAL: ['全国构建和谐劳动关系先进个人'],
  PROVINCIAL: ['吉林省构建和谐劳动关系先进个人', '吉林省优秀劳动关系协调员', '吉林省劳动人事争议调解工作先进个人'],
  CITY: ['优秀劳动关系协调员', '劳动人事争议调解工作先进个人', '和谐劳动关系创建工作先进个人', '劳动保障工作先进个人'],
  COUNTY: ['优秀劳动关系协调员', '劳动争议调解工作先进个人', '优秀基层劳动保障协理员', '集体协商工作先进个人'],
};

export const DISCIPLINARY_KINDS: { kind: string; description: string }[] = [
  { kind: '违纪处分', description: '违反工作纪律，受到单位警告处分' },
  { kind: '违法违规', description: '违规收取调解服务费用，被责令退还' },
  { kind: '问责', description: '未按规定履行劳动争议调解职责，被通报批评' },
  { kind: '失信惩戒', description: '被列入失信被执行人名单' },
];

export const INCIDENT_KINDS: { kind: string; descriptions: string[] }[] = [
  { kind: '重大劳动关系群体性事件', descriptions: ['因拖欠工资引发的集体讨薪事件', '职工集体停工事件', '改制安置引发的职工聚集事件'] },
  { kind: '重大劳动关系突发性事件', descriptions: ['企业经营者欠薪逃匿', '企业突然关停引发的劳动争议'] },
  { kind: '重大信访事件', descriptions: ['职工集体越级上访', '社会保险缴费争议引发的集体信访'] },
];
