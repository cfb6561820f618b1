import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { PasswordHasher } from '@dh/identity';

// Fixtures create eleven users per test file: at the production cost (64 MiB, three passes) that is seconds of CPU
// on a shared two-core machine. Same algorithm at the lowest cost, so hashes stay real argon2id and `verify`
// (which reads the cost from the hash) is the production code. test/access/admin-chain.spec.ts keeps the real cost.
@Injectable()
export class CheapPasswordHasher extends PasswordHasher {
  override hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 });
  }
}
