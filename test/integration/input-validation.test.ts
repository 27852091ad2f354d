import { todayIsoDate } from '@registry/domain';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { startTestApp, type TestApp } from '../support/test-app';
import { CREATE_COORDINATOR, CREATE_ENTERPRISE, coordinatorInput, creditCode, enterpriseInput, idNumber } from '../support/fixtures';

// Unvalidated input used to reach PostgreSQL, and its error text the client. Every input is now
// checked where it enters (the same DTO classes for GraphQL and REST): a bad value answers
// BAD_USER_INPUT naming the field, and nothing unforeseen leaves as more than
// INTERNAL_SERVER_ERROR / 服务器内部错误.

const YEAR = Number(todayIsoDate().slice(0, 4));

interface Answer {
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  data?: Record<string, any>;
}

describe('input validation', () => {
  let t: TestApp;
  let admin: string;
  const ids: Record<string, string> = {};

  const gql = (query: string, variables: Record<string, unknown> = {}) => t.graphql(query, variables, admin) as Promise<Answer>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const enterprise = await gql(CREATE_ENTERPRISE, { input: enterpriseInput() });
    ids.enterprise = enterprise.data!.createEnterprise.id;
    const coordinator = await gql(CREATE_COORDINATOR, { input: coordinatorInput({ enterpriseId: ids.enterprise }) });
    ids.coordinator = coordinator.data!.createCoordinator.id;
    const user = await gql(`mutation { createUser(input: { username: "sweep-user", password: "Sweep#Initial2025", role: COUNTY_OFFICE, regionCode: "220104" }) { id } }`);
    ids.user = user.data!.createUser.id;
    const today = todayIsoDate();
    const campaign = await gql(`mutation($input: AwardCampaignInput!) { saveAwardCampaign(input: $input) { year } }`, {
      input: { year: YEAR, referenceDate: today, submissionStart: today, submissionEnd: today, quotas: [{ regionCode: '220100', tier: 'BRONZE', places: 5 }] },
    });
    expect(campaign.errors).toBeUndefined();
    const nomination = await gql(`mutation($input: NominateInput!) { nominate(input: $input) { id } }`, {
      input: { coordinatorId: ids.coordinator, tier: 'BRONZE', campaignYear: YEAR, attestations: ['四(一)1(1)', '工作业绩'], achievements: '调解劳动争议 120 件' },
    });
    expect(nomination.errors).toBeUndefined();
    ids.nomination = nomination.data!.nominate.id;
  });
  afterAll(async () => t?.close());

  describe('the findings, one by one', () => {
    it('refuses a time that is not a date in the audit filter, naming the field', async () => {
      const result = await gql(`{ auditLogs(filter: { from: "not-a-date" }) { total } }`);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(result.errors?.[0].message).toMatch(/from/);
    });

    it('refuses a NUL character in a search, naming the field', async () => {
      const result = await gql(`query($s: String) { coordinators(filter: { search: $s }) { total } }`, { s: 'a\u0000b' });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' });
    });

    it('refuses a certificate level out of range', async () => {
      const result = await gql(`{ coordinators(filter: { certificateLevelAtLeast: 2147483647 }) { total } }`);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'certificateLevelAtLeast' });
    });

    it('refuses an export filter of the wrong types before the download starts', async () => {
      for (const filter of [{ categories: 'x' }, { certificateLevelAtLeast: '1; drop table x' }, { search: 'a\u0000b' }, { regionCode: 220104 }, { status: 'ANY' }]) {
        const response = await fetch(`${t.baseUrl}/api/exports/coordinators.xlsx?filter=${encodeURIComponent(JSON.stringify(filter))}`, {
          headers: { authorization: `Bearer ${admin}` },
        });
        expect({ filter, status: response.status, type: response.headers.get('content-type') }).toMatchObject({ status: 400, type: expect.stringMatching(/json/) });
        expect(await response.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringMatching(/^filter\./) });
      }
      const enterprises = await fetch(`${t.baseUrl}/api/exports/enterprises.xlsx?filter=${encodeURIComponent(JSON.stringify({ sizeClasses: 'LARGE' }))}`, {
        headers: { authorization: `Bearer ${admin}` },
      });
      expect(enterprises.status).toBe(400);
    });

    it('refuses a year of 1e20 in a summary download', async () => {
      const response = await fetch(`${t.baseUrl}/api/awards/campaigns/1e20/units/220100/summary.xlsx`, { headers: { authorization: `Bearer ${admin}` } });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    });
  });

  describe('a sweep over the REST endpoints', () => {
    it('answers hostile path parameters, queries and bodies with a 4xx naming the problem, never a 500', async () => {
      const hostile = ['%00', 'a%00b', '99999999999999999999', '1e20', '-1', 'x'.repeat(3000)];
      const requests: { method: string; path: string; body?: string }[] = [{ method: 'GET', path: '/health' }];
      for (const value of hostile) {
        requests.push(
          { method: 'GET', path: `/api/imports?offset=${value}&limit=${value}` },
          { method: 'GET', path: `/api/imports/${value}` },
          { method: 'GET', path: `/api/imports/${value}/errors?offset=${value}&limit=${value}` },
          { method: 'GET', path: `/api/imports/${value}/error-file` },
          { method: 'POST', path: `/api/imports/${value}/commit`, body: JSON.stringify({ mode: decodeURIComponent(value) }) },
          { method: 'POST', path: `/api/imports?kind=${value}&fileName=${value}&commit=${value}`, body: 'a,b\n1,2\n' },
          { method: 'GET', path: `/api/imports/templates/${value}.xlsx` },
          { method: 'GET', path: `/api/exports/coordinators.xlsx?revealReason=${value}` },
          { method: 'GET', path: `/api/exports/${value}.xlsx` },
          { method: 'GET', path: `/api/exports/enterprises.xlsx?filter=${encodeURIComponent(JSON.stringify({ search: decodeURIComponent(value), regionCode: decodeURIComponent(value) }))}` },
          { method: 'GET', path: `/api/exports/nominations.xlsx?filter=${encodeURIComponent(JSON.stringify({ campaignYear: Number(value), states: [value] }))}` },
          { method: 'GET', path: `/api/awards/nominations/${value}/form.pdf?revealReason=${value}` },
          { method: 'GET', path: `/api/awards/nominations/${value}/form.xlsx` },
          { method: 'GET', path: `/api/awards/nominations/${value}/certificate.pdf` },
          { method: 'GET', path: `/api/awards/campaigns/${value}/units/220100/summary.xlsx` },
          { method: 'GET', path: `/api/awards/campaigns/${YEAR}/units/${value}/summary.pdf` },
        );
      }
      const failures: string[] = [];
      for (const request of requests) {
        const response = await fetch(`${t.baseUrl}${request.path}`, {
          method: request.method,
          headers: { authorization: `Bearer ${admin}`, 'content-type': request.method === 'POST' && request.path.includes('commit') ? 'application/json' : 'text/csv' },
          body: request.body,
        });
        const text = await response.text();
        if (response.status >= 500 || /INTERNAL_SERVER_ERROR|syntax|violates|out of range for type|invalid input/i.test(text)) {
          failures.push(`${request.method} ${request.path.slice(0, 120)} → ${response.status} ${text.slice(0, 120)}`);
        }
      }
      console.log(`REST sweep: ${requests.length} requests with hostile values, ${failures.length} failures`);
      expect(failures).toEqual([]);
    });
  });

  describe('a sweep over every query and mutation', () => {
    it('answers hostile values in every argument and input field without an internal error', async () => {
      const schema = buildSchema(readFileSync('api/schema.gql', 'utf8'));
      const failures: string[] = [];
      let calls = 0;
      for (const root of [schema.getQueryType()!, schema.getMutationType()!]) {
        for (const field of Object.values(root.getFields())) {
          if (SKIPPED.has(field.name)) continue;
          for (const { path, value, label } of hostileCalls(field)) {
            const { document, variables } = call(schema, root.name === 'Query' ? 'query' : 'mutation', field, ids, path, value);
            const answer = await gql(document, variables);
            calls += 1;
            for (const error of answer.errors ?? []) {
              if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') failures.push(`${field.name}(${path.join('.')} = ${label})`);
            }
          }
        }
      }
      console.log(`input sweep: ${calls} GraphQL calls with hostile values, ${failures.length} internal errors`);
      expect(failures).toEqual([]);
    });
  });
});

/** logout ends the sweeping session; changePassword would lock it out. */
const SKIPPED = new Set(['logout', 'changePassword']);

const HOSTILE: Record<string, { value: unknown; label: string }[]> = {
  String: [
    { value: 'a\u0000b', label: 'NUL' },
    { value: 'x'.repeat(5000), label: '5000 characters' },
  ],
  ID: [
    { value: '99999999999999999999', label: '20-digit id' },
    { value: '-1', label: 'negative id' },
  ],
  Int: [
    { value: 2147483647, label: 'INT_MAX' },
    { value: -2147483648, label: 'INT_MIN' },
  ],
  Float: [
    { value: 1e308, label: '1e308' },
    { value: -1e308, label: '-1e308' },
  ],
  Date: [
    { value: '0001-01-01', label: 'year 1' },
    { value: '9999-12-31', label: 'year 9999' },
  ],
  DateTime: [
    { value: 'not-a-date', label: 'not a date' },
    { value: '+275760-09-13T00:00:00.000Z', label: 'year 275760' },
  ],
};

/** Every (argument path, hostile value) of a field: each argument and each input field, two levels deep. */
function hostileCalls(field: GraphQLField<unknown, unknown>): { path: string[]; value: unknown; label: string }[] {
  const calls: { path: string[]; value: unknown; label: string }[] = [];
  const walk = (type: GraphQLInputType, path: string[], depth: number) => {
    const named = getNamedType(type);
    if (isScalarType(named)) {
      for (const hostile of HOSTILE[named.name] ?? []) calls.push({ path, ...hostile });
    } else if (isInputObjectType(named) && depth < 3) {
      for (const inner of Object.values(named.getFields())) walk(inner.type, [...path, inner.name], depth + 1);
    }
  };
  for (const argument of field.args) walk(argument.type, [argument.name], 1);
  return calls;
}

let unique = 0;

/** A value that passes the field's own checks, so that a hostile neighbour is what gets tested. */
function plausible(type: GraphQLInputType, name: string, fieldName: string, ids: Record<string, string>): unknown {
  if (isNonNullType(type)) return plausible(type.ofType, name, fieldName, ids);
  if (isListType(type)) return [plausible(type.ofType, name, fieldName, ids)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const inner of Object.values(type.getFields())) {
      if (isNonNullType(inner.type) && inner.defaultValue === undefined) value[inner.name] = plausible(inner.type, inner.name, fieldName, ids);
    }
    return value;
  }
  unique += 1;
  const byName: Record<string, unknown> = {
    regionCode: '220104',
    parentCode: '220000',
    code: '220104',
    idNumber: idNumber('1980-05-05', 'MALE'),
    creditCode: creditCode(),
    industryCode: 'C13',
    year: YEAR,
    campaignYear: YEAR,
    coordinatorId: ids.coordinator,
    enterpriseId: ids.enterprise,
    nominationId: ids.nomination,
    password: 'Sweep#Pass2025x',
    username: `sweep-${unique}`,
    limit: 20,
    offset: 0,
    level: 3,
    version: 1,
    reason: '核对原因',
    token: 'not-a-token',
  };
  if (name in byName) return byName[name];
  if (name === 'id' || name.endsWith('Ids')) {
    const id = /Enterprise/.test(fieldName)
      ? ids.enterprise
      : /User/.test(fieldName)
        ? ids.user
        : /Nomination|Publicity|Objection|nominationId/.test(fieldName) || name === 'nominationIds' || name === 'namedIds'
          ? ids.nomination
          : ids.coordinator;
    return name.endsWith('Ids') ? [id] : id;
  }
  switch ((type as { name: string }).name) {
    case 'Int':
      return 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'Date':
      return '2022-03-01';
    case 'DateTime':
      return '2024-01-01T00:00:00Z';
    default:
      return '测试';
  }
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown, type: GraphQLInputType, fieldName: string, ids: Record<string, string>): void {
  const [head, ...rest] = path;
  if (rest.length === 0) {
    target[head] = isListType(isNonNullType(type) ? type.ofType : type) ? [value] : value;
    return;
  }
  const named = getNamedType(type);
  if (!isInputObjectType(named)) return;
  const list = isListType(isNonNullType(type) ? type.ofType : type);
  let inner = list ? (target[head] as Record<string, unknown>[] | undefined)?.[0] : (target[head] as Record<string, unknown> | undefined);
  if (!inner) {
    inner = plausible(named, head, fieldName, ids) as Record<string, unknown>;
    target[head] = list ? [inner] : inner;
  }
  setPath(inner, rest, value, named.getFields()[rest[0]].type, fieldName, ids);
}

function call(
  schema: GraphQLSchema,
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  ids: Record<string, string>,
  path: string[],
  value: unknown,
): { document: string; variables: Record<string, unknown> } {
  const variables: Record<string, unknown> = {};
  const used: GraphQLArgument[] = [];
  for (const argument of field.args) {
    const required = isNonNullType(argument.type) && argument.defaultValue === undefined;
    if (required) variables[argument.name] = plausible(argument.type, argument.name, field.name, ids);
    if (required || argument.name === path[0]) used.push(argument);
  }
  const target = field.args.find((argument) => argument.name === path[0])!;
  setPath(variables, path, value, target.type, field.name, ids);
  const definitions = used.map((argument) => `$${argument.name}: ${argument.type.toString()}`).join(', ');
  const passed = used.map((argument) => `${argument.name}: $${argument.name}`).join(', ');
  const selection = isScalarType(getNamedType(field.type)) || isEnumType(getNamedType(field.type)) ? '' : ' { __typename }';
  void schema;
  return {
    document: `${kind}${definitions ? `(${definitions})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`,
    variables,
  };
}
