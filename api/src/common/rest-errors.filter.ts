import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { RegistryError } from './registry-error';

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  PASSWORD_CHANGE_REQUIRED: 403,
  FORBIDDEN: 403,
  ACCOUNT_LOCKED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

/** REST answers of the file endpoints (imports, exports, the audit log export; the GraphQL counterpart is graphql-errors.ts): `{ code, message, field }` with a fitting status. */
@Catch()
export class RestErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Imports');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      response.destroy();
      return;
    }
    // a download that failed before its first byte answers as JSON, not as a file
    response.removeHeader('Content-Disposition');
    if (error instanceof RegistryError) {
      response.status(STATUS[error.code] ?? 400).json({ code: error.code, message: error.message, field: error.field ?? null });
      return;
    }
    if (error instanceof HttpException) {
      response.status(error.getStatus()).json({ code: 'HTTP_' + error.getStatus(), message: error.message });
      return;
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    response.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: '服务器内部错误' });
  }
}
