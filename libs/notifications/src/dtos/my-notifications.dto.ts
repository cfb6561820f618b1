import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, ValidateBy, ValidateNested } from 'class-validator';
import { ContactDto } from '@dh/identity';
import {
  ALWAYS_IMMEDIATE,
  DELIVERY_CHANNELS,
  DELIVERY_MODES,
  NOTIFICATION_LEVELS,
  type DeliveryChannel,
  type DeliveryMode,
  type NotificationLevel,
} from '../notification-levels';

export const LOCKED_REASON =
  'Cảnh báo nguy cơ nghiêm trọng và cảnh báo bảo vệ trẻ em luôn được gửi ngay, không thể gom vào bản tin hay tắt / ' +
  'critical-risk and protection alerts are always sent at once: they cannot be put in the digest or turned off';

// A child at risk is not left for tomorrow: read against the choice's own level.
const NotLockedAway = (): PropertyDecorator =>
  ValidateBy({
    name: 'notLockedAway',
    validator: {
      validate: (mode: unknown, args) =>
        mode === 'immediate' ||
        !ALWAYS_IMMEDIATE.includes((args?.object as { level?: NotificationLevel } | undefined)?.level as never),
      defaultMessage: () => LOCKED_REASON,
    },
  });

// One choice per channel and level: two for the same pair would leave the stored one to the order of the list.
const OnePerPair = (): PropertyDecorator =>
  ValidateBy({
    name: 'onePerPair',
    validator: {
      validate: (choices: unknown) => {
        if (!Array.isArray(choices)) return true;
        const keys = choices.map(
          (c: { channel?: unknown; level?: unknown }) => `${String(c?.channel)}:${String(c?.level)}`,
        );
        return new Set(keys).size === keys.length;
      },
      defaultMessage: () =>
        'Mỗi kênh và mỗi loại cảnh báo chỉ được chọn một lần / each channel and level may be chosen only once',
    },
  });

export class NotificationChoiceDto {
  @ApiProperty({ enum: DELIVERY_CHANNELS, enumName: 'DeliveryChannel' })
  @IsIn(DELIVERY_CHANNELS)
  channel!: DeliveryChannel;

  @ApiProperty({ enum: NOTIFICATION_LEVELS, enumName: 'NotificationLevel' })
  @IsIn(NOTIFICATION_LEVELS)
  level!: NotificationLevel;

  @ApiProperty({
    enum: DELIVERY_MODES,
    enumName: 'DeliveryMode',
    description: 'immediate: at once; digest: in the 07:00 digest of working days; off: in the app only',
  })
  @IsIn(DELIVERY_MODES)
  @NotLockedAway()
  mode!: DeliveryMode;
}

// Absent fields and choices not listed stay as they are.
export class UpdateMyNotificationsDto extends ContactDto {
  @ApiPropertyOptional({ type: [NotificationChoiceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_LEVELS.length * DELIVERY_CHANNELS.length)
  @ValidateNested({ each: true })
  @Type(() => NotificationChoiceDto)
  @OnePerPair()
  choices?: NotificationChoiceDto[];
}
