import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { clearAccessToken, getAccessToken } from './session';

export interface SessionHandlers {
  /** the session is gone (expired, signed out elsewhere): go to the sign-in page */
  onUnauthenticated(): void;
  /** the user must change the password before anything else */
  onPasswordChangeRequired(): void;
}

// Operations whose UNAUTHENTICATED answer means "wrong password", not "session gone".
const SIGN_IN_OPERATIONS = new Set(['Login']);

export function createApolloClient(handlers: SessionHandlers): ApolloClient {
  const authLink = new SetContextLink((previous) => {
    const token = getAccessToken();
    return token ? { headers: { ...previous.headers, authorization: `Bearer ${token}` } } : {};
  });

  const sessionLink = new ErrorLink(({ error, operation }) => {
    if (!CombinedGraphQLErrors.is(error)) return;
    const codes = new Set(error.errors.map((graphQLError) => graphQLError.extensions?.code));
    if (codes.has('UNAUTHENTICATED') && !SIGN_IN_OPERATIONS.has(operation.operationName ?? '')) {
      clearAccessToken();
      handlers.onUnauthenticated();
    } else if (codes.has('PASSWORD_CHANGE_REQUIRED')) {
      handlers.onPasswordChangeRequired();
    }
  });

  return new ApolloClient({
    link: ApolloLink.from([sessionLink, authLink, new HttpLink({ uri: '/graphql' })]),
    cache: new InMemoryCache({
      typePolicies: {
        // Regions have no id; their code is their identity.
        Region: { keyFields: ['code'] },
        Me: { keyFields: [] },
      },
    }),
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network', nextFetchPolicy: 'cache-first' },
    },
  });
}
