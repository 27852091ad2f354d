import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  LOCKOUT_MINUTES,
  MAX_FAILED_LOGINS,
  PASSWORD_HISTORY,
  PASSWORD_MAX_AGE_DAYS,
  maskIdNumber,
  validateIdNumber,
} from '@registry/domain';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RegistryError } from '../common/registry-error';
import type { SessionUser } from '../common/session-user';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { passwordHashing } from './password-hashing';
import { PasswordPolicy } from './password-policy';
import { noteRequestScope, SETS_SCOPE } from './request-database';
import { SessionCache } from './session-cache';

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The username as typed, for the audit trail; an ID number typed by mistake is masked. */
function typedUsername(username: string): string {
  const typed = username.trim().slice(0, 50);
  const identity = validateIdNumber(typed);
  return identity.valid ? maskIdNumber(identity.normalized) : typed;
}

// A fixed hash to verify against when the username is unknown, so that the answer and its
// timing do not reveal whether the user exists. Every branch of a login verifies exactly one
// hash: unknown, locked, disabled, wrong and right alike.
const DUMMY_HASH = passwordHashing.hash('not-a-real-password-0A!');

function isLocked(user: { locked_until: Date | string | null }): boolean {
  return Boolean(user.locked_until && new Date(user.locked_until) > new Date());
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly sessions: SessionCache,
    private readonly passwordPolicy: PasswordPolicy,
  ) {}

  async login(username: string, password: string, ip: string | null): Promise<{ accessToken: string; expiresAt: Date; mustChangePassword: boolean }> {
    const invalid = new RegistryError('UNAUTHENTICATED', '用户名或密码错误');
    const [user] = await this.dataSource.query(
      `select id, username, password_hash, active, locked_until, failed_logins, must_change_password, password_changed_at,
              password_exempt, region_path
       from app_user where username = $1`,
      [username.trim()],
    );
    if (!user) {
      await passwordHashing.verify(await DUMMY_HASH, password);
      await this.audit.record(null, { action: 'LOGIN_FAILURE', detail: { username: typedUsername(username), reason: 'unknown user' }, ip });
      throw invalid;
    }
    const actor = { id: String(user.id), username: user.username };
    // verified even when the account is locked: a lock answers in the time a wrong password takes
    const passwordOk = await passwordHashing.verify(user.password_hash, password);
    if (isLocked(user)) {
      await this.audit.record(actor, { action: 'LOGIN_FAILURE', objectType: 'user', objectId: actor.id, regionPath: user.region_path, detail: { reason: 'locked' }, ip });
      // Same words as a wrong password: a lock must not confirm that the account exists.
      throw invalid;
    }
    if (!passwordOk || !user.active) {
      const locked = await this.countFailure(user);
      await this.audit.record(actor, {
        action: 'LOGIN_FAILURE',
        objectType: 'user',
        objectId: actor.id,
        regionPath: user.region_path,
        detail: { reason: user.active ? 'wrong password' : 'disabled', locked },
        ip,
      });
      throw invalid;
    }

    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.session.absoluteHours * 3600_000);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`update app_user set failed_logins = 0, locked_until = null where id = $1`, [user.id]);
      await manager.query(`insert into user_session (token_hash, user_id, expires_at) values ($1, $2, $3)`, [tokenHash(token), user.id, expiresAt]);
      await this.audit.record(actor, { action: 'LOGIN_SUCCESS', objectType: 'user', objectId: actor.id, regionPath: user.region_path, ip }, manager);
    });
    return { accessToken: token, expiresAt, mustChangePassword: this.mustChange(user) };
  }

  /** One more failed attempt on the account; the fifth locks it. Whether it now is locked. */
  private async countFailure(user: { id: string | number; failed_logins: number }): Promise<boolean> {
    const failures = user.failed_logins + 1;
    const locks = failures >= MAX_FAILED_LOGINS;
    await this.dataSource.query(`update app_user set failed_logins = $2, locked_until = $3 where id = $1`, [
      user.id,
      locks ? 0 : failures,
      locks ? new Date(Date.now() + LOCKOUT_MINUTES * 60_000) : null,
    ]);
    return locks;
  }

  private mustChange(user: { must_change_password: boolean; password_changed_at: Date; password_exempt: boolean }): boolean {
    if (user.password_exempt && this.config.demoMode) return false;
    if (user.must_change_password) return true;
    return Date.now() - new Date(user.password_changed_at).getTime() > PASSWORD_MAX_AGE_DAYS * 86400_000;
  }

  /**
   * The user behind a bearer token, or null. One statement: it checks the absolute expiry and
   * the idle timeout, and moves last_seen_at forward when it is older than 15 seconds (so a
   * burst of requests on one session reads instead of queueing on the session row's lock and
   * a WAL flush each; the idle timeout is then exact to within 15 s).
   */
  async sessionUser(token: string): Promise<SessionUser | null> {
    const hash = tokenHash(token);
    const cached = this.sessions.get(hash);
    if (cached) {
      noteRequestScope(cached.scopePath, cached);
      return cached;
    }
    // On a request's scoped connection this is the first statement and runs with no scope; it
    // yields the jurisdiction the request's later statements carry (request-database.ts).
    const rows = await this.dataSource.query(
      `${SETS_SCOPE}
       with found as (
         select s.token_hash, s.last_write_lsn::text as last_write_lsn, u.id, u.username, u.display_name, u.role, u.region_code, u.region_path,
                u.must_change_password, u.password_changed_at, u.password_exempt
         from user_session s join app_user u on u.id = s.user_id
         where s.token_hash = $1 and s.revoked_at is null and s.expires_at > now()
           and s.last_seen_at > now() - make_interval(mins => $2) and u.active),
       touched as (
         update user_session s set last_seen_at = now() from found
         where s.token_hash = found.token_hash and s.last_seen_at < now() - interval '15 seconds'
         returning 1)
       select found.*, coalesce((select region_path from found limit 1), '') as scope
       from (select 1) as one left join found on true`,
      [hash, this.config.session.idleMinutes],
    );
    const user = (Array.isArray(rows[0]) ? rows[0] : rows)[0];
    noteRequestScope(user?.scope ?? '');
    if (!user?.id) return null;
    const session: SessionUser = {
      id: String(user.id),
      username: user.username,
      displayName: user.display_name,
      role: user.role,
      regionCode: user.region_code,
      scopePath: user.region_path,
      mustChangePassword: this.mustChange(user),
      sessionTokenHash: hash,
      lastWriteLsn: user.last_write_lsn,
    };
    noteRequestScope(session.scopePath, session);
    this.sessions.set(session);
    return session;
  }

  async logout(user: SessionUser): Promise<void> {
    this.sessions.evictToken(user.sessionTokenHash);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`update user_session set revoked_at = now() where token_hash = $1`, [user.sessionTokenHash]);
      await this.audit.record(user, { action: 'LOGOUT', objectType: 'user', objectId: user.id }, manager);
    });
    // again after the commit: a lookup meanwhile could still have found the session live
    this.sessions.evictToken(user.sessionTokenHash);
  }

  /**
   * A wrong old password counts as a failed login: 5 lock the account for 15 minutes (the
   * resolver rate-limits the attempts like logins), and a locked account cannot change it.
   */
  async changePassword(user: SessionUser, oldPassword: string, newPassword: string, ip: string | null = null): Promise<void> {
    const [row] = await this.dataSource.query(
      `select id, password_hash, failed_logins, locked_until, region_path from app_user where id = $1`,
      [user.id],
    );
    const oldPasswordOk = await passwordHashing.verify(row.password_hash, oldPassword);
    if (isLocked(row)) {
      throw new RegistryError('ACCOUNT_LOCKED', `原密码错误次数过多，账户已锁定，请 ${LOCKOUT_MINUTES} 分钟后再试`, 'oldPassword');
    }
    if (!oldPasswordOk) {
      const locked = await this.countFailure(row);
      await this.audit.record(user, {
        action: 'PASSWORD_CHANGE_FAILURE',
        objectType: 'user',
        objectId: user.id,
        regionPath: row.region_path,
        detail: { reason: 'wrong old password', locked },
        ip,
      });
      throw RegistryError.badInput('oldPassword', '原密码不正确');
    }
    const problem = this.passwordPolicy.problem(newPassword, { username: user.username, displayName: user.displayName });
    if (problem) throw RegistryError.badInput('newPassword', problem);
    const history: { password_hash: string }[] = await this.dataSource.query(
      `select password_hash from password_history where user_id = $1 order by created_at desc, id desc limit $2`,
      [user.id, PASSWORD_HISTORY],
    );
    for (const previous of [{ password_hash: row.password_hash }, ...history].slice(0, PASSWORD_HISTORY)) {
      if (await passwordHashing.verify(previous.password_hash, newPassword)) {
        throw RegistryError.badInput('newPassword', `不能与最近 ${PASSWORD_HISTORY} 次使用过的密码相同`);
      }
    }
    const hash = await passwordHashing.hash(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`insert into password_history (user_id, password_hash) values ($1, $2)`, [user.id, row.password_hash]);
      await manager.query(
        `update app_user set password_hash = $2, must_change_password = false, password_changed_at = now(), failed_logins = 0, version = version + 1
         where id = $1`,
        [user.id, hash],
      );
      // Other sessions of this user end; the current one goes on.
      await manager.query(`update user_session set revoked_at = now() where user_id = $1 and token_hash <> $2 and revoked_at is null`, [
        user.id,
        user.sessionTokenHash,
      ]);
      await this.audit.record(user, { action: 'PASSWORD_CHANGE', objectType: 'user', objectId: user.id }, manager);
    });
    // the current session no longer has to change the password; the others have ended
    this.sessions.evictUser(user.id);
  }
}
