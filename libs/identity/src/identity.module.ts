import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuditModule } from '@dh/audit';
import { Clock } from '@dh/clock';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminUsersService } from './admin-users.service';
import { AuditorGrant } from './auditor-grants/auditor-grant.entity';
import { AuditorGrantsController } from './auditor-grants/auditor-grants.controller';
import { AuditorGrantsService } from './auditor-grants/auditor-grants.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { ClockThrottlerStorage, loginAddressTracker, LoginThrottlerGuard, loginUserTracker } from './login-throttle';
import { AdminSchoolsService } from './schools/admin-schools.service';
import { SchoolsController } from './schools/schools.controller';
import { UsersController } from './users.controller';
import { PasswordHasher } from './password-hasher';
import { School } from './school.entity';
import { UserService } from './user.service';
import { User } from './user.entity';
import { Ward } from './ward.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([Ward, School, User, AuditorGrant]),
    AuditModule,
    JwtModule.register({}),
    // Only the login route uses these (LoginThrottlerGuard): ten tries a minute per user name, thirty per address.
    ThrottlerModule.forRootAsync({
      inject: [Clock],
      useFactory: (clock: Clock) => ({
        storage: new ClockThrottlerStorage(clock),
        throttlers: [
          { name: 'login-user', ttl: 60_000, limit: 10, getTracker: loginUserTracker },
          { name: 'login-address', ttl: 60_000, limit: 30, getTracker: loginAddressTracker },
        ],
      }),
    }),
  ],
  controllers: [AuthController, UsersController, SchoolsController, AuditorGrantsController],
  providers: [AuthService, PasswordHasher, UserService, AdminUsersService, AdminSchoolsService, AuditorGrantsService, LoginThrottlerGuard, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, PasswordHasher, UserService, AuditorGrantsService, TypeOrmModule],
})
export class IdentityModule {}
