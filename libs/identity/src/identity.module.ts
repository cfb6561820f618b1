import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password-hasher';
import { School } from './school.entity';
import { UserService } from './user.service';
import { User } from './user.entity';
import { Ward } from './ward.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Ward, School, User]), JwtModule.register({})],
  controllers: [AuthController],
  providers: [AuthService, PasswordHasher, UserService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, PasswordHasher, UserService, TypeOrmModule],
})
export class IdentityModule {}
