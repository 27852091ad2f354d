import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';
import { DeferredAudit } from './deferred-audit';

@Global()
@Module({ providers: [AuditService, DeferredAudit], exports: [AuditService, DeferredAudit] })
export class AuditModule {}
