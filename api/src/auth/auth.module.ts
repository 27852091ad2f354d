import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { UsersResolver } from '../users/users.resolver';
import { UsersService } from '../users/users.service';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';

@Global()
@Module({
  providers: [AuthService, AuthResolver, UsersService, UsersResolver, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, UsersService],
})
export class AuthModule {}
