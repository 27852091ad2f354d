import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EnterpriseEntity } from './enterprise.entity';

// 重大劳动关系群体性、突发性事件 / 重大信访事件: block nominations from the employer for 5 years.
@Entity('enterprise_incident')
@Index('enterprise_incident_enterprise_idx', ['enterpriseId'])
export class EnterpriseIncidentEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'enterprise_id', type: 'bigint' })
  enterpriseId!: string;

  @ManyToOne(() => EnterpriseEntity, (enterprise) => enterprise.incidents, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'enterprise_incident_enterprise_id_fkey' })
  enterprise?: EnterpriseEntity;

  @Column({ type: 'varchar', length: 100 })
  kind!: string;

  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn!: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  description!: string | null;
}
