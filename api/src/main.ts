import { Logger } from '@nestjs/common';
import { loadConfiguration } from './config/configuration';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './database/embedded-postgres';
import { createApplication, runMigrations } from './server';
import { seedDemoDataIfEmpty } from './database/demo/seed';

async function main(): Promise<void> {
  const logger = new Logger('Main');
  const config = loadConfiguration();
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPostgresPort, (message: string) => logger.log(message));
    databaseUrl = embedded.url;
    logger.log(`embedded PostgreSQL on port ${config.embeddedPostgresPort}, data in ${config.dataDir}/pg`);
  }
  const applied = await runMigrations(databaseUrl);
  if (applied.length) logger.log(`applied migrations: ${applied.join(', ')}`);
  if (config.seedDemo) await seedDemoDataIfEmpty(config, databaseUrl, (message: string) => logger.log(message));

  const app = await createApplication(config, databaseUrl);
  app.enableShutdownHooks();
  await app.listen(config.port);
  logger.log(`Coordinator Registry: http://localhost:${config.port}/  (GraphQL /graphql, health /health)`);

  const shutdown = async (signal: string) => {
    logger.log(`${signal}: shutting down`);
    await app.close().catch(() => undefined);
    if (embedded?.startedHere) await embedded.stop().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
