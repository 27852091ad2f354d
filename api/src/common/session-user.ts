import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import type { Role } from '../users/user.entity';
import { RegistryError } from './registry-error';

/** The signed-in user as every service sees it: who, and the jurisdiction path they may touch. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  /** jurisdiction path of the home region; the user's whole scope */
  scopePath: string;
  mustChangePassword: boolean;
  sessionTokenHash: string;
  /** with read replicas: the primary's WAL position after the session's last write, as the session lookup found it */
  lastWriteLsn?: string | null;
}

export interface RequestWithUser extends Request {
  user?: SessionUser;
}

export const IS_PUBLIC = 'registry:isPublic';
/** No session needed (login, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const ALLOW_PENDING_PASSWORD = 'registry:allowPendingPassword';
/** Still allowed while the user must change the password (changePassword, me, logout). */
export const AllowPendingPasswordChange = () => SetMetadata(ALLOW_PENDING_PASSWORD, true);

export const ROLES = 'registry:roles';
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** Roles that may write to the roster (leaders read, auditors read the audit log only). */
export const EDITOR_ROLES: Role[] = ['PROVINCE_ADMIN', 'CITY_OFFICE', 'COUNTY_OFFICE', 'TOWNSHIP_PLATFORM'];
export const READER_ROLES: Role[] = [...EDITOR_ROLES, 'LEADER'];
/** Roles that may see an unmasked ID number (with a stated reason, audited). */
export const REVEAL_ROLES: Role[] = ['PROVINCE_ADMIN', 'CITY_OFFICE', 'COUNTY_OFFICE'];
/** Who reads the audit trail: auditors (their jurisdiction) and the province administrator. */
export const AUDIT_READER_ROLES = ['AUDITOR', 'PROVINCE_ADMIN'] as const;

export function requestOf(context: ExecutionContext): RequestWithUser {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: RequestWithUser }>().req;
  }
  return context.switchToHttp().getRequest<RequestWithUser>();
}

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): SessionUser => {
  const user = requestOf(context).user;
  if (!user) throw new RegistryError('UNAUTHENTICATED', '请先登录');
  return user;
});

/** SQL for "row path within the scope" on a C-collated index: `path >= $n AND path < $n || '~'`. */
export function scopeSql(column: string, parameter: string): string {
  return `(${column} >= ${parameter} and ${column} < ${parameter} || '~')`;
}
