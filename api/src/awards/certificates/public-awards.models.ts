import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../../common/date.scalar';
import { AwardTier } from '../../common/enums';

// The types the public (no-login) queries answer with. They are separate from Nomination and
// Coordinator on purpose: nothing reachable from them leads to a person's other data, and the
// isolation suite checks by introspection that they hold these fields and no more.

@ObjectType('PublicNamedCoordinator', { description: 'one line of a published naming decision (四(二)3)' })
export class PublicNamedCoordinatorModel {
  @Field() name!: string;
  @Field(() => String, { nullable: true, description: 'employer or unit at the time of naming' }) unit!: string | null;
  @Field({ description: 'the reporting unit that recommended the person (市州, 梅河口市, 长白山管委会)' }) reportingUnit!: string;
  @Field(() => AwardTier) tier!: AwardTier;
  @Field() certificateNumber!: string;
}

@ObjectType('PublicNamingDecision', { description: 'a published naming decision; counts leave revoked titles out' })
export class PublicNamingDecisionModel {
  @Field(() => Int) year!: number;
  @Field(() => String, { nullable: true }) decisionDocument!: string | null;
  @Field(() => DateScalar) publishedOn!: string;
  @Field(() => Int) gold!: number;
  @Field(() => Int) silver!: number;
  @Field(() => Int) bronze!: number;
  @Field(() => Int, { description: 'titles of this decision revoked since (not listed)' }) revoked!: number;
}

@ObjectType('PublicNamedCoordinatorPage')
export class PublicNamedCoordinatorPageModel {
  @Field(() => Int) year!: number;
  @Field(() => PublicNamingDecisionModel, { nullable: true, description: 'null: no naming decision of that year is published' })
  decision!: PublicNamingDecisionModel | null;
  @Field(() => Int) total!: number;
  @Field(() => Int) offset!: number;
  @Field(() => Int) limit!: number;
  @Field(() => [PublicNamedCoordinatorModel]) items!: PublicNamedCoordinatorModel[];
}

@ObjectType('CertificateVerification', {
  description: 'valid: a certificate of a published decision, title not revoked. Otherwise only the revoked flag tells a revoked title from an unknown token.',
})
export class CertificateVerificationModel {
  @Field() valid!: boolean;
  @Field() revoked!: boolean;
  @Field(() => String, { nullable: true, description: 'partly masked: 张*明' }) name!: string | null;
  @Field(() => AwardTier, { nullable: true }) tier!: AwardTier | null;
  @Field(() => Int, { nullable: true }) year!: number | null;
  @Field(() => String, { nullable: true }) certificateNumber!: string | null;
  @Field(() => String, { nullable: true }) issuedBy!: string | null;
  @Field(() => DateScalar, { nullable: true }) issuedOn!: string | null;
}

@ObjectType('TitleRevocation')
export class TitleRevocationModel {
  @Field() revokedAt!: Date;
  @Field() reason!: string;
  @Field(() => String, { nullable: true }) revokedBy!: string | null;
}

@ObjectType('CertificateVerificationCount', { description: 'verifications of one certificate on one day (no verifier is recorded)' })
export class CertificateVerificationCountModel {
  @Field(() => DateScalar) day!: string;
  @Field(() => String, { nullable: true, description: 'null: tokens that matched no certificate' }) certificateNumber!: string | null;
  @Field(() => Int) count!: number;
}
