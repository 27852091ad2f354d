// Typed GraphQL operations of the web app, generated from api/schema.gql and the documents in
// ./operations (npm run codegen). Never edit the generated files by hand.
export * from './schema-types';
export * from './generated';
