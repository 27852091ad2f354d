import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type { Role } from '@registry/domain';
import type { Role } from '@registry/domain';

@Entity('app_user')
export class UserEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'varchar' }) username!: string;
  @Column({ name: 'display_name', type: 'varchar' }) displayName!: string;
  @Column({ name: 'password_hash', type: 'varchar', select: false }) passwordHash!: string;
  @Column({ type: 'varchar' }) role!: Role;
  @Column({ name: 'region_code', type: 'varchar' }) regionCode!: string;
  @Column({ name: 'region_path', type: 'varchar' }) regionPath!: string;
  @Column({ type: 'boolean' }) active!: boolean;
  @Column({ name: 'must_change_password', type: 'boolean' }) mustChangePassword!: boolean;
  @Column({ name: 'password_changed_at', type: 'timestamptz' }) passwordChangedAt!: Date;
  /** demo accounts in demo mode only: no forced change, no expiry */
  @Column({ name: 'password_exempt', type: 'boolean' }) passwordExempt!: boolean;
  @Column({ name: 'failed_logins', type: 'integer' }) failedLogins!: number;
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true }) lockedUntil!: Date | null;
  @Column({ name: 'created_by', type: 'bigint', nullable: true }) createdBy!: string | null;
  @Column({ type: 'integer' }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('password_history')
export class PasswordHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'user_id', type: 'bigint' }) userId!: string;
  @Column({ name: 'password_hash', type: 'varchar' }) passwordHash!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('user_session')
export class UserSessionEntity {
  /** sha-256 of the bearer token: a leaked table does not hand out sessions */
  @PrimaryColumn({ name: 'token_hash', type: 'char' }) tokenHash!: string;
  @Column({ name: 'user_id', type: 'bigint' }) userId!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'last_seen_at', type: 'timestamptz' }) lastSeenAt!: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  /** with read replicas: the primary's WAL position (pg_lsn - '0/0') after the session's last write */
  @Column({ name: 'last_write_lsn', type: 'bigint', nullable: true }) lastWriteLsn!: string | null;
}
