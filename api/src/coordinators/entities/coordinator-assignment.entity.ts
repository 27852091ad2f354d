import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { EnterpriseEntity } from '../../enterprises/enterprise.entity';
import { RegionEntity } from '../../regions/region.entity';
import { CoordinatorEntity } from './coordinator.entity';

// A coordinator's employer or unit and region over time (migration EffectiveDatedRegistry); the
// rows follow the coordinator's current columns by trigger.
@Entity('coordinator_assignment')
@Unique('coordinator_assignment_start', ['provinceCode', 'coordinatorId', 'validFrom'])
@Check('coordinator_assignment_order', 'valid_to is null or valid_to >= valid_from')
@Check('coordinator_assignment_province', 'province_code = left(region_code, 2)')
@Index('coordinator_assignment_coordinator_idx', ['coordinatorId', 'validFrom'])
@Index('coordinator_assignment_enterprise_idx', ['enterpriseId'])
@Index('coordinator_assignment_region_idx', ['regionCode'])
export class CoordinatorAssignmentEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'coordinator_id', type: 'bigint' })
  coordinatorId!: string;

  @ManyToOne(() => CoordinatorEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'coordinator_id', foreignKeyConstraintName: 'coordinator_assignment_coordinator_id_fkey' })
  coordinator?: CoordinatorEntity;

  @Column({ name: 'province_code', type: 'char', length: 2 })
  provinceCode!: string;

  @Column({ name: 'enterprise_id', type: 'bigint', nullable: true })
  enterpriseId!: string | null;

  @ManyToOne(() => EnterpriseEntity)
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'coordinator_assignment_enterprise_id_fkey' })
  enterprise?: EnterpriseEntity;

  @Column({ name: 'unit_name', type: 'varchar', length: 200, nullable: true })
  unitName!: string | null;

  @Column({ name: 'region_code', type: 'varchar', length: 12 })
  regionCode!: string;

  @ManyToOne(() => RegionEntity)
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'coordinator_assignment_region_code_fkey' })
  region?: RegionEntity;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  /** the last day (inclusive); null: held now */
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;
}
