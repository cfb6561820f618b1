import type { AppConfig } from '@dh/config';
import type { DeliveryChannel } from '@dh/notifications';

// The channels this installation can send by: one without its address configured queues nothing.
export const configuredChannels = (config: AppConfig): DeliveryChannel[] => [
  ...(config.delivery.smtpUrl ? (['email'] as const) : []),
  ...(config.delivery.webhookUrl ? (['webhook'] as const) : []),
];
