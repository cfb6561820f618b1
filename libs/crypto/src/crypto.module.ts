import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataKey } from './data-key.entity';
import { FieldCipher } from './field-cipher';
import { KeyRing } from './key-ring';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([DataKey])],
  providers: [KeyRing, FieldCipher],
  exports: [KeyRing, FieldCipher],
})
export class CryptoModule {}
