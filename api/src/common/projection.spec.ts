import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { columnsFor, selectedFields } from './projection';

const schema = buildSchema(`
  type Employer { id: ID! name: String sizeClass: String }
  type Person { id: ID! name: String age: Int enterprise: Employer }
  type Page { total: Int items: [Person] }
  type Query { people: Page }
`);

/** The info the `people` resolver receives for `query`. */
async function infoOf(query: string): Promise<GraphQLResolveInfo> {
  let captured: GraphQLResolveInfo | undefined;
  const result = await graphql({
    schema,
    source: query,
    rootValue: {
      people: (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
        captured = info;
        return { total: 0, items: [] };
      },
    },
  });
  expect(result.errors).toBeUndefined();
  return captured!;
}

describe('selectedFields', () => {
  it('names the fields under a path by name, not alias, through fragments and inline fragments', async () => {
    const info = await infoOf(`
      query { people { total items { who: name ...Employed ... on Person { age } } } }
      fragment Employed on Person { id enterprise { sizeClass ... on Employer { name } } }`);
    expect(selectedFields(info, ['items'])).toEqual(new Set(['name', 'id', 'enterprise', 'age']));
    expect(selectedFields(info, ['items', 'enterprise'])).toEqual(new Set(['sizeClass', 'name']));
  });

  it('answers null for a path the query does not select', async () => {
    const info = await infoOf(`{ people { total } }`);
    expect(selectedFields(info, ['items'])).toBeNull();
  });
});

describe('columnsFor', () => {
  const all = ['id', 'name', 'birth_date', 'enterprise_id', 'updated_at'];
  const map = { id: [], name: ['name'], age: ['birth_date'], enterprise: ['enterprise_id'] };

  it('reads the mapped columns and the ones always needed, in table order', () => {
    expect(columnsFor(new Set(['age', 'name']), map, all, ['id'])).toEqual(['id', 'name', 'birth_date']);
  });

  it('reads every column for a field it does not know, or when the selection is unknown', () => {
    expect(columnsFor(new Set(['name', 'somethingNew']), map, all, ['id'])).toEqual(all);
    expect(columnsFor(null, map, all, ['id'])).toEqual(all);
  });
});
