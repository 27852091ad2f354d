import { ConsoleLogger, Logger, type LogLevel } from '@nestjs/common';
import { maskIdNumbersDeep, maskIdNumbersInText } from '@registry/domain';

/**
 * A log message as text fit for the server log: an error is its stack (never its own fields,
 * where a failed statement keeps its parameters), and what looks like an ID number is masked.
 */
export function redactForLog(message: unknown): unknown {
  if (message instanceof Error) return maskIdNumbersInText(message.stack ?? `${message.name}: ${message.message}`);
  if (typeof message === 'string') return maskIdNumbersInText(message);
  if (message && typeof message === 'object') return maskIdNumbersDeep(message);
  return message;
}

// The application's logger: Nest's console logger with every line redacted, so that no log
// line holds a full ID number or a failed statement's parameters, whoever wrote it.
export class RedactingLogger extends ConsoleLogger {
  constructor(logLevels: LogLevel[]) {
    super({ logLevels });
  }

  protected override printMessages(messages: unknown[], context?: string, logLevel?: LogLevel, writeStreamType?: 'stdout' | 'stderr', errorStack?: unknown): void {
    super.printMessages(messages.map(redactForLog), context, logLevel, writeStreamType, errorStack === undefined ? undefined : redactForLog(errorStack));
  }

  protected override printStackTrace(stack: string): void {
    super.printStackTrace(typeof stack === 'string' ? maskIdNumbersInText(stack) : stack);
  }
}

/** Apollo Server's own messages ("Unexpected error processing request: …"), through the same log. */
export function apolloLogger() {
  const logger = new Logger('Apollo');
  return {
    debug: (message: unknown) => logger.debug(message),
    info: (message: unknown) => logger.log(message),
    warn: (message: unknown) => logger.warn(message),
    error: (message: unknown) => logger.error(message),
  };
}
