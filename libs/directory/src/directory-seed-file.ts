import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { readFileSync } from 'node:fs';
import { ConfigError } from '@dh/config';
import { flattenValidationErrors } from '@dh/errors';
import { ServiceProviderDto } from './dtos/service-provider.dto';

const VARIABLE = 'DIRECTORY_SEED_FILE';

// The receivers a new ward starts with, as a ward types them into config/directory/default.json. Each entry is
// checked like an admin's input (unknown keys refused: a typo such as "phon" would silently drop a number), so
// a bad file stops the seeding with a message naming the entry and the field, before anything is written.
export const loadDirectorySeed = (file: string): ServiceProviderDto[] => {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError(VARIABLE, `${file}: cannot be read as JSON (${(e as Error).message})`);
  }
  const list =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw)
      ? (raw as Record<string, unknown>).providers
      : undefined;
  const extra = typeof raw === 'object' && raw !== null ? Object.keys(raw).filter((k) => k !== 'providers') : [];
  if (!Array.isArray(list) || extra.length)
    throw new ConfigError(VARIABLE, `${file}: must be an object { "providers": [ … ] }`);
  return list.map((entry: unknown, i) => {
    const dto = plainToInstance(ServiceProviderDto, entry);
    const problems =
      typeof entry === 'object' && entry !== null && !Array.isArray(entry)
        ? flattenValidationErrors(
            validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true }),
          )
        : [
            {
              field: 'entry',
              problems: ['Mỗi mục phải là một đối tượng { name, kind, … } / must be an object { name, kind, … }'],
            },
          ];
    if (problems.length) {
      const label = typeof dto.name === 'string' ? ` (${dto.name})` : '';
      throw new ConfigError(
        VARIABLE,
        `${file}: providers[${i}]${label}: ${problems.map((p) => p.problems.join('; ')).join('; ')}`,
      );
    }
    return dto;
  });
};
