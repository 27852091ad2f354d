import 'reflect-metadata';
import type { Server as HttpServer } from 'node:http';
import { INestApplication, Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { types } from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { graphqlDocumentGuard } from './common/graphql-document-guard';
import { RegistryValidationPipe } from './common/input-validation';
import { RedactingLogger } from './common/redacting-logger';
import type { AppConfig } from './config/configuration';
import { dataSourceOptions } from './database/data-source';

// DATE columns stay 'YYYY-MM-DD' strings: a calendar day has no time zone.
types.setTypeParser(1082, (value: string) => value);

const LOG_LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  error: ['error', 'fatal'],
  warn: ['error', 'fatal', 'warn'],
  log: ['error', 'fatal', 'warn', 'log'],
  debug: ['error', 'fatal', 'warn', 'log', 'debug', 'verbose'],
};

export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(databaseUrl));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

/** The Nest application: GraphQL at /graphql, /health, and the built web app at /. */
export async function createApplication(
  config: AppConfig,
  databaseUrl: string,
  options: { writeSchema?: boolean } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl, options), {
    // every log line redacted: no full ID number, no statement parameters
    logger: new RedactingLogger(LOG_LEVELS[config.logLevel]),
  });
  // Idle keep-alive connections stay open longer than a client's or a load balancer's idle timeout
  // (undici 4 s, HAProxy and cloud balancers up to 60 s): a server that closes first can close a
  // socket just as the client sends on it ("other side closed"), a failed request nothing retries.
  const server = app.getHttpServer() as HttpServer;
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  app.set('trust proxy', 'loopback');
  // API answers are never revalidated (POST, per-user data): hashing each body for an ETag is waste
  app.set('etag', false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // antd writes its styles at run time
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  // every GraphQL argument and REST parameter, query and body: NUL characters, then the DTO's rules
  app.useGlobalPipes(new RegistryValidationPipe());
  app.useBodyParser('json', { limit: '2mb' });
  // after the JSON body parser, before Apollo, the session lookup and every Nest middleware
  app.use(graphqlDocumentGuard(config));
  serveWeb(app, config);
  return app;
}

function serveWeb(app: NestExpressApplication, config: AppConfig): void {
  const webRoot = resolve(config.webDistDir);
  const index = join(webRoot, 'index.html');
  if (!existsSync(index)) {
    new Logger('Web').warn(`no built web app at ${webRoot} (run npm run build); serving the API only`);
    return;
  }
  app.useStaticAssets(webRoot, { index: false, maxAge: '1h' });
  // The single-page app answers every other GET that wants HTML (client-side routes).
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || request.path.startsWith('/graphql') || request.path.startsWith('/health') || request.path.startsWith('/api/')) {
      return next();
    }
    if (!request.accepts('html')) return next();
    response.sendFile(index);
  });
}
