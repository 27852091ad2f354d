import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// The table as migrations Accounts and ProvinceCode build it (schema-drift.test.ts); no foreign
// keys: an entry outlives its user.
@Entity('audit_log')
@Index('audit_log_object_idx', ['objectType', 'objectId'])
// (at desc) and (user_id, at desc): TypeORM cannot declare a column's order
@Index('audit_log_at_idx', { synchronize: false })
@Index('audit_log_user_idx', { synchronize: false })
export class AuditLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at!: Date;
  @Column({ name: 'user_id', type: 'bigint', nullable: true }) userId!: string | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) username!: string | null;
  @Column({ type: 'varchar', length: 40 }) action!: string;
  @Column({ name: 'object_type', type: 'varchar', length: 40, nullable: true }) objectType!: string | null;
  @Column({ name: 'object_id', type: 'varchar', length: 40, nullable: true }) objectId!: string | null;
  @Column({ name: 'region_path', type: 'varchar', length: 80, collation: 'C', nullable: true }) regionPath!: string | null;
  /** left(region_path, 2), stored by the database (migration ProvinceCode); null without a region; never written, not read by default */
  @Column({ name: 'province_code', type: 'char', length: 2, nullable: true, generatedType: 'STORED', asExpression: 'left(region_path, 2)::char(2)', select: false, insert: false, update: false })
  readonly provinceCode?: string | null;
  @Column({ type: 'jsonb', nullable: true }) detail!: Record<string, unknown> | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) ip!: string | null;
}
