import { nameKey } from '@dh/labels';
import { ServiceProviderDto } from './dtos/service-provider.dto';
import { ProviderKind, ServiceProvider } from './service-provider.entity';

export type ProviderView = {
  id: string;
  wardId: string;
  name: string;
  kind: ProviderKind;
  address: string | null;
  phone: string | null;
  email: string | null;
  hours: string | null;
  contactPerson: string | null;
  notes: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
};

// The editable part of a receiver: what the admin chain records before and after a change.
export type ProviderFields = Pick<
  ServiceProvider,
  'name' | 'kind' | 'address' | 'phone' | 'email' | 'hours' | 'contactPerson' | 'notes'
>;

// A blank optional field is no value: the directory shows nothing rather than an empty line.
const optional = (v: string | null | undefined): string | null => (v?.trim() ? v.trim() : null);

export const fieldsOf = (dto: ServiceProviderDto): ProviderFields => ({
  name: dto.name.trim(),
  kind: dto.kind,
  address: optional(dto.address),
  phone: optional(dto.phone),
  email: optional(dto.email),
  hours: optional(dto.hours),
  contactPerson: optional(dto.contactPerson),
  notes: optional(dto.notes),
});

export const fieldsOfRow = (p: ServiceProvider): ProviderFields => ({
  name: p.name,
  kind: p.kind,
  address: p.address,
  phone: p.phone,
  email: p.email,
  hours: p.hours,
  contactPerson: p.contactPerson,
  notes: p.notes,
});

// Words only, folded like a learner's name key, so a word of the query matches the start of a word here.
export const searchWords = (text: string): string[] =>
  nameKey(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

export const searchKeyOf = (f: ProviderFields): string =>
  searchWords([f.name, f.address, f.contactPerson, f.notes].filter(Boolean).join(' ')).join(' ');

export const toView = (p: ServiceProvider): ProviderView => ({
  id: p.id,
  wardId: p.wardId,
  ...fieldsOfRow(p),
  active: p.active,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
});
