import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeclaresProcessing } from '@dh/privacy';
import { DataKey } from './data-key.entity';
import { FieldCipher } from './field-cipher';
import { KeyRing } from './key-ring';
import { SealedRegistry } from './sealed-registry';
import { CRYPTO_PROCESSING } from './crypto-processing';

@DeclaresProcessing(CRYPTO_PROCESSING)
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([DataKey])],
  providers: [KeyRing, FieldCipher, SealedRegistry],
  exports: [KeyRing, FieldCipher, SealedRegistry],
})
export class CryptoModule {}
