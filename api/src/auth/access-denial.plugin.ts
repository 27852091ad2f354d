import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { AuditService, type AuditEntry } from '../audit/audit.service';
import { DeferredAudit } from '../audit/deferred-audit';
import type { GraphQLContext } from '../common/loader-registry';
import { RegistryError } from '../common/registry-error';
import { scopeDenialOf } from '../common/scope-denials';
import { AUDITED_DENIALS } from './auth.guard';

// Records refused writes in the audit trail as ACCESS_DENIED: a service's FORBIDDEN (the
// guard records its own role refusals), a write into a region outside the jurisdiction (marked
// by RegionsService), and a mutation answered NOT_FOUND for an object that does exist, i.e.
// one outside the caller's jurisdiction. Such an answer reads exactly like the one for a
// missing object, in words and in time: the lookup that tells them apart and the insert run
// after the response (DeferredAudit). Reads of out-of-scope objects answer null and are not
// recorded (they would double the cost of every miss).
const TABLES: Record<string, string> = { 协调员: 'coordinator', 用人单位: 'enterprise', 用户: 'app_user', 推荐: 'nomination', 工作室: 'studio', 培训机构: 'training_provider', 培训班次: 'training_session', 参训记录: 'training_participation', 补贴申请: 'subsidy_claim' };
const OBJECT_TYPES: Record<string, string> = { app_user: 'user' };

@Plugin()
export class AccessDenialAuditPlugin implements ApolloServerPlugin<GraphQLContext & Record<string, unknown>> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly deferred: DeferredAudit,
  ) {}

  async requestDidStart(): Promise<GraphQLRequestListener<GraphQLContext & Record<string, unknown>>> {
    return {
      didEncounterErrors: async ({ errors, operation, contextValue }) => {
        const user = contextValue.req?.user;
        if (!user || operation?.operation !== 'mutation') return;
        const ip = contextValue.req.ip ?? null;
        const entries: (() => Promise<AuditEntry | null>)[] = [];
        for (const error of errors) {
          const original = error.originalError;
          if (!(original instanceof RegistryError) || AUDITED_DENIALS.has(original)) continue;
          const operationName = String(error.path?.[0] ?? operation.name?.value ?? '');
          const denial = scopeDenialOf(original);
          if (denial) {
            entries.push(async () => ({
              action: 'ACCESS_DENIED',
              objectType: denial.objectType,
              objectId: denial.objectId,
              regionPath: user.scopePath,
              detail: { operation: operationName, reason: 'outside jurisdiction' },
              ip,
            }));
          } else if (original.code === 'FORBIDDEN') {
            entries.push(async () => ({ action: 'ACCESS_DENIED', regionPath: user.scopePath, detail: { operation: operationName, reason: original.message }, ip }));
          } else if (original.code === 'NOT_FOUND') {
            const table = TABLES[String(original.details.objectType)];
            const id = String(original.details.id ?? '');
            if (!table || !/^\d{1,18}$/.test(id)) continue;
            entries.push(async () => {
              const [existing] = await this.dataSource.query(`select 1 from ${table} where id = $1`, [id]);
              if (!existing) return null;
              return {
                action: 'ACCESS_DENIED',
                objectType: OBJECT_TYPES[table] ?? table,
                objectId: id,
                regionPath: user.scopePath,
                detail: { operation: operationName, reason: 'outside jurisdiction' },
                ip,
              };
            });
          }
        }
        const actor = { id: user.id, username: user.username };
        for (const entry of entries) {
          this.deferred.afterResponse(contextValue.req.res as Response | undefined, async () => {
            const row = await entry();
            if (row) await this.audit.record(actor, row);
          });
        }
      },
    };
  }
}
