import { todayIsoDate } from '@registry/domain';
import { startTestApp, type TestApp } from '../support/test-app';
import { AwardsHistoryDemo } from '../../api/src/awards/awards-history-demo';
import { seedDemoData } from '../../api/src/database/demo/seed';
import { inBatches } from './access-helpers';
import { describeJurisdictionIsolation } from './isolation-checks';

describeJurisdictionIsolation('jurisdiction isolation', () => startTestApp());

// ── The public (no-login) pages: the named list and certificate verification ────────────────
// Only namingDecisions, namedCoordinators and certificateVerification answer without a session,
// with their own types, whose fields are exactly the listed ones; every other query and
// mutation refuses; aliases and fragments reach nothing more.

const PUBLIC_QUERIES = ['certificateVerification', 'namedCoordinators', 'namingDecisions'];
const PUBLIC_FIELDS: Record<string, string[]> = {
  PublicNamedCoordinator: ['certificateNumber', 'name', 'reportingUnit', 'tier', 'unit'],
  PublicNamedCoordinatorPage: ['decision', 'items', 'limit', 'offset', 'total', 'year'],
  PublicNamingDecision: ['bronze', 'decisionDocument', 'gold', 'publishedOn', 'revoked', 'silver', 'year'],
  CertificateVerification: ['certificateNumber', 'issuedBy', 'issuedOn', 'name', 'revoked', 'tier', 'valid', 'year'],
};

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface IntrospectedField {
  name: string;
  args: { name: string; type: TypeRef }[];
  type: TypeRef;
}
interface IntrospectedType {
  kind: string;
  name: string;
  fields: IntrospectedField[] | null;
  inputFields: { name: string; type: TypeRef }[] | null;
  enumValues: { name: string }[] | null;
}

const TYPE_REF = `kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }`;
const INTROSPECTION = `{ __schema { queryType { name } mutationType { name } types { kind name
  fields { name args { name type { ${TYPE_REF} } } type { ${TYPE_REF} } }
  inputFields { name type { ${TYPE_REF} } } enumValues { name } } } }`;

const named = (ref: TypeRef): string => (ref.name ?? named(ref.ofType!));
const printRef = (ref: TypeRef): string => (ref.kind === 'NON_NULL' ? `${printRef(ref.ofType!)}!` : ref.kind === 'LIST' ? `[${printRef(ref.ofType!)}]` : ref.name!);

describe('public pages without login', () => {
  let t: TestApp;
  let types: Map<string, IntrospectedType>;
  let schema: { queryType: { name: string }; mutationType: { name: string } };
  let token: string;
  let year: number;

  /** A value of the type for a variable: enough to pass validation, so the guard is what answers. */
  function sample(ref: TypeRef): unknown {
    if (ref.kind === 'NON_NULL') return sample(ref.ofType!);
    if (ref.kind === 'LIST') return [sample(ref.ofType!)];
    const type = types.get(ref.name!)!;
    if (type.kind === 'ENUM') return type.enumValues![0].name;
    if (type.kind === 'INPUT_OBJECT') {
      return Object.fromEntries(type.inputFields!.filter((field) => field.type.kind === 'NON_NULL').map((field) => [field.name, sample(field.type)]));
    }
    return ({ ID: '1', String: 'x', Int: 1, Float: 1, Boolean: true, Date: '2025-01-01' } as Record<string, unknown>)[ref.name!] ?? 'x';
  }

  function call(operation: 'query' | 'mutation', field: IntrospectedField) {
    const required = field.args.filter((arg) => arg.type.kind === 'NON_NULL');
    const declared = required.map((arg) => `$${arg.name}: ${printRef(arg.type)}`).join(', ');
    const passed = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
    const selection = ['OBJECT', 'INTERFACE', 'UNION'].includes(types.get(named(field.type))!.kind) ? ' { __typename }' : '';
    const text = `${operation}${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`;
    return t.graphql(text, Object.fromEntries(required.map((arg) => [arg.name, sample(arg.type)])));
  }

  beforeAll(async () => {
    t = await startTestApp();
    await t.adminToken();
    await seedDemoData(t.databaseUrl, { enterprises: 800, coordinators: 700 }, { config: t.config });
    await t.app.get(AwardsHistoryDemo).seed(todayIsoDate());
    [{ token, year }] = await t.sql(`select verification_token as token, campaign_year as year from award_certificate order by nomination_id limit 1`);
    const introspection = await t.graphql(INTROSPECTION);
    expect(introspection.errors).toBeUndefined();
    schema = introspection.data!.__schema;
    types = new Map((introspection.data!.__schema.types as IntrospectedType[]).map((type) => [type.name, type]));
  }, 120_000);
  afterAll(async () => t?.close());

  it('gives the public types exactly the listed fields, and no way from them to anything else', () => {
    for (const [name, fields] of Object.entries(PUBLIC_FIELDS)) {
      expect([name, types.get(name)!.fields!.map((field) => field.name).sort()]).toEqual([name, fields]);
    }
    // every object type reachable from a public query is one of the public types
    const reached = new Set<string>();
    const queue = types.get(schema.queryType.name)!.fields!.filter((field) => PUBLIC_QUERIES.includes(field.name)).map((field) => named(field.type));
    while (queue.length > 0) {
      const name = queue.pop()!;
      const type = types.get(name)!;
      if (type.kind !== 'OBJECT' || reached.has(name)) continue;
      reached.add(name);
      queue.push(...type.fields!.map((field) => named(field.type)));
    }
    expect([...reached].sort()).toEqual(Object.keys(PUBLIC_FIELDS).sort());
  });

  it('refuses every other query and mutation without a session', async () => {
    const attempts = [
      ...types.get(schema.queryType.name)!.fields!.filter((field) => !PUBLIC_QUERIES.includes(field.name)).map((field) => ({ operation: 'query' as const, field })),
      ...types.get(schema.mutationType.name)!.fields!.filter((field) => field.name !== 'login').map((field) => ({ operation: 'mutation' as const, field })),
    ];
    expect(attempts.length).toBeGreaterThan(40);
    const responses = await inBatches(attempts.map((attempt) => () => call(attempt.operation, attempt.field)), 8);
    const leaked = attempts
      .map((attempt, index) => ({ name: attempt.field.name, response: responses[index] }))
      .filter(({ name, response }) => response.data?.[name] != null || !(response.errors ?? []).some((error) => error.extensions?.code === 'UNAUTHENTICATED'));
    expect(leaked.map(({ name, response }) => `${name}: ${JSON.stringify(response).slice(0, 200)}`)).toEqual([]);
  });

  it('answers the public queries with their fields only, through aliases and fragments too', async () => {
    const response = await t.graphql(
      `query($year: Int!, $token: String!) {
        list: namedCoordinators(year: $year, limit: 200) { total items { who: name ...Line ... on PublicNamedCoordinator { unit } } }
        check: certificateVerification(token: $token) { ...Check }
        decisions: namingDecisions { year gold }
      }
      fragment Line on PublicNamedCoordinator { certificateNumber reportingUnit tier __typename }
      fragment Check on CertificateVerification { valid name tier year certificateNumber issuedBy revoked issuedOn }`,
      { year, token },
    );
    expect(response.errors).toBeUndefined();
    const items = response.data!.list.items as Record<string, unknown>[];
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(Object.keys(item).sort()).toEqual(['__typename', 'certificateNumber', 'reportingUnit', 'tier', 'unit', 'who']);
    expect(response.data!.check.valid).toBe(true);
    // no ID number in any form, no holder's full name on the verification
    const text = JSON.stringify(response);
    const masked = await t.sql<{ id_number_masked: string }>(`select id_number_masked from coordinator`);
    expect(masked.filter((row) => text.includes(row.id_number_masked))).toEqual([]);
    expect(text).not.toMatch(/\d{17}[\dXx]|\d{4}\*{6,}/);
    const [holder] = await t.sql(`select holder_name from award_certificate where verification_token = $1`, [token]);
    expect(JSON.stringify(response.data!.check)).not.toContain(holder.holder_name);

    // fields, types and fragments beyond the public types do not validate
    for (const query of [
      `query($year: Int!) { namedCoordinators(year: $year) { items { name idNumber } } }`,
      `query($year: Int!) { namedCoordinators(year: $year) { items { coordinator { id } } } }`,
      `query($year: Int!) { namedCoordinators(year: $year) { items { ... on Coordinator { idNumber phone } } } }`,
      `query($token: String!) { certificateVerification(token: $token) { valid nomination { id } } }`,
      `query($token: String!) { certificateVerification(token: $token) { ...N } } fragment N on Nomination { coordinatorId }`,
      `query($token: String!) { certificateVerification(token: $token) { valid holderName unit } }`,
    ]) {
      const refused = await t.graphql(query, { year, token });
      expect([query, refused.data ?? null]).toEqual([query, null]);
      expect(refused.errors![0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  it('keeps the public queries inside the GraphQL limits', async () => {
    const aliases = Array.from({ length: 16 }, (_value, index) => `v${index}: certificateVerification(token: "${token}") { valid }`).join(' ');
    const tooMany = await t.graphql(`{ ${aliases} }`);
    expect(tooMany.errors![0].extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'aliases' });
    const bigPage = await t.graphql(`query($year: Int!) { namedCoordinators(year: $year, limit: 100000) { total } }`, { year });
    expect(bigPage.data ?? null).toBeNull();
    expect(bigPage.errors![0].extensions?.code).toMatch(/BAD_USER_INPUT|QUERY_LIMIT_EXCEEDED/);
  });
});
