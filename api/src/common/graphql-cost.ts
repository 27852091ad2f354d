import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';

// The estimated cost of an operation: every field costs 1 plus what it selects, and a paged
// list (a field with a `limit` argument) costs 1 plus its items times the page size, a limit
// above the page-size cap counting as the cap (resolvePage then refuses it by name). A
// fragment's cost is worked out once per request and reused at each spread, so the estimate
// takes time linear in the document, whatever its fragments multiply to.

const CEILING = 2 ** 53 - 1;

function bounded(value: number): number {
  return Math.min(CEILING, value);
}

/** Whether @include/@skip keep `node`, with the request's (coerced) variables. */
function included(node: SelectionNode, variables: Record<string, unknown>): boolean {
  if (!node.directives?.length) return true;
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

function fieldDefinition(parent: GraphQLCompositeType, node: FieldNode, schema: GraphQLSchema): GraphQLField<unknown, unknown> | undefined {
  const name = node.name.value;
  if (name === SchemaMetaFieldDef.name && parent === schema.getQueryType()) return SchemaMetaFieldDef;
  if (name === TypeMetaFieldDef.name && parent === schema.getQueryType()) return TypeMetaFieldDef;
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  maxPageSize: number,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const costs = new Map<string, number>();
  const visiting = new Set<string>();

  const ofSet = (set: SelectionSetNode, parent: GraphQLCompositeType): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (!included(selection, variables)) continue;
      if (selection.kind === Kind.FIELD) {
        const field = fieldDefinition(parent, selection, schema);
        // unknown fields were refused by validation
        if (!field) continue;
        const type = getNamedType(field.type);
        const below = selection.selectionSet && isCompositeType(type) ? ofSet(selection.selectionSet, type) : 0;
        const args = field.args.length ? getArgumentValues(field, selection, variables) : {};
        const limit = args.limit;
        total += typeof limit === 'number' ? 1 + below * Math.min(maxPageSize, Math.max(1, limit)) : 1 + below;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (condition && isCompositeType(condition)) total += ofSet(selection.selectionSet, condition);
      } else {
        total += ofFragment(selection.name.value);
      }
      total = bounded(total);
    }
    return total;
  };

  const ofFragment = (name: string): number => {
    const known = costs.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment || visiting.has(name)) return 0;
    const condition = schema.getType(fragment.typeCondition.name.value);
    if (!condition || !isCompositeType(condition)) return 0;
    visiting.add(name);
    const cost = ofSet(fragment.selectionSet, condition);
    visiting.delete(name);
    costs.set(name, cost);
    return cost;
  };

  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  return root ? ofSet(operation.selectionSet, root) : 0;
}

/** Whether a variable can change the estimate of `document`: as a `limit`, or in @include/@skip. */
export function costReadsVariables(document: DocumentNode): boolean {
  let reads = false;
  visit(document, {
    Field: (field) => {
      if (field.arguments?.some((argument) => argument.name.value === 'limit' && argument.value.kind !== Kind.INT)) reads = true;
    },
    Directive: (directive) => {
      if (directive.arguments?.some((argument) => argument.value.kind === Kind.VARIABLE)) reads = true;
    },
  });
  return reads;
}
