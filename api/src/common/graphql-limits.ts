import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { Inject } from '@nestjs/common';
import {
  getVariableValues,
  GraphQLError,
  Kind,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { APP_CONFIG, type AppConfig } from '../config/configuration';

// The OWASP GraphQL cheat sheet's limits, checked once per operation before anything runs:
// depth, aliases, and a cost estimate where a list costs its page size times its items. Page
// size itself is capped by resolvePage; batching is off and CSRF prevention on (app.module).
// In production, validation errors lose their "Did you mean …?" hints (introspection is off
// there too), so the schema cannot be mapped by guessing.

export type QueryLimit = 'depth' | 'aliases' | 'complexity';

function limitError(limit: QueryLimit, message: string, actual: number, maximum: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit, actual, maximum, http: { status: 400 } },
  });
}

interface Walk {
  fragments: Map<string, FragmentDefinitionNode>;
  aliases: number;
}

/** Depth of the deepest field below `set` (introspection fields excluded), counting aliases. */
function walk(set: SelectionSetNode | undefined, state: Walk, visiting: Set<string>): number {
  if (!set) return 0;
  let deepest = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      if (selection.alias) state.aliases += 1;
      deepest = Math.max(deepest, 1 + walk(selection.selectionSet, state, visiting));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, walk(selection.selectionSet, state, visiting));
    } else {
      const name = selection.name.value;
      const fragment = state.fragments.get(name);
      if (!fragment || visiting.has(name)) continue;
      visiting.add(name);
      deepest = Math.max(deepest, walk(fragment.selectionSet, state, visiting));
      visiting.delete(name);
    }
  }
  return deepest;
}

/** Depth and alias count of one operation, fragments expanded. */
export function measureOperation(
  operation: OperationDefinitionNode,
  fragments: FragmentDefinitionNode[],
): { depth: number; aliases: number } {
  const state: Walk = { fragments: new Map(fragments.map((fragment) => [fragment.name.value, fragment])), aliases: 0 };
  const depth = walk(operation.selectionSet, state, new Set());
  return { depth, aliases: state.aliases };
}

/**
 * A paged list (any field with a `limit` argument) costs its items times the page size; a
 * limit above the page-size cap counts as the cap, so resolvePage answers it by name.
 */
function pagedListEstimator(maxPageSize: number): ComplexityEstimator {
  return ({ args, childComplexity }) =>
    typeof args.limit === 'number' ? 1 + childComplexity * Math.min(maxPageSize, Math.max(1, args.limit)) : undefined;
}

/** Whether a variable can change a cost estimate of `document`: as a `limit`, or in @include/@skip. */
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

interface Measured {
  depth: number;
  aliases: number;
  costReadsVariables: boolean;
  /** kept once computed when no variable can change it */
  complexity?: number;
}

export function withoutSuggestions(error: GraphQLFormattedError): GraphQLFormattedError {
  if (!/Did you mean/.test(error.message)) return error;
  return { ...error, message: error.message.replace(/\s*Did you mean [^?]*\?/g, '') };
}

@Plugin()
export class GraphQLLimitsPlugin implements ApolloServerPlugin {
  // Apollo hands every request for a cached query the same parsed document, so what an
  // operation's text alone decides is worked out once, not on every request.
  private readonly measured = new WeakMap<OperationDefinitionNode, Measured>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async requestDidStart(): Promise<GraphQLRequestListener<Record<string, unknown>>> {
    const { maxDepth, maxAliases, maxComplexity, maxPageSize } = this.config.graphql;
    const production = this.config.nodeEnv === 'production';
    return {
      didResolveOperation: async ({ document, operation, schema, request }) => {
        if (!operation) return;
        const measured = this.measure(document, operation);
        const { depth, aliases } = measured;
        if (depth > maxDepth) throw limitError('depth', `查询嵌套过深（${depth} 层，最多 ${maxDepth} 层）`, depth, maxDepth);
        if (aliases > maxAliases) throw limitError('aliases', `查询别名过多（${aliases} 个，最多 ${maxAliases} 个）`, aliases, maxAliases);
        let complexity = measured.complexity;
        if (complexity === undefined) {
          complexity = getComplexity({
            schema,
            query: document,
            operationName: request.operationName ?? undefined,
            variables: request.variables ?? {},
            estimators: [pagedListEstimator(maxPageSize), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (!measured.costReadsVariables) measured.complexity = complexity;
        } else {
          // getComplexity refuses variables that do not fit their definitions: so does its kept result
          const { errors } = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          if (errors?.length) throw errors[errors.length - 1];
        }
        if (complexity > maxComplexity) {
          throw limitError('complexity', `查询代价过高（${complexity}，上限 ${maxComplexity}），请减少字段或每页条数`, complexity, maxComplexity);
        }
      },
      willSendResponse: async ({ response }) => {
        if (!production || response.body.kind !== 'single' || !response.body.singleResult.errors) return;
        response.body.singleResult.errors = response.body.singleResult.errors.map(withoutSuggestions);
      },
    };
  }

  private measure(document: DocumentNode, operation: OperationDefinitionNode): Measured {
    let measured = this.measured.get(operation);
    if (!measured) {
      const fragments = document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION);
      measured = { ...measureOperation(operation, fragments), costReadsVariables: costReadsVariables(document) };
      this.measured.set(operation, measured);
    }
    return measured;
  }
}
