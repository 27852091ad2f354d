import type { NextFunction, Request, Response } from 'express';
import { GraphQLError, parse } from 'graphql';
import { createHash } from 'node:crypto';
import type { AppConfig } from '../config/configuration';
import { checkDocument, checkSource } from './graphql-document-shape';

/** Query texts already accepted (by hash): a known document is not measured again. */
const ACCEPTED_KEPT = 2000;

// The first look at a GraphQL request, in front of Apollo: a query text over the size or token
// cap, or whose parsed shape passes a limit (depth, aliases, expanded fields, directives, a
// fragment cycle), is answered 400 QUERY_LIMIT_EXCEEDED here, before Apollo validates it (its
// rules are not linear), before any session is looked up and before anything runs. Every
// measure takes time linear in the text. Apollo's plugin hooks cannot answer a request before
// validation (an error thrown there becomes a 500), hence a middleware.
export function graphqlDocumentGuard(config: AppConfig, path = '/graphql') {
  const limits = config.graphql;
  const accepted = new Set<string>();
  return (request: Request, response: Response, next: NextFunction): void => {
    if (request.path !== path) return next();
    const body = request.body as { query?: unknown } | undefined;
    const query = request.method === 'POST' ? body?.query : request.method === 'GET' ? request.query.query : undefined;
    // no text, or a batch: Apollo answers those itself
    if (typeof query !== 'string') return next();
    const key = createHash('sha256').update(query).digest('base64');
    if (accepted.has(key)) return next();
    try {
      checkSource(query, limits);
      let document;
      try {
        document = parse(query, { maxTokens: limits.maxTokens });
      } catch {
        // a syntax error is for Apollo to report, in its own words
        return next();
      }
      checkDocument(document, limits);
    } catch (error) {
      if (!(error instanceof GraphQLError)) return next(error);
      const { http: _http, ...extensions } = error.extensions as Record<string, unknown>;
      response.status(400).json({ errors: [{ message: error.message, extensions }] });
      return;
    }
    if (accepted.size >= ACCEPTED_KEPT) accepted.clear();
    accepted.add(key);
    next();
  };
}
