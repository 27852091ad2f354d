import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { costReadsVariables, measureOperation, withoutSuggestions } from './graphql-limits';

function measure(source: string) {
  const document = parse(source);
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION);
  return measureOperation(operation, fragments);
}

describe('measureOperation', () => {
  it('counts the depth of the deepest leaf', () => {
    expect(measure('{ me { id } }')).toEqual({ depth: 2, aliases: 0 });
    expect(measure('{ coordinators { items { enterprise { region { code } } } } }').depth).toBe(5);
  });

  it('expands fragments and inline fragments, and survives a fragment cycle', () => {
    expect(measure('{ a { ...F } } fragment F on A { b { ... on B { c { d } } } }').depth).toBe(4);
    expect(measure('{ a { ...F } } fragment F on A { b { ...F } }').depth).toBe(2);
  });

  it('counts aliases, inside fragments too, each time the fragment is used', () => {
    expect(measure('{ x: me { id } y: me { i: id } ...F ...F } fragment F on Query { z: me { id } }').aliases).toBe(5);
  });

  it('leaves introspection fields out of the depth', () => {
    expect(measure('{ __schema { types { fields { type { ofType { name } } } } } me { id } }').depth).toBe(2);
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
