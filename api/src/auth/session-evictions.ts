import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { runAsOwner } from './request-database';
import { SessionCache, type SessionEviction } from './session-cache';

const CHANNEL = 'session_evicted';

// The session cache is per process; logout, a password change and a disabled account must end
// access on every API instance at once, not when each instance's cache entry expires. An
// eviction is published with NOTIFY (after the revoking commit) and every instance, this one
// included, LISTENs and drops the entries. Without the listener (a transaction-pooling
// PgBouncer in between, a lost connection) an instance still refuses within SESSION_CACHE_MS.
@Injectable()
export class SessionEvictions implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Sessions');
  private listener: Client | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionCache,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.sessions.publish = (eviction) =>
      void runAsOwner(() => this.dataSource.query(`select pg_notify($1, $2)`, [CHANNEL, JSON.stringify(eviction)])).catch(
        (error) => this.stopped || this.logger.warn(`session eviction not published: ${(error as Error).message}`),
      );
    await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.sessions.publish = null;
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
  }

  private async listen(): Promise<void> {
    const options = this.dataSource.options as { url?: string };
    const client = new Client({ connectionString: options.url, application_name: 'registry-session-evictions' });
    try {
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel !== CHANNEL || !message.payload) return;
        try {
          this.sessions.evictLocally(JSON.parse(message.payload) as SessionEviction);
        } catch {
          // not ours
        }
      });
      client.on('error', (error) => {
        if (this.stopped) return;
        this.logger.warn(`session eviction listener lost (${error.message}); other instances' evictions arrive within the cache time`);
        this.listener = null;
        setTimeout(() => void (this.stopped || this.listen()), 1000).unref?.();
      });
      await client.query(`listen ${CHANNEL}`);
      this.listener = client;
    } catch (error) {
      this.logger.warn(`session eviction listener unavailable (${(error as Error).message})`);
      await client.end().catch(() => undefined);
    }
  }
}
