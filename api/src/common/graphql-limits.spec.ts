import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { costReadsVariables, estimateCost } from './graphql-cost';
import { checkDocument, checkSource, countTokens, measureDocument } from './graphql-document-shape';
import { withoutSuggestions } from './graphql-limits';

const LIMITS = { maxDocumentBytes: 16384, maxTokens: 2000, maxDepth: 8, maxAliases: 15, maxFields: 500, maxDirectives: 50 };

function measure(source: string) {
  return measureDocument(parse(source)).operations[0].shape;
}

/** `fragment F0 on Query { ...F1 ...F1 }` … `levels` deep: 2^levels fields once expanded. */
function doubling(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, index) => `fragment F${index} on Query { ...F${index + 1} ...F${index + 1} }`);
  return `query { ...F0 } ${fragments.join(' ')} fragment F${levels} on Query { me { id } }`;
}

function refusal(work: () => void): Record<string, unknown> | null {
  try {
    work();
    return null;
  } catch (error) {
    return (error as { extensions: Record<string, unknown> }).extensions;
  }
}

describe('measureDocument', () => {
  it('counts the depth of the deepest leaf and the fields', () => {
    expect(measure('{ me { id } }')).toEqual({ depth: 2, aliases: 0, fields: 2 });
    expect(measure('{ coordinators { items { enterprise { region { code } } } } }').depth).toBe(5);
  });

  it('expands fragments and inline fragments, and survives a fragment cycle', () => {
    expect(measure('{ a { ...F } } fragment F on A { b { ... on B { c { d } } } }').depth).toBe(4);
    const cyclic = measureDocument(parse('{ a { ...F } } fragment F on A { b { ...F } }'));
    expect(cyclic.fragmentCycle).toBe('F');
  });

  it('counts aliases, inside fragments too, each time the fragment is used', () => {
    expect(measure('{ x: me { id } y: me { i: id } ...F ...F } fragment F on Query { z: me { id } }').aliases).toBe(5);
  });

  it('leaves introspection fields out of the depth', () => {
    expect(measure('{ __schema { types { fields { type { ofType { name } } } } } me { id } }').depth).toBe(2);
  });

  it('measures doubling fragment spreads by multiplication, not by walking them', () => {
    // 2^30 spreads of `me { id }`: walking them one by one would take minutes (past the test's timeout)
    const shape = measure(doubling(30));
    expect(shape.fields).toBe(2 ** 31);
    expect(shape.depth).toBe(2);
  });

  it('counts the directives of the whole document', () => {
    expect(measureDocument(parse('query Q @a { me @b @c { id @include(if: true) } } fragment F on Query @d { me { id } }')).directives).toBe(5);
  });
});

describe('checkSource and checkDocument', () => {
  it('refuses a text over the size cap or over the token cap before parsing', () => {
    expect(refusal(() => checkSource(`{ me { id } } #${'x'.repeat(20000)}`, LIMITS))).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'documentSize', maximum: 16384 });
    expect(refusal(() => checkSource(`{ me { ${'id '.repeat(2100)} } }`, LIMITS))).toMatchObject({ limit: 'tokens', actual: 2001, maximum: 2000 });
    expect(refusal(() => checkSource('{ me { id } }', LIMITS))).toBeNull();
    // text that does not lex is left to the parser's syntax error
    expect(countTokens('{ me { "unterminated } }', 10)).toBeNull();
  });

  it('names the limit, the figure and the maximum', () => {
    expect(refusal(() => checkDocument(parse(doubling(24)), LIMITS))).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'fields', actual: 2 ** 25, maximum: 500 });
    expect(refusal(() => checkDocument(parse('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }'), LIMITS))).toMatchObject({
      limit: 'fragmentCycle',
    });
    expect(refusal(() => checkDocument(parse(`{ me ${'@include(if: true) '.repeat(51)} { id } }`), LIMITS))).toMatchObject({ limit: 'directives', actual: 51 });
    expect(refusal(() => checkDocument(parse(`{ ${'me { '.repeat(9)}id${' }'.repeat(9)} }`), LIMITS))).toMatchObject({ limit: 'depth', actual: 10 });
    expect(refusal(() => checkDocument(parse('{ me { id } }'), LIMITS))).toBeNull();
  });
});

describe('estimateCost', () => {
  const schema = buildSchema(`
    type Query { page(limit: Int, offset: Int): Page! item: Item }
    type Page { total: Int! items: [Item!]! }
    type Item { id: ID! name: String! }
  `);
  const cost = (source: string, variables: Record<string, unknown> = {}) => {
    const document = parse(source);
    const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)!;
    return estimateCost(schema, document, operation, variables, 200);
  };

  it('counts a list as its page size times its fields, capped at the page-size cap', () => {
    expect(cost('{ item { id name } }')).toBe(3);
    expect(cost('{ page(limit: 10) { total items { id name } } }')).toBe(1 + 10 * (1 + 3));
    expect(cost('{ page(limit: 100000) { items { id } } }')).toBe(1 + 200 * 2);
    expect(cost('query($n: Int) { page(limit: $n) { items { id } } }', { n: 5 })).toBe(1 + 5 * 2);
    expect(cost('query($on: Boolean!) { item { id name @include(if: $on) } }', { on: false })).toBe(2);
  });

  it('costs a fragment once however often it is spread', () => {
    const document = `{ ...F0 } ${Array.from({ length: 40 }, (_, index) => `fragment F${index} on Query { ...F${index + 1} ...F${index + 1} }`).join(' ')} fragment F40 on Query { item { id } }`;
    expect(cost(document)).toBe(2 ** 40 * 2);
  });
});

describe('costReadsVariables', () => {
  it('is true only when a variable sets a limit or an @include/@skip', () => {
    expect(costReadsVariables(parse('query($offset: Int) { coordinators(offset: $offset, limit: 20) { total } }'))).toBe(false);
    expect(costReadsVariables(parse('query($limit: Int) { coordinators(limit: $limit) { total } }'))).toBe(true);
    expect(costReadsVariables(parse('query($on: Boolean!) { me { id @include(if: $on) } }'))).toBe(true);
    expect(costReadsVariables(parse('{ a { ...F } } fragment F on A { b(limit: $n) { c } }'))).toBe(true);
  });
});

describe('withoutSuggestions', () => {
  it('cuts "Did you mean" hints and keeps the rest', () => {
    expect(withoutSuggestions({ message: 'Cannot query field "coordinatorz" on type "Query". Did you mean "coordinators" or "coordinator"?' }).message).toBe(
      'Cannot query field "coordinatorz" on type "Query".',
    );
    expect(withoutSuggestions({ message: 'Syntax Error' }).message).toBe('Syntax Error');
  });
});
