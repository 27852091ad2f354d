import { Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditLogExportController } from '../audit/audit-log-export.controller';
import { AuditLogResolver } from '../audit/audit-log.resolver';
import { AuditLogService } from '../audit/audit-log.service';
import { GraphQLLimitsPlugin } from '../common/graphql-limits';
import { CoordinatorsModule } from '../coordinators/coordinators.module';
import { UsersResolver } from '../users/users.resolver';
import { UsersService } from '../users/users.service';
import { AccessDenialAuditPlugin } from './access-denial.plugin';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { ReadOnlyRequestPlugin } from './read-only-request.plugin';
import { AuthService } from './auth.service';
import { IdNumberRevealResolver } from './id-number-reveal.resolver';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordPolicy } from './password-policy';
import { RequestDatabase, RequestDatabaseMiddleware } from './request-database';
import { SessionCache } from './session-cache';
import { SessionEvictions } from './session-evictions';

@Global()
@Module({
  imports: [CoordinatorsModule],
  controllers: [AuditLogExportController],
  providers: [
    AuthService,
    SessionCache,
    SessionEvictions,
    AuthResolver,
    UsersService,
    UsersResolver,
    LoginRateLimiter,
    PasswordPolicy,
    RequestDatabase,
    IdNumberRevealResolver,
    AuditLogService,
    AuditLogResolver,
    GraphQLLimitsPlugin,
    AccessDenialAuditPlugin,
    ReadOnlyRequestPlugin,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, UsersService, PasswordPolicy, RequestDatabase],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestDatabaseMiddleware).forRoutes('{*path}');
  }
}
