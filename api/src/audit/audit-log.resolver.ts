import { Args, Query, Resolver } from '@nestjs/graphql';
import { PageArgs } from '../common/paging';
import { AUDIT_READER_ROLES, CurrentUser, Roles, type SessionUser } from '../common/session-user';
import { AuditLogFilter, AuditLogPageModel } from './audit-log.model';
import { AuditLogService } from './audit-log.service';

@Resolver()
export class AuditLogResolver {
  constructor(private readonly auditLogService: AuditLogService) {}

  @Roles(...AUDIT_READER_ROLES)
  @Query(() => AuditLogPageModel, { description: 'the audit trail within your jurisdiction, newest first' })
  auditLogs(
    @CurrentUser() user: SessionUser,
    @Args() page: PageArgs,
    @Args('filter', { type: () => AuditLogFilter, nullable: true }) filter?: AuditLogFilter,
  ) {
    return this.auditLogService.list(user, filter ?? {}, page);
  }
}
