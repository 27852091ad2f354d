import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuditService } from '../audit/audit.service';
import { RegistryError } from '../common/registry-error';
import { ALLOW_PENDING_PASSWORD, IS_PUBLIC, requestOf, ROLES } from '../common/session-user';
import type { Role } from '../users/user.entity';
import { AuthService } from './auth.service';

/** Refusals the guard has already written to the audit trail (the denial plugin skips them). */
export const AUDITED_DENIALS = new WeakSet<Error>();

// Deny by default: every operation needs a live session unless marked @Public(); a user who
// must change the password may only do what @AllowPendingPasswordChange() allows; @Roles()
// narrows further. The guard runs for every resolver and controller (APP_GUARD).
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = requestOf(context);
    const header = request.headers?.authorization ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (token && !request.user) request.user = (await this.auth.sessionUser(token)) ?? undefined;

    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const user = request.user;
    if (!user) throw new RegistryError('UNAUTHENTICATED', token ? '会话已过期，请重新登录' : '请先登录');
    if (user.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(ALLOW_PENDING_PASSWORD, targets)) {
      throw new RegistryError('PASSWORD_CHANGE_REQUIRED', '请先修改密码（首次登录或密码已过期）');
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(user.role)) {
      await this.audit.record(user, {
        action: 'ACCESS_DENIED',
        regionPath: user.scopePath,
        detail: { operation: context.getHandler().name, role: user.role },
        ip: request.ip ?? null,
      });
      const refusal = RegistryError.forbidden('您的角色无权执行此操作');
      AUDITED_DENIALS.add(refusal);
      throw refusal;
    }
    return true;
  }
}
