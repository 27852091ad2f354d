import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/configuration';
import { RegionsService } from '../regions/regions.service';
import { PasswordPolicy } from '../auth/password-policy';
import { UsersService } from '../users/users.service';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo/demo-accounts';

// On an empty database: the province administrator `admin` (password from ADMIN_PASSWORD), and
// in demo mode one account per level.
@Injectable()
export class BootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Bootstrap');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly regions: RegionsService,
    private readonly passwordPolicy: PasswordPolicy,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Regions are loaded by RegionsService's own bootstrap hook; make sure they are there first.
    await this.regions.reload();
    await this.dataSource.transaction(async (manager) => {
      // Serialises concurrent first starts (several app instances on one database).
      await manager.query(`select pg_advisory_xact_lock(2021110)`);
      const [{ count }] = await manager.query(`select count(*)::int as count from app_user`);
      if (count > 0) return;
      const password = this.config.adminPassword ?? (this.config.demoMode ? DEMO_PASSWORD : null);
      if (!password) {
        this.logger.warn('ADMIN_PASSWORD is not set: no administrator was created. Set it and restart.');
        return;
      }
      // demo accounts are seeded, not set through the rule; a weak ADMIN_PASSWORD must be changed at first login
      const problem = this.config.demoMode ? null : this.passwordPolicy.problem(password, { username: 'admin' });
      if (problem) this.logger.warn(`ADMIN_PASSWORD does not meet the password rule (${problem}); it must be changed at first login`);
      await this.users.insert(manager, {
        username: 'admin',
        displayName: '省级管理员',
        password,
        role: 'PROVINCE_ADMIN',
        regionCode: '220000',
        passwordExempt: this.config.demoMode,
        mustChangePassword: !this.config.demoMode,
      });
      this.logger.log('created the province administrator "admin"');
      if (!this.config.demoMode) return;
      for (const account of DEMO_ACCOUNTS) {
        const regionCode = account.region.startsWith('firstTownshipOf:')
          ? this.regions.list({ scopePath: '220000/' } as never, account.region.split(':')[1])[0]?.code
          : account.region;
        if (!regionCode || !this.regions.find(regionCode)) continue;
        await this.users.insert(manager, {
          username: account.username,
          displayName: account.displayName,
          password: DEMO_PASSWORD,
          role: account.role,
          regionCode,
          passwordExempt: true,
          mustChangePassword: false,
        });
      }
      this.logger.log(`created ${DEMO_ACCOUNTS.length} demo accounts (password in README)`);
    });
  }
}
