import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { chinaYear, WORK_RECORD_KIND_LABELS, WORK_RECORD_OUTCOME_LABELS } from '@registry/domain';
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { SessionUser } from '../common/session-user';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { CellStyle, columnName, XlsxStreamWriter } from '../imports/exporting/xlsx-writer';
import { RegionsService } from '../regions/regions.service';
import type { WorkRecordFilter } from './dto/work-record.input';
import { WorkFiguresService } from './work-figures.service';
import { WorkRecordsService } from './work-records.service';

const PAGE = 1000;
const RECORD_HEADERS = ['序号', '协调员', '工作类型', '次数', '工作日期', '服务企业', '调解结果', '计入地区', '工作说明', '录入人'];
const SILENT_HEADERS = ['序号', '协调员', '所在地区', '用人单位或工作单位', '最近一次工作记录'];

function nowText(): string {
  return new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

// The drill-down exports of 六(三): the records behind a figure (the workRecords list's filter,
// all pages) and the silent coordinators of a region and year, as the lists show them.
@Injectable()
export class WorkRecordExportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly records: WorkRecordsService,
    private readonly figures: WorkFiguresService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async start(writer: XlsxStreamWriter, name: string, headers: string[], title: string): Promise<void> {
    await writer.addSheet(name, { widths: headers.map((header) => Math.max(10, header.length * 2 + 4)), frozenRows: 2, merges: [`A1:${columnName(headers.length - 1)}1`] });
    await writer.addRow([title], CellStyle.TITLE);
    await writer.addRow(headers, CellStyle.HEADER);
  }

  private describe(user: SessionUser, regionCode: string | null | undefined, year: number | null | undefined): string {
    const region = this.regions.find(regionCode ?? user.regionCode);
    return `地区：${region?.name ?? ''}${year ? `；年度：${year}` : ''}`;
  }

  /** Throws BAD_USER_INPUT for a region outside the scope or a bad year, before a file is started. */
  checkRecordsFilter(user: SessionUser, filter: WorkRecordFilter): void {
    this.records.filterSql(user, filter);
  }

  async checkSilentFilter(user: SessionUser, filter: { regionCode?: string | null; year?: number | null }): Promise<void> {
    await this.figures.silent(user, filter.regionCode, filter.year ?? chinaYear(), { offset: 0, limit: 1 });
  }

  async exportRecords(user: SessionUser, filter: WorkRecordFilter, out: Writable): Promise<void> {
    const writer = new XlsxStreamWriter(out);
    await this.start(writer, '工作记录', RECORD_HEADERS, `劳动关系协调员工作记录（${this.describe(user, filter.regionCode, filter.year)}；生成时间：${nowText()}）`);
    const { where, parameters } = this.records.filterSql(user, filter);
    let seq = 0;
    let total = 0;
    for (let offset = 0; ; offset += PAGE) {
      const rows: Record<string, any>[] = await this.dataSource.query(
        `select w.kind, w.count, w.recorded_on::text as recorded_on, w.date_precision, w.outcome, w.description, w.region_code,
           c.name as coordinator_name, e.name as enterprise_name, u.display_name as recorder
         from work_record w left join coordinator c on c.id = w.coordinator_id left join enterprise e on e.id = w.enterprise_id
           left join app_user u on u.id = w.recorded_by
         where ${where} order by w.recorded_on desc, w.id desc offset ${offset} limit ${PAGE}`,
        parameters,
      );
      for (const row of rows) {
        seq += 1;
        total += row.count;
        await writer.addRow([
          seq,
          row.coordinator_name ?? '（已调出本辖区）',
          (WORK_RECORD_KIND_LABELS as Record<string, string>)[row.kind],
          row.count,
          row.date_precision === 'MONTH' ? String(row.recorded_on).slice(0, 7) : row.recorded_on,
          row.enterprise_name,
          row.outcome ? (WORK_RECORD_OUTCOME_LABELS as Record<string, string>)[row.outcome] : null,
          this.regions.find(row.region_code)?.name ?? row.region_code,
          row.description,
          row.recorder,
        ]);
      }
      if (rows.length < PAGE) break;
      if (out.writableNeedDrain) await new Promise((resolve) => out.once('drain', resolve));
    }
    await writer.addRow(['合计', `共 ${seq} 条`, null, total]);
    await writer.finish();
  }

  async exportSilent(user: SessionUser, filter: { regionCode?: string | null; year?: number | null }, out: Writable): Promise<void> {
    const year = filter.year ?? chinaYear();
    const writer = new XlsxStreamWriter(out);
    const first = await this.figures.silent(user, filter.regionCode, year, { offset: 0, limit: 1 });
    await this.start(writer, '未开展工作的协调员', SILENT_HEADERS, `近12个月无工作记录的协调员（${this.describe(user, filter.regionCode, year)}；生成时间：${nowText()}）`);
    let seq = 0;
    for (let offset = 0; offset < first.total; offset += this.config.graphql.maxPageSize) {
      const page = await this.figures.silent(user, filter.regionCode, year, { offset, limit: this.config.graphql.maxPageSize });
      for (const item of page.items) {
        seq += 1;
        await writer.addRow([seq, item.name, this.regions.find(item.regionCode)?.name ?? item.regionCode, item.employer, item.lastRecordedOn ?? '从未记录']);
      }
      if (page.items.length === 0) break;
    }
    await writer.addRow(['合计', `共 ${seq} 人`]);
    await writer.finish();
  }
}
