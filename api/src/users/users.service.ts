import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { creatableRoles, isWithinScope, roleRegionLevels, ROLE_LABELS, type Role } from '@registry/domain';
import { DataSource } from 'typeorm';
import { passwordHashing } from '../auth/password-hashing';
import { PasswordPolicy } from '../auth/password-policy';
import { SessionCache } from '../auth/session-cache';
import { AuditService, changedFields } from '../audit/audit.service';
import { isUniqueViolation } from '../common/database-errors';
import { resolvePage } from '../common/paging';
import { RegistryError } from '../common/registry-error';
import { scopeSql, type SessionUser } from '../common/session-user';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { RegionsService } from '../regions/regions.service';
import { assertVersionMatched } from '../common/optimistic-lock';
import type { CreateUserInput, UpdateUserInput, UserFilter } from './user.model';

const USER_COLUMNS = `id, username, display_name as "displayName", role, region_code as "regionCode", region_path as "regionPath",
  active, must_change_password as "mustChangePassword", locked_until as "lockedUntil", created_at as "createdAt", version`;

export interface NewAccount {
  username: string;
  password: string;
  role: Role;
  regionCode: string;
  displayName?: string | null;
  /** demo accounts: no forced change or expiry, in demo mode only */
  passwordExempt?: boolean;
  mustChangePassword?: boolean;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly regions: RegionsService,
    private readonly audit: AuditService,
    private readonly sessions: SessionCache,
    private readonly passwordPolicy: PasswordPolicy,
  ) {}

  async list(actor: SessionUser, filter: UserFilter = {}, page: { offset?: number | null; limit?: number | null } = {}) {
    const { offset, limit } = resolvePage(page, this.config.graphql.maxPageSize);
    const parameters: unknown[] = [actor.scopePath];
    const conditions = [scopeSql('region_path', '$1')];
    if (filter.role) {
      parameters.push(filter.role);
      conditions.push(`role = $${parameters.length}`);
    }
    if (filter.active != null) {
      parameters.push(filter.active);
      conditions.push(`active = $${parameters.length}`);
    }
    if (filter.search?.trim()) {
      parameters.push(`%${filter.search.trim()}%`);
      conditions.push(`(username ilike $${parameters.length} or display_name ilike $${parameters.length})`);
    }
    const where = conditions.join(' and ');
    const [{ count }] = await this.dataSource.query(`select count(*)::int as count from app_user where ${where}`, parameters);
    const items = await this.dataSource.query(
      `select ${USER_COLUMNS} from app_user where ${where} order by region_path, username offset ${offset} limit ${limit}`,
      parameters,
    );
    return { total: count, items: items.map((item: Record<string, unknown>) => ({ ...item, id: String(item.id) })) };
  }

  async create(actor: SessionUser, input: CreateUserInput) {
    if (!creatableRoles(actor.role).includes(input.role)) {
      throw RegistryError.badInput('role', `${ROLE_LABELS[actor.role]}不能创建「${ROLE_LABELS[input.role]}」账号`);
    }
    const region = this.regions.requireWritable(input.regionCode, actor);
    if (!roleRegionLevels(input.role).includes(region.level)) {
      throw RegistryError.badInput('regionCode', `「${ROLE_LABELS[input.role]}」账号不能设在${region.name}这一级`);
    }
    const problem = this.passwordPolicy.problem(input.password, { username: input.username, displayName: input.displayName });
    if (problem) throw RegistryError.badInput('password', problem);
    return this.dataSource.transaction(async (manager) => {
      const user = await this.insert(manager, { ...input, createdBy: actor.id });
      await this.audit.record(
        actor,
        { action: 'USER_CREATE', objectType: 'user', objectId: user.id, regionPath: region.path, detail: { username: input.username, role: input.role } },
        manager,
      );
      return user;
    });
  }

  /** Used by the bootstrap (admin, demo accounts) and by create(). */
  async insert(manager: import('typeorm').EntityManager, account: NewAccount & { createdBy?: string | null }) {
    const region = this.regions.find(account.regionCode);
    if (!region) throw RegistryError.badInput('regionCode', `地区代码 ${account.regionCode} 不存在`);
    try {
      const [row] = await manager.query(
        `insert into app_user (username, display_name, password_hash, role, region_code, region_path, must_change_password,
           password_exempt, created_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning ${USER_COLUMNS}`,
        [
          account.username.trim(),
          account.displayName?.trim() || account.username.trim(),
          await passwordHashing.hash(account.password),
          account.role,
          region.code,
          region.path,
          account.mustChangePassword ?? true,
          account.passwordExempt ?? false,
          account.createdBy ?? null,
        ],
      );
      return { ...row, id: String(row.id) };
    } catch (error) {
      if (isUniqueViolation(error)) throw RegistryError.badInput('username', `用户名 ${account.username} 已存在`);
      throw error;
    }
  }

  async setActive(actor: SessionUser, id: string, active: boolean) {
    if (id === actor.id && !active) throw RegistryError.badInput('id', '不能停用自己的账号');
    const result = await this.dataSource.transaction(async (manager) => {
      const [target] = /^\d{1,18}$/.test(id) ? await manager.query(`select id, region_path, role from app_user where id = $1`, [id]) : [];
      if (!target || !isWithinScope(target.region_path, actor.scopePath)) {
        throw RegistryError.notFound('用户', id);
      }
      if (!creatableRoles(actor.role).includes(target.role)) throw RegistryError.forbidden('不能管理更高级别的账号');
      const [row] = (
        await manager.query(
          `update app_user set active = $2, failed_logins = 0, locked_until = null, version = version + 1, updated_at = now()
           where id = $1 returning ${USER_COLUMNS}`,
          [id, active],
        )
      )[0];
      if (!active) await manager.query(`update user_session set revoked_at = now() where user_id = $1 and revoked_at is null`, [id]);
      await this.audit.record(actor, { action: active ? 'USER_ENABLE' : 'USER_DISABLE', objectType: 'user', objectId: id, regionPath: target.region_path }, manager);
      return { ...row, id: String(row.id) };
    });
    // after the commit: a lookup meanwhile could still have found the sessions live
    if (!active) this.sessions.evictUser(id);
    return result;
  }

  /** Display name and role, within the role rules: a role you may create, fitting the account's region level. */
  async update(actor: SessionUser, input: UpdateUserInput) {
    const result = await this.dataSource.transaction(async (manager) => {
      const target = await this.requireManageable(manager, actor, input.id);
      const role = (input.role ?? target.role) as Role;
      if (role !== target.role) {
        if (input.id === actor.id) throw RegistryError.badInput('role', '不能修改自己的角色');
        if (!creatableRoles(actor.role).includes(role)) throw RegistryError.badInput('role', `${ROLE_LABELS[actor.role]}不能设置「${ROLE_LABELS[role]}」角色`);
        const region = this.regions.find(target.region_code)!;
        if (!roleRegionLevels(role).includes(region.level)) throw RegistryError.badInput('role', `「${ROLE_LABELS[role]}」账号不能设在${region.name}这一级`);
      }
      const displayName = input.displayName != null ? input.displayName.trim() : target.display_name;
      if (!displayName) throw RegistryError.badInput('displayName', '姓名（显示名）不能为空');
      const updated = await manager.query(
        `update app_user set display_name = $3, role = $4, version = version + 1, updated_at = now()
          where id = $1 and version = $2 returning ${USER_COLUMNS}`,
        [input.id, input.version, displayName, role],
      );
      await assertVersionMatched(manager, updated, 'app_user', input.id, '用户');
      if (role !== target.role) await manager.query(`update user_session set revoked_at = now() where user_id = $1 and revoked_at is null`, [input.id]);
      await this.audit.record(
        actor,
        {
          action: 'USER_UPDATE',
          objectType: 'user',
          objectId: input.id,
          regionPath: target.region_path,
          detail: { changes: changedFields({ displayName: target.display_name, role: target.role }, { displayName, role }) },
        },
        manager,
      );
      return { row: updated[0][0], roleChanged: role !== target.role };
    });
    if (result.roleChanged) this.sessions.evictUser(input.id);
    return { ...result.row, id: String(result.row.id) };
  }

  /** A new initial password the account must change at its next login; its sessions end and a lockout is lifted. */
  async resetPassword(actor: SessionUser, id: string, password: string) {
    if (id === actor.id) throw RegistryError.badInput('id', '自己的密码请在“修改密码”中修改');
    const row = await this.dataSource.transaction(async (manager) => {
      const target = await this.requireManageable(manager, actor, id);
      const problem = this.passwordPolicy.problem(password, { username: target.username, displayName: target.display_name });
      if (problem) throw RegistryError.badInput('password', problem);
      await manager.query(`insert into password_history (user_id, password_hash) values ($1, $2)`, [id, target.password_hash]);
      const [[updated]] = await manager.query(
        `update app_user set password_hash = $2, must_change_password = true, password_changed_at = now(), failed_logins = 0, locked_until = null,
           version = version + 1, updated_at = now()
          where id = $1 returning ${USER_COLUMNS}`,
        [id, await passwordHashing.hash(password)],
      );
      await manager.query(`update user_session set revoked_at = now() where user_id = $1 and revoked_at is null`, [id]);
      // the password itself never enters the trail
      await this.audit.record(actor, { action: 'PASSWORD_RESET', objectType: 'user', objectId: id, regionPath: target.region_path, detail: { mustChangePassword: true } }, manager);
      return updated;
    });
    this.sessions.evictUser(id);
    return { ...row, id: String(row.id) };
  }

  /** Lifts the lockout after failed logins (MAX_FAILED_LOGINS) before its minutes run out. */
  async unlock(actor: SessionUser, id: string) {
    return this.dataSource.transaction(async (manager) => {
      const target = await this.requireManageable(manager, actor, id);
      const [[updated]] = await manager.query(
        `update app_user set failed_logins = 0, locked_until = null, version = version + 1, updated_at = now() where id = $1 returning ${USER_COLUMNS}`,
        [id],
      );
      await this.audit.record(
        actor,
        { action: 'USER_UNLOCK', objectType: 'user', objectId: id, regionPath: target.region_path, detail: { failedLogins: target.failed_logins } },
        manager,
      );
      return { ...updated, id: String(updated.id) };
    });
  }

  // An account the actor may manage: within the jurisdiction (else it does not exist for them)
  // and of a role the actor may create. Locked for the rest of the transaction.
  private async requireManageable(manager: import('typeorm').EntityManager, actor: SessionUser, id: string) {
    const [target] = /^\d{1,18}$/.test(id)
      ? await manager.query(
          `select id, username, display_name, role, region_code, region_path, password_hash, failed_logins from app_user where id = $1 for update`,
          [id],
        )
      : [];
    if (!target || !isWithinScope(target.region_path, actor.scopePath)) throw RegistryError.notFound('用户', id);
    if (!creatableRoles(actor.role).includes(target.role)) throw RegistryError.forbidden('不能管理更高级别的账号');
    return target as {
      id: string;
      username: string;
      display_name: string;
      role: Role;
      region_code: string;
      region_path: string;
      password_hash: string;
      failed_logins: number;
    };
  }
}
