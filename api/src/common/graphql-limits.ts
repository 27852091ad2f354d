import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { Inject } from '@nestjs/common';
import { getVariableValues, GraphQLError, type DocumentNode, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { costReadsVariables, estimateCost } from './graphql-cost';
import { limitError } from './graphql-document-shape';

// The OWASP GraphQL cheat sheet's limits, in the order that keeps a hostile document cheap:
// the text's size and tokens, then depth, aliases, expanded fields, directives and fragment
// cycles of the parsed document, in front of Apollo (graphql-document-guard.ts: before
// validation, whose rules are not linear, and before any session is looked up); here, once
// variables are known, the cost estimate. Every measure is linear in the document (fragments
// are measured once). Page size itself is capped by resolvePage; batching is off and
// CSRF prevention on (app.module). In production, validation errors lose their
// "Did you mean …?" hints (introspection is off there too), so the schema cannot be mapped by
// guessing. See docs/decisions/0710-graphql-document-limits.md.

interface Measured {
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
    const limits = this.config.graphql;
    const production = this.config.nodeEnv === 'production';
    return {
      didResolveOperation: async ({ document, operation, schema, request }) => {
        if (!operation) return;
        const measured = this.measure(document, operation);
        let complexity = measured.complexity;
        if (complexity === undefined || operation.variableDefinitions?.length) {
          const { coerced, errors } = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          if (errors?.length) throw badInput(errors[errors.length - 1]);
          if (complexity === undefined) {
            try {
              complexity = estimateCost(schema, document, operation, coerced ?? {}, limits.maxPageSize);
            } catch (error) {
              throw error instanceof GraphQLError ? badInput(error) : error;
            }
            if (!measured.costReadsVariables) measured.complexity = complexity;
          }
        }
        if (complexity > limits.maxComplexity) {
          throw limitError('complexity', `查询代价过高（${complexity}，上限 ${limits.maxComplexity}），请减少字段或每页条数`, complexity, limits.maxComplexity);
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
      measured = { costReadsVariables: costReadsVariables(document) };
      this.measured.set(operation, measured);
    }
    return measured;
  }
}

/** A variable that does not fit its definition is the caller's mistake, not a server error. */
function badInput(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code: 'BAD_USER_INPUT', http: { status: 400 } } });
}
