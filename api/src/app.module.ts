import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { resolve } from 'node:path';
import { AnalyticsModule } from './analytics/analytics.module';
import { YearEndModule } from './year-end/year-end.module';
import { AuditModule } from './audit/audit.module';
import { AwardsModule } from './awards/awards.module';
import { AuthModule } from './auth/auth.module';
import { formatGraphQLError } from './common/graphql-errors';
import { apolloLogger } from './common/redacting-logger';
import { LoaderRegistry, type GraphQLContext } from './common/loader-registry';
import type { RequestWithUser } from './common/session-user';
import { ConfigModule } from './config/config.module';
import type { AppConfig } from './config/configuration';
import { CoordinatorsModule } from './coordinators/coordinators.module';
import { ImportsModule } from './imports/imports.module';
import { dataSourceOptions } from './database/data-source';
import { BootstrapService } from './database/bootstrap.service';
import { EnterprisesModule } from './enterprises/enterprises.module';
import { HealthController } from './health/health.controller';
import { RegionsModule } from './regions/regions.module';
import { RemindersModule } from './reminders/reminders.module';
import { DataQualityModule } from './data-quality/data-quality.module';
import { MapsModule } from './maps/maps.module';
import { StudiosModule } from './studios/studios.module';
import { TrainingModule } from './training/training.module';
import { WorkRecordsModule } from './work-records/work-records.module';

/** Where the generated schema is written (committed; the web's types are generated from it). */
export const SCHEMA_FILE = resolve('api/schema.gql');

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string, options: { writeSchema?: boolean } = {}): DynamicModule {
    const production = config.nodeEnv === 'production';
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        // Failed statements are logged as warnings, without their parameters (database-logger.ts).
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl)),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: options.writeSchema ? SCHEMA_FILE : true,
          sortSchema: true,
          path: '/graphql',
          playground: false,
          introspection: !production,
          csrfPrevention: true,
          allowBatchedHttpRequests: false,
          // GraphQLLimitsPlugin counts tokens before parsing; this is the parser's own backstop
          parseOptions: { maxTokens: config.graphql.maxTokens },
          includeStacktraceInErrorResponses: false,
          // No HTTP cache hints are used; the default cache-control plugin would wrap every
          // field resolver of every response.
          plugins: [ApolloServerPluginCacheControlDisabled()],
          context: ({ req }: { req: RequestWithUser }): GraphQLContext => ({ req, loaders: new LoaderRegistry() }),
          formatError: formatGraphQLError(),
          logger: apolloLogger(),
        }),
        AuditModule,
        AuthModule,
        RegionsModule,
        EnterprisesModule,
        CoordinatorsModule,
        ImportsModule,
        AwardsModule,
        AnalyticsModule,
        RemindersModule,
        DataQualityModule,
        MapsModule,
        YearEndModule,
        StudiosModule,
        TrainingModule,
        WorkRecordsModule,
      ],
      controllers: [HealthController],
      providers: [BootstrapService],
    };
  }
}
