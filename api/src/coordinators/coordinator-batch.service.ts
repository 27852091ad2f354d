import { compareDates, isValidIsoDate, todayIsoDate } from '@registry/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, changedFields } from '../audit/audit.service';
import { RegistryError } from '../common/registry-error';
import type { SessionUser } from '../common/session-user';
import { CoordinatorsService } from './coordinators.service';
import type { BatchDeactivateCoordinatorsInput } from './dto/coordinator-batch.input';
import type { CoordinatorEntity } from './entities/coordinator.entity';

export const BATCH_MAX = 500;

// 批量离岗 from the list: one date and one reason for the selected people, all or none. Each
// person must be in the user's jurisdiction, in post, and have joined on or before the date;
// the first who is not is named and nothing changes. One audit row per person, as for one.
@Injectable()
export class CoordinatorBatchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly coordinators: CoordinatorsService,
    private readonly audit: AuditService,
  ) {}

  async deactivate(user: SessionUser, input: BatchDeactivateCoordinatorsInput): Promise<string[]> {
    const ids = [...new Set(input.ids)];
    if (ids.length === 0) throw RegistryError.badInput('ids', '请至少选择一名协调员');
    if (ids.length > BATCH_MAX) throw RegistryError.badInput('ids', `一次最多 ${BATCH_MAX} 人`);
    const leftOn = input.leftOn ?? todayIsoDate();
    if (!isValidIsoDate(leftOn)) throw RegistryError.badInput('leftOn', '日期无效');
    if (compareDates(leftOn, todayIsoDate()) > 0) throw RegistryError.badInput('leftOn', '离岗日期不能晚于今天');
    const reason = input.reason?.trim() || null;
    // scope first (NOT_FOUND for anyone outside it), through the same check as a single record
    const people: CoordinatorEntity[] = [];
    for (const id of ids) people.push(await this.coordinators.require(user, id));
    return this.dataSource.transaction(async (manager) => {
      const rows: { id: string; status: string; joined_on: string; left_on: string | null; name: string }[] = await manager.query(
        `select id::text as id, status, to_char(joined_on, 'YYYY-MM-DD') as joined_on, to_char(left_on, 'YYYY-MM-DD') as left_on, name
           from coordinator where id = any($1::bigint[]) order by id for update`,
        [ids],
      );
      const byId = new Map(rows.map((row) => [row.id, row]));
      for (const person of people) {
        const row = byId.get(person.id);
        if (!row) throw RegistryError.notFound('协调员', person.id);
        if (row.status !== 'ACTIVE') throw RegistryError.badInput('ids', `${row.name}已离岗，请取消选择后再试`);
        if (compareDates(leftOn, row.joined_on) < 0) throw RegistryError.badInput('leftOn', `离岗日期早于${row.name}的入职日期 ${row.joined_on}`);
      }
      await manager.query(`update coordinator set status = 'LEFT', left_on = $2, version = version + 1, updated_at = now() where id = any($1::bigint[])`, [ids, leftOn]);
      for (const person of people) {
        const row = byId.get(person.id)!;
        await this.audit.record(
          user,
          {
            action: 'COORDINATOR_DEACTIVATE',
            objectType: 'coordinator',
            objectId: person.id,
            regionPath: person.regionPath,
            detail: { leftOn, reason, batch: ids.length, changes: changedFields({ status: row.status, leftOn: row.left_on }, { status: 'LEFT', leftOn }) },
          },
          manager,
        );
      }
      return ids;
    });
  }
}
