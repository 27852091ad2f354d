import { ArgumentsHost, Catch, Controller, ExceptionFilter, Get, HttpException, Logger, Param, Query, Res, UseFilters } from '@nestjs/common';
import { chinaIsoDate, maskIdNumbersInText } from '@registry/domain';
import type { Response } from 'express';
import { INTERNAL_ERROR_MESSAGE } from '../common/graphql-errors';
import { RegistryError } from '../common/registry-error';
import { CurrentUser, READER_ROLES, Roles, type SessionUser } from '../common/session-user';
import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { AwardFormsData } from './award-forms.data';
import { AwardCertificatesService } from './certificates/award-certificates.service';
import { CAMPAIGN_YEAR_MAX, CAMPAIGN_YEAR_MESSAGE as YEAR_MESSAGE, CAMPAIGN_YEAR_MIN } from './dto/nomination.input';
import { certificatePdf, nominationFormPdf, nominationFormXlsx, unitSummaryPdf, unitSummaryXlsx } from './award-forms.renderer';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  PASSWORD_CHANGE_REQUIRED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ACCOUNT_LOCKED: 423,
};

/**
 * Downloads answer errors as JSON with the same code and Chinese message as GraphQL; anything
 * unforeseen (a database error) is 500 INTERNAL_SERVER_ERROR with none of its text.
 */
@Catch()
export class RegistryErrorHttpFilter implements ExceptionFilter {
  private readonly logger = new Logger('Awards');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof RegistryError) {
      response.status(STATUS[error.code] ?? 400).json({ code: error.code, message: maskIdNumbersInText(error.message), field: error.field ?? null });
      return;
    }
    if (error instanceof HttpException) {
      response.status(error.getStatus()).json({ code: `HTTP_${error.getStatus()}`, message: error.message });
      return;
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    if (response.headersSent) {
      response.destroy();
      return;
    }
    response.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: INTERNAL_ERROR_MESSAGE });
  }
}

function send(response: Response, body: Buffer, type: string, filename: string): void {
  response.setHeader('content-type', type);
  response.setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`);
  response.setHeader('cache-control', 'no-store');
  response.end(body);
}

/** The path of a 附件3 download, checked by the same year rule as the campaign inputs. */
export class UnitSummaryParams {
  @Type(() => Number)
  @IsInt({ message: YEAR_MESSAGE })
  @Min(CAMPAIGN_YEAR_MIN, { message: YEAR_MESSAGE })
  @Max(CAMPAIGN_YEAR_MAX, { message: YEAR_MESSAGE })
  year!: number;

  @IsString()
  @Matches(/^\d{6}$/, { message: '单位代码应为 6 位数字' })
  code!: string;
}

// 附件2, 附件3 and certificates behind the same AuthGuard as GraphQL (bearer token); rows outside
// the user's jurisdiction answer 404 like missing ones. ?revealReason=… prints the full ID number
// on 附件2 for a role allowed to reveal it, and is audited.
@UseFilters(RegistryErrorHttpFilter)
@Controller('api/awards')
export class AwardFormsController {
  constructor(
    private readonly data: AwardFormsData,
    private readonly certificates: AwardCertificatesService,
  ) {}

  @Roles(...READER_ROLES)
  @Get('nominations/:id/form.pdf')
  async formPdf(@CurrentUser() user: SessionUser, @Param('id') id: string, @Query('revealReason') revealReason: string | undefined, @Res() response: Response) {
    const sheet = await this.data.nominee(user, id, revealReason);
    send(response, await nominationFormPdf(sheet), 'application/pdf', `附件2-推荐表-${sheet.name}.pdf`);
  }

  @Roles(...READER_ROLES)
  @Get('nominations/:id/form.xlsx')
  async formXlsx(@CurrentUser() user: SessionUser, @Param('id') id: string, @Query('revealReason') revealReason: string | undefined, @Res() response: Response) {
    const sheet = await this.data.nominee(user, id, revealReason);
    send(response, await nominationFormXlsx(sheet), XLSX, `附件2-推荐表-${sheet.name}.xlsx`);
  }

  @Roles(...READER_ROLES)
  @Get('nominations/:id/certificate.pdf')
  async certificate(@CurrentUser() user: SessionUser, @Param('id') id: string, @Res() response: Response) {
    const sheet = await this.data.nominee(user, id);
    if (sheet.state !== 'NAMED' || !sheet.certificateNumber) throw RegistryError.badInput('state', `${sheet.name} 尚未命名，没有证书`);
    const certificate = await this.certificates.requireCertificate(user, id);
    if (certificate.revocation) throw RegistryError.badInput('state', `${sheet.name} 的称号已于 ${chinaIsoDate(certificate.revocation.revokedAt)} 撤销，证书不再出具`);
    send(response, await certificatePdf(sheet, this.certificates.verificationUrl(certificate.token)), 'application/pdf', `证书-${sheet.certificateNumber}-${sheet.name}.pdf`);
  }

  @Roles(...READER_ROLES)
  @Get('campaigns/:year/units/:code/summary.xlsx')
  async summaryXlsx(@CurrentUser() user: SessionUser, @Param() { year, code }: UnitSummaryParams, @Res() response: Response) {
    const summary = await this.data.unitSummary(user, year, code);
    send(response, await unitSummaryXlsx(summary.unitName, year, summary.sheets), XLSX, `附件3-汇总表-${summary.unitName}-${year}.xlsx`);
  }

  @Roles(...READER_ROLES)
  @Get('campaigns/:year/units/:code/summary.pdf')
  async summaryPdf(@CurrentUser() user: SessionUser, @Param() { year, code }: UnitSummaryParams, @Res() response: Response) {
    const summary = await this.data.unitSummary(user, year, code);
    send(response, await unitSummaryPdf(summary.unitName, year, summary.sheets), 'application/pdf', `附件3-汇总表-${summary.unitName}-${year}.pdf`);
  }
}
