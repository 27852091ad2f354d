import { Controller, Get } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../common/session-user';

/** How long one database probe answers /health for: a flood of probes costs one query a second. */
const PROBE_REUSE_MS = 1000;

@Controller('health')
export class HealthController {
  private probe: { at: number; result: Promise<void> } | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // No login: load balancers and compose call it. The database is asked at most once a second
  // (callers in between share the last answer), so unauthenticated traffic cannot turn into
  // database load.
  @Public()
  @Get()
  async health(): Promise<{ status: string; database: string }> {
    const now = Date.now();
    if (!this.probe || now - this.probe.at >= PROBE_REUSE_MS) {
      const result = this.dataSource.query('select 1').then(() => undefined);
      this.probe = { at: now, result };
      // a failed probe is not reused
      result.catch(() => {
        if (this.probe?.result === result) this.probe = null;
      });
    }
    await this.probe.result;
    return { status: 'ok', database: 'up' };
  }
}
