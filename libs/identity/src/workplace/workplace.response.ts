import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@dh/machines/case/types';
import type { StaffMember, Workplace } from './workplace.service';

export class WorkplaceDto implements Workplace {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'DD' }) code!: string;
  @ApiProperty({ example: 'Trường THCS Đống Đa' }) name!: string;
  @ApiProperty({ format: 'uuid' }) wardId!: string;
}

export class StaffMemberDto implements StaffMember {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Nguyễn Thị Lan' }) fullName!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true, description: 'counsellor and/or supervisor' })
  roles!: Role[];
}
