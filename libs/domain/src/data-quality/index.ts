// The bureaus' clean-up list: data-quality rules as data (kind, severity, Chinese description),
// in the manner of DHIS2's validation rules. The api keeps each rule's query by its code and the
// database a table of the rules in force (severity and whether it counts can be changed by the
// province); this list is the default the migration seeds and the score's weights.

export type DataQualityEntity = 'COORDINATOR' | 'ENTERPRISE';
export type DataQualitySeverity = 'ERROR' | 'WARNING' | 'INFO';

export interface DataQualityRule {
  code: string;
  entity: DataQualityEntity;
  severity: DataQualitySeverity;
  description: string;
  descriptionEn: string;
}

export const DATA_QUALITY_RULES: readonly DataQualityRule[] = [
  { code: 'DUPLICATE_PERSON', entity: 'COORDINATOR', severity: 'WARNING', description: '疑似重复人员：姓名与出生日期相同，身份证号码不同', descriptionEn: 'Probable duplicate person: same name and birth date, different ID numbers' },
  { code: 'DUPLICATE_ENTERPRISE', entity: 'ENTERPRISE', severity: 'WARNING', description: '疑似重复单位：同一地区名称相同，统一社会信用代码不同', descriptionEn: 'Probable duplicate enterprise: same name and region, different credit codes' },
  { code: 'MISSING_EMPLOYER', entity: 'COORDINATOR', severity: 'ERROR', description: '在岗人员缺少工作单位', descriptionEn: 'Active coordinator without an employer or unit' },
  { code: 'MISSING_EDUCATION', entity: 'COORDINATOR', severity: 'WARNING', description: '在岗人员缺少学历信息', descriptionEn: 'Active coordinator without an education record' },
  { code: 'MISSING_PHONE', entity: 'COORDINATOR', severity: 'WARNING', description: '在岗人员缺少联系电话', descriptionEn: 'Active coordinator without a phone number' },
  { code: 'MISSING_CERTIFICATE_NUMBER', entity: 'COORDINATOR', severity: 'WARNING', description: '证书缺少证书编号', descriptionEn: 'A certificate without its number' },
  { code: 'EMPLOYER_CLOSED', entity: 'COORDINATOR', severity: 'ERROR', description: '在岗人员的工作单位已停用（注销）', descriptionEn: 'Active coordinator whose employer has closed' },
  { code: 'EMPLOYER_OUTSIDE_REGION', entity: 'COORDINATOR', severity: 'WARNING', description: '工作单位不在人员所在县（市、区）', descriptionEn: 'Employer outside the coordinator\'s county' },
  { code: 'SIZE_OVERRIDE_CONTRADICTS', entity: 'ENTERPRISE', severity: 'WARNING', description: '企业规模人工认定与最新数据测算结果不一致', descriptionEn: 'Size override contradicts the latest figures' },
  { code: 'STALE_RECORD', entity: 'COORDINATOR', severity: 'INFO', description: '在岗人员信息 12 个月未更新', descriptionEn: 'Active coordinator not updated for 12 months' },
  { code: 'LEFT_WITHOUT_DATE', entity: 'COORDINATOR', severity: 'ERROR', description: '已离岗但缺少离岗日期', descriptionEn: 'Left the corps without a date' },
];

/** What one failing record costs the score, by severity. */
export const DATA_QUALITY_WEIGHTS: Record<DataQualitySeverity, number> = { ERROR: 1, WARNING: 0.5, INFO: 0.2 };

/**
 * The region's score, 0–100 with one decimal: 100 less the weighted share of failing records
 * among the region's records (active coordinators and active enterprises). A record failing two
 * rules counts twice; the score never goes below 0. A region without records scores 100.
 */
export function dataQualityScore(failures: readonly { severity: DataQualitySeverity; count: number }[], records: number): number {
  if (records <= 0) return 100;
  const weighted = failures.reduce((sum, failure) => sum + DATA_QUALITY_WEIGHTS[failure.severity] * Math.max(0, failure.count), 0);
  return Math.round(Math.max(0, 1 - weighted / records) * 1000) / 10;
}
