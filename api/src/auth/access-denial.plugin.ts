import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { GraphQLContext } from '../common/loader-registry';
import { RegistryError } from '../common/registry-error';
import { AUDITED_DENIALS } from './auth.guard';
import { runAsOwner } from './request-database';

// Records refused writes in the audit trail as ACCESS_DENIED: a service's FORBIDDEN (the
// guard records its own role refusals), and a mutation answered NOT_FOUND for an object that
// does exist, i.e. one outside the caller's jurisdiction. Reads of out-of-scope objects answer
// null and are not recorded (they would double the cost of every miss).
const TABLES: Record<string, string> = { 协调员: 'coordinator', 用人单位: 'enterprise', 用户: 'app_user' };

@Plugin()
export class AccessDenialAuditPlugin implements ApolloServerPlugin<GraphQLContext & Record<string, unknown>> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async requestDidStart(): Promise<GraphQLRequestListener<GraphQLContext & Record<string, unknown>>> {
    return {
      didEncounterErrors: async ({ errors, operation, contextValue }) => {
        const user = contextValue.req?.user;
        if (!user || operation?.operation !== 'mutation') return;
        for (const error of errors) {
          const original = error.originalError;
          if (!(original instanceof RegistryError) || AUDITED_DENIALS.has(original)) continue;
          const operationName = String(error.path?.[0] ?? operation.name?.value ?? '');
          if (original.code === 'FORBIDDEN') {
            await this.audit.record(user, {
              action: 'ACCESS_DENIED',
              regionPath: user.scopePath,
              detail: { operation: operationName, reason: original.message },
              ip: contextValue.req.ip ?? null,
            });
          } else if (original.code === 'NOT_FOUND') {
            const table = TABLES[String(original.details.objectType)];
            const id = String(original.details.id ?? '');
            if (!table || !/^\d{1,18}$/.test(id)) continue;
            const [existing] = await runAsOwner(() => this.dataSource.query(`select region_path from ${table} where id = $1`, [id]));
            if (!existing) continue;
            await this.audit.record(user, {
              action: 'ACCESS_DENIED',
              objectType: table === 'app_user' ? 'user' : table,
              objectId: id,
              regionPath: user.scopePath,
              detail: { operation: operationName, reason: 'outside jurisdiction' },
              ip: contextValue.req.ip ?? null,
            });
          }
        }
      },
    };
  }
}
