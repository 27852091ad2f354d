import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { NestFactory } from '@nestjs/core';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { writeFileSync } from 'node:fs';
import { SCHEMA_FILE } from './app.module';
import { RESOLVERS } from './schema-resolvers';

// Writes api/schema.gql from the code-first resolvers without a database (the web's typed
// client is generated from this file; it is committed).
async function writeSchema(): Promise<void> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  const factory = app.get(GraphQLSchemaFactory);
  const schema = await factory.create(RESOLVERS);
  writeFileSync(SCHEMA_FILE, printSchema(lexicographicSortSchema(schema)) + '\n');
  await app.close();
  console.log(`wrote ${SCHEMA_FILE}`);
}

void writeSchema();
