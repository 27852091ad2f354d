import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/** Statement text kept in a log line; a statement is not data, but it can be long. */
const STATEMENT_CHARACTERS = 400;

function statement(query: string): string {
  const flat = query.replace(/\s+/g, ' ').trim();
  return flat.length > STATEMENT_CHARACTERS ? `${flat.slice(0, STATEMENT_CHARACTERS)}…` : flat;
}

// TypeORM's log, never with a statement's parameters: a failed statement's parameters are
// personal data (ID ciphertexts and hashes, birth dates) and secrets (a new password's hash).
// Failed statements are warnings: many are answered (a unique violation becomes "already
// exists"); what a client did not expect is logged once more as an error where it is caught.
// The error's own detail ("Key (x)=(value) already exists") stays out too.
export class DatabaseLogger implements TypeOrmLogger {
  private readonly logger = new Logger('Database');

  logQuery(): void {
    // statements are not logged one by one
  }

  logQueryError(error: string | Error, query: string): void {
    const code = typeof error === 'object' ? ((error as { code?: string }).code ?? (error as { driverError?: { code?: string } }).driverError?.code) : undefined;
    const message = typeof error === 'string' ? error : error.message;
    this.logger.warn(`statement failed${code ? ` (${code})` : ''}: ${message} — ${statement(query)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow statement (${time} ms): ${statement(query)}`);
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(): void {
    // main.ts logs the migrations it applied; every throw-away test database runs them all
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    const text = message instanceof Error ? message.message : String(message);
    if (level === 'warn') this.logger.warn(text);
    else this.logger.log(text);
  }
}
