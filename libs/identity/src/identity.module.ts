import { Module, OnModuleInit } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { AuditModule } from '@dh/audit';
import { SealedRegistry } from '@dh/crypto';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeclaresProcessing } from '@dh/privacy';
import { AdminUsersService } from './admin-users.service';
import { AuditorGrant } from './auditor-grants/auditor-grant.entity';
import { AuditorGrantsController } from './auditor-grants/auditor-grants.controller';
import { AuditorGrantsService } from './auditor-grants/auditor-grants.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { AdminSchoolsService } from './schools/admin-schools.service';
import { SchoolsController } from './schools/schools.controller';
import { UsersController } from './users.controller';
import { PasswordHasher } from './password-hasher';
import { PermissionGuard } from './permissions/permission.guard';
import { School } from './school.entity';
import { SecondFactorController } from './second-factor/second-factor.controller';
import { RecoveryCode, UserSecondFactor } from './second-factor/second-factor.entity';
import { SECOND_FACTOR_SEALED } from './second-factor/second-factor-sealed';
import { SecondFactorService } from './second-factor/second-factor.service';
import { LoginThrottle } from './throttle/login-throttle';
import { ThrottleCounters } from './throttle/throttle-counters';
import { UserService } from './user.service';
import { User } from './user.entity';
import { Ward } from './ward.entity';
import { WorkplaceController } from './workplace/workplace.controller';
import { WorkplaceService } from './workplace/workplace.service';
import { IDENTITY_PROCESSING } from './identity-processing';

@DeclaresProcessing(IDENTITY_PROCESSING)
@Module({
  imports: [
    TypeOrmModule.forFeature([Ward, School, User, AuditorGrant, UserSecondFactor, RecoveryCode]),
    AuditModule,
    // The key made once: handed the secret as a string, the library tries to parse it as a public key on every
    // verification first (~330 µs of CPU per request instead of ~7).
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')),
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [
    AuthController,
    UsersController,
    SchoolsController,
    AuditorGrantsController,
    WorkplaceController,
    SecondFactorController,
  ],
  providers: [
    AuthService,
    PasswordHasher,
    UserService,
    AdminUsersService,
    AdminSchoolsService,
    AuditorGrantsService,
    WorkplaceService,
    ThrottleCounters,
    LoginThrottle,
    SecondFactorService,
    // In this order: who the caller is, then whether their role may call the route.
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: PermissionGuard },
  ],
  exports: [AuthService, PasswordHasher, UserService, AuditorGrantsService, ThrottleCounters, TypeOrmModule],
})
export class IdentityModule implements OnModuleInit {
  constructor(private readonly sealed: SealedRegistry) {}

  onModuleInit(): void {
    this.sealed.register(SECOND_FACTOR_SEALED);
  }
}
