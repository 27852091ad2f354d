// The audit trail in words an auditor reads (审计日志): Chinese labels for the actions, the
// fields of an entry's detail and their coded values. Shared by the audit page and its xlsx
// export so the screen and the file say the same. Unknown keys and values are shown as stored.
import { ROLE_LABELS } from '../accounts';
import { NOMINATION_STATE_LABELS } from '../awards';
import { SIZE_CLASS_LABELS } from '../enterprise-size';

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  LOGIN_SUCCESS: '登录成功',
  LOGIN_FAILURE: '登录失败',
  LOGOUT: '退出登录',
  PASSWORD_CHANGE: '修改密码',
  PASSWORD_CHANGE_FAILURE: '修改密码失败',
  PASSWORD_RESET: '重置密码',
  ACCESS_DENIED: '拒绝访问',
  ID_NUMBER_REVEAL: '查看身份证号',
  USER_CREATE: '新增用户',
  USER_UPDATE: '修改用户',
  USER_ENABLE: '启用用户',
  USER_DISABLE: '停用用户',
  USER_UNLOCK: '解除锁定',
  COORDINATOR_CREATE: '新增协调员',
  COORDINATOR_UPDATE: '修改协调员',
  COORDINATOR_DEACTIVATE: '协调员离岗',
  COORDINATOR_REACTIVATE: '协调员恢复在岗',
  ENTERPRISE_CREATE: '新增用人单位',
  ENTERPRISE_UPDATE: '修改用人单位',
  ENTERPRISE_DEACTIVATE: '注销用人单位',
  ENTERPRISE_REACTIVATE: '恢复用人单位',
  IMPORT_COMMIT: '导入提交',
  EXPORT: '导出',
  AUDIT_LOG_EXPORT: '导出审计日志',
  NOMINATION_CREATE: '提交推荐',
  NOMINATION_DECIDE: '评审决定',
  NOMINATION_OBJECTION: '公示异议',
  NOMINATION_OBJECTION_RESOLVE: '处理异议',
  NOMINATION_RANK: '推荐排序',
  AWARD_CAMPAIGN_CREATE: '创建评选',
  AWARD_CAMPAIGN_UPDATE: '修改评选',
  AWARD_DECISION_PUBLISH: '公布评选结果',
  AWARD_TITLE_REVOKE: '撤销称号',
  CALENDAR_OVERRIDE_SET: '调整工作日',
  CALENDAR_OVERRIDE_REMOVE: '取消工作日调整',
  CALENDAR_YEAR_CONFIRM: '确认年度节假日',
  CALENDAR_YEAR_UNCONFIRM: '撤销年度节假日确认',
  ELIGIBILITY_TABLE_SET: '修改评选条件表',
  ELIGIBILITY_TABLE_RESET: '恢复评选条件表',
  IMPORT_ERROR_FILE: '下载导入错误文件',
  ID_NUMBER_REGISTERED_ELSEWHERE: '身份证号码已在他处登记',
  ID_NUMBER_PROBE_LIMIT_WARNING: '身份证号码查询超过每日上限',
  YEAR_CLOSE: '锁定年度数据',
  YEAR_REOPEN: '解锁年度数据',
  COVERAGE_TARGET_ADD: '新增配备目标',
  REGION_CHANGE: '调整行政区划',
  DATA_QUALITY_RULE_UPDATE: '修改数据质量规则',
  BOUNDARY_MAP_UPLOAD: '上传地图数据',
  BOUNDARY_MAP_USE: '切换地图',
  STUDIO_CREATE: '新增工作室（指导站）',
  STUDIO_UPDATE: '修改工作室（指导站）',
  TRAINING_PROVIDER_CREATE: '新增培训机构',
  TRAINING_PROVIDER_UPDATE: '修改培训机构',
  WORK_RECORD_CREATE: '新增工作记录',
  WORK_RECORD_UPDATE: '修改工作记录',
  WORK_RECORD_DELETE: '删除工作记录',
  TRAINING_SESSION_CREATE: '新增培训班',
  TRAINING_SESSION_UPDATE: '修改培训班',
  TRAINING_ENROLL: '培训报名',
  TRAINING_RESULT: '登记培训结果',
  SUBSIDY_APPLY: '申请培训补贴',
  SUBSIDY_GRANT: '批准培训补贴',
  SUBSIDY_REFUSE: '驳回培训补贴',
};

export const AUDIT_OBJECT_TYPE_LABELS: Record<string, string> = {
  coordinator: '协调员',
  enterprise: '用人单位',
  user: '用户',
  id_number: '身份证号码',
  app_user: '用户',
  nomination: '推荐',
  import_job: '导入',
  export: '导出',
  audit_log: '审计日志',
  award_campaign: '评选',
  calendar_override: '工作日调整',
  calendar_year: '年度节假日',
  eligibility_table_entry: '评选条件表',
  region: '地区',
  data_quality_rule: '数据质量规则',
  boundary_map: '地图数据',
  studio: '工作室（指导站）',
  training_provider: '培训机构',
  training_session: '培训班',
  work_record: '工作记录',
  subsidy_claim: '培训补贴',
  training_participation: '培训记录',
  closed_year: '年度数据',
  coverage_target: '配备目标',
};

export const AUDIT_FIELD_LABELS: Record<string, string> = {
  name: '名称',
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  active: '启用',
  regionCode: '地区',
  regionPath: '地区',
  enterpriseId: '用人单位',
  tripartiteOrGrassroots: '三方成员单位或基层',
  affiliation: '所属类型',
  category: '人员类别',
  phone: '电话',
  unitName: '单位名称',
  post: '岗位',
  joinedOn: '入职日期',
  leftOn: '离岗日期',
  status: '状态',
  derivedSizeClass: '企业规模（按指标判定）',
  sizeClass: '企业规模',
  declaredSizeClass: '企业规模（申报）',
  creditCode: '统一社会信用代码',
  employees: '从业人员',
  revenue: '营业收入',
  assets: '资产总额',
  industryCode: '行业',
  publicOwned: '国有',
  reason: '原因',
  operation: '操作',
  mode: '导入方式',
  kind: '类别',
  fileName: '文件名',
  filter: '筛选条件',
  locked: '已锁定',
  subRecords: '子记录',
  subRecordsReplaced: '子记录已替换',
  incidentsReplaced: '劳动争议记录已替换',
  from: '原状态',
  to: '新状态',
  fromOffice: '原办理单位',
  toOffice: '新办理单位',
  tier: '称号',
  year: '年度',
  named: '入选',
  candidates: '候选人数',
  certificateNumber: '证书编号',
  form: '表格',
  nominationId: '推荐编号',
  holidays: '节假日',
  note: '说明',
  workday: '工作日',
  level: '等级',
  excluded: '排除',
  referenceDate: '基准日期',
  submissionStart: '申报开始',
  submissionEnd: '申报截止',
  goldTarget: '金牌目标',
  quotas: '名额',
  upheld: '异议成立',
  order: '排序',
  decisionDocument: '决定文件',
  written: '写入行数',
  invalid: '错误行数',
  total: '总行数',
  valid: '正确行数',
  rows: '行数',
  mustChangePassword: '须修改密码',
  failedLogins: '连续登录失败次数',
  count: '条数',
};

const BOOLEAN_TEXT = (value: boolean) => (value ? '是' : '否');

const REASON_LABELS: Record<string, string> = {
  'outside jurisdiction': '超出管辖范围',
  'wrong password': '密码错误',
  'wrong old password': '原密码错误',
  disabled: '账号已停用',
  locked: '账号已锁定',
  'unknown user': '用户名不存在',
};

// Resolver operations (the ACCESS_DENIED entries name the handler that refused).
const OPERATION_LABELS: Record<string, string> = {
  setUserActive: '启用/停用用户',
  createUser: '新增用户',
  updateUser: '修改用户',
  resetUserPassword: '重置密码',
  unlockUser: '解除锁定',
  users: '查看用户',
  auditLogs: '查看审计日志',
  createCoordinator: '新增协调员',
  updateCoordinator: '修改协调员',
  deactivateCoordinator: '协调员离岗',
  deactivateCoordinators: '批量离岗',
  reactivateCoordinator: '协调员恢复在岗',
  revealIdNumber: '查看身份证号',
  coordinator: '查看协调员',
  coordinators: '查看协调员列表',
  createEnterprise: '新增用人单位',
  updateEnterprise: '修改用人单位',
  deactivateEnterprise: '注销用人单位',
  reactivateEnterprise: '恢复用人单位',
  enterprise: '查看用人单位',
  enterprises: '查看用人单位列表',
  nominate: '提交推荐',
  decideNominations: '评审决定',
  saveAwardCampaign: '保存评选设置',
  setCalendarOverride: '调整工作日',
  removeCalendarOverride: '取消工作日调整',
  confirmCalendarYear: '确认年度节假日',
  unconfirmCalendarYear: '撤销年度节假日确认',
  setEligibilityTableEntry: '修改评选条件表',
  resetEligibilityTableEntry: '恢复评选条件表',
  login: '登录',
  changePassword: '修改密码',
};

const VALUE_LABELS: Record<string, Record<string, string>> = {
  role: ROLE_LABELS,
  derivedSizeClass: SIZE_CLASS_LABELS,
  sizeClass: SIZE_CLASS_LABELS,
  declaredSizeClass: SIZE_CLASS_LABELS,
  status: { ACTIVE: '在岗', LEFT: '离岗', INACTIVE: '已注销' },
  affiliation: { ENTERPRISE: '用人单位', TRIPARTITE: '三方成员单位', GRASSROOTS: '乡镇（街道、社区）基层平台', OTHER: '其他' },
  mode: { ALL_OR_NOTHING: '全部导入（有错误则不导入）', VALID_ONLY: '仅导入正确的行' },
  reason: REASON_LABELS,
  operation: OPERATION_LABELS,
  kind: { coordinators: '协调员', enterprises: '用人单位', 'uncovered-enterprises': '未配备协调员的大中型企业', nominations: '评选推荐名单', 'audit-log': '审计日志' },
  tier: { GOLD: '金牌', SILVER: '银牌', BRONZE: '铜牌' },
  from: NOMINATION_STATE_LABELS as Record<string, string>,
  to: NOMINATION_STATE_LABELS as Record<string, string>,
};

/** One coded value in words: 大型 for derivedSizeClass LARGE, 是/否 for booleans, — for none. */
export function auditValueText(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return BOOLEAN_TEXT(value);
  if (typeof value === 'string') return VALUE_LABELS[field]?.[value] ?? value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((item) => auditValueText(field, item)).join('、');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => `${AUDIT_FIELD_LABELS[key] ?? key} ${auditValueText(key, inner)}`)
      .join('，');
  }
  return String(value);
}

export interface AuditDetailLine {
  /** the field's Chinese label (or its stored key when unknown) */
  label: string;
  /** present for a change: the value before */
  before?: string;
  /** the value, or after a change */
  value: string;
}

/** An entry's detail (JSON text or object) as labelled lines; `changes` become before → after lines. */
export function describeAuditDetail(detail: string | Record<string, unknown> | null | undefined): AuditDetailLine[] {
  if (!detail) return [];
  let parsed: unknown = detail;
  if (typeof detail === 'string') {
    try {
      parsed = JSON.parse(detail);
    } catch {
      return [{ label: '详情', value: detail }];
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return [{ label: '详情', value: auditValueText('', parsed) }];
  const lines: AuditDetailLine[] = [];
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (key === 'changes' && value && typeof value === 'object') {
      for (const [field, change] of Object.entries(value as Record<string, { before?: unknown; after?: unknown }>)) {
        lines.push({ label: AUDIT_FIELD_LABELS[field] ?? field, before: auditValueText(field, change?.before), value: auditValueText(field, change?.after) });
      }
    } else {
      lines.push({ label: AUDIT_FIELD_LABELS[key] ?? key, value: auditValueText(key, value) });
    }
  }
  return lines;
}

/** A line as one text: "企业规模（按指标判定）：大型 → 小型". */
export function auditDetailLineText(line: AuditDetailLine): string {
  return line.before !== undefined ? `${line.label}：${line.before} → ${line.value}` : `${line.label}：${line.value}`;
}

/** Who acted, as an office reads it: "朝阳区 · 张三" (region, then the account's display name). */
export function auditActorText(entry: { username?: string | null; userDisplayName?: string | null; userRegionName?: string | null }): string {
  const person = entry.userDisplayName || entry.username;
  if (!person) return '—';
  return entry.userRegionName ? `${entry.userRegionName} · ${person}` : person;
}
