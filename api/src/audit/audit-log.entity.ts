import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('audit_log')
export class AuditLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ name: 'user_id', type: 'bigint', nullable: true }) userId!: string | null;
  @Column({ type: 'varchar', nullable: true }) username!: string | null;
  @Column({ type: 'varchar' }) action!: string;
  @Column({ name: 'object_type', type: 'varchar', nullable: true }) objectType!: string | null;
  @Column({ name: 'object_id', type: 'varchar', nullable: true }) objectId!: string | null;
  @Column({ name: 'region_path', type: 'varchar', nullable: true }) regionPath!: string | null;
  @Column({ type: 'jsonb', nullable: true }) detail!: Record<string, unknown> | null;
  @Column({ type: 'varchar', nullable: true }) ip!: string | null;
}
