import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { RegionEntity } from '../regions/region.entity';

export type { Role } from '@registry/domain';
import type { Role } from '@registry/domain';

// The tables as migrations Accounts and ProvinceCode build them (schema-drift.test.ts).
@Entity('app_user')
@Unique('app_user_username_key', ['username'])
@Check('app_user_role_check', `role in ('PROVINCE_ADMIN', 'CITY_OFFICE', 'COUNTY_OFFICE', 'TOWNSHIP_PLATFORM', 'LEADER', 'AUDITOR')`)
@Index('app_user_path_idx', ['regionPath'])
export class UserEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'varchar', length: 50 }) username!: string;
  @Column({ name: 'display_name', type: 'varchar', length: 100 }) displayName!: string;
  @Column({ name: 'password_hash', type: 'varchar', length: 200, select: false }) passwordHash!: string;
  @Column({ type: 'varchar', length: 20 }) role!: Role;
  @Column({ name: 'region_code', type: 'varchar', length: 12 }) regionCode!: string;
  @ManyToOne(() => RegionEntity)
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'app_user_region_code_fkey' })
  region?: RegionEntity;
  @Column({ name: 'region_path', type: 'varchar', length: 80, collation: 'C' }) regionPath!: string;
  /** left(region_code, 2), stored by the database (migration ProvinceCode); never written, not read by default */
  @Column({ name: 'province_code', type: 'char', length: 2, generatedType: 'STORED', asExpression: 'left(region_code, 2)::char(2)', select: false, insert: false, update: false })
  readonly provinceCode?: string;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column({ name: 'must_change_password', type: 'boolean', default: true }) mustChangePassword!: boolean;
  @Column({ name: 'password_changed_at', type: 'timestamptz', default: () => 'now()' }) passwordChangedAt!: Date;
  /** demo accounts in demo mode only: no forced change, no expiry */
  @Column({ name: 'password_exempt', type: 'boolean', default: false }) passwordExempt!: boolean;
  @Column({ name: 'failed_logins', type: 'integer', default: 0 }) failedLogins!: number;
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true }) lockedUntil!: Date | null;
  @Column({ name: 'created_by', type: 'bigint', nullable: true }) createdBy!: string | null;
  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'app_user_created_by_fkey' })
  creator?: UserEntity;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('password_history')
// (user_id, created_at desc): TypeORM cannot declare a column's order
@Index('password_history_user_idx', { synchronize: false })
export class PasswordHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'user_id', type: 'bigint' }) userId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'password_history_user_id_fkey' })
  user?: UserEntity;
  @Column({ name: 'password_hash', type: 'varchar', length: 200 }) passwordHash!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('user_session')
@Index('user_session_user_idx', ['userId'])
export class UserSessionEntity {
  /** sha-256 of the bearer token: a leaked table does not hand out sessions */
  @PrimaryColumn({ name: 'token_hash', type: 'char', length: 64, primaryKeyConstraintName: 'user_session_pkey' }) tokenHash!: string;
  @Column({ name: 'user_id', type: 'bigint' }) userId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'user_session_user_id_fkey' })
  user?: UserEntity;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'last_seen_at', type: 'timestamptz', default: () => 'now()' }) lastSeenAt!: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  /** with read replicas: the primary's WAL position (pg_lsn - '0/0') after the session's last write */
  @Column({ name: 'last_write_lsn', type: 'bigint', nullable: true }) lastWriteLsn!: string | null;
}
