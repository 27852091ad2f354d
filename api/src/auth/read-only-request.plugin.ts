import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { noteReadOnlyRequest, RequestDatabase } from './request-database';

// With read replicas (DATABASE_REPLICA_URLS), a GraphQL query's plain reads may be answered by
// a replica; a mutation stays on the primary throughout. The operation is known once Apollo has
// parsed the document, before any resolver (and so the session lookup) runs.
@Plugin()
export class ReadOnlyRequestPlugin implements ApolloServerPlugin {
  constructor(private readonly database: RequestDatabase) {}

  async requestDidStart(): Promise<GraphQLRequestListener<Record<string, unknown>> | void> {
    if (!this.database.replicas) return;
    return {
      didResolveOperation: async ({ operation }) => {
        if (operation?.operation === 'query') noteReadOnlyRequest();
      },
    };
  }
}
