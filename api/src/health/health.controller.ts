import { Controller, Get } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../common/session-user';

@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Public()
  @Get()
  async health(): Promise<{ status: string; database: string }> {
    await this.dataSource.query('select 1');
    return { status: 'ok', database: 'up' };
  }
}
