import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ALWAYS_IMMEDIATE, DELIVERY_CHANNELS, DeliveryChannel, notificationLevelOf } from './notification-levels';

export type AlertRecipient = { userId: string; level: string };

// One message to send: to whom, by which channel, now or in tomorrow's digest.
export type Route = {
  userId: string;
  level: string;
  channel: DeliveryChannel;
  mode: 'immediate' | 'digest';
  email: string | null;
  phone: string | null;
};

type Row = {
  id: string;
  email: string | null;
  phone: string | null;
  channel: DeliveryChannel | null;
  level: string | null;
  mode: string | null;
};

// Where alerts go outside the app, by each person's choices: e-mail needs an address, the gateway takes everyone
// (the provider maps the user, phone or not). A disabled account hears nothing.
@Injectable()
export class NotificationRouting {
  async routesFor(tx: EntityManager, recipients: AlertRecipient[]): Promise<Route[]> {
    if (recipients.length === 0) return [];
    const rows: Row[] = await tx.query(
      `SELECT u.id, u.email, u.phone, p.channel, p.level, p.mode
         FROM app_user u LEFT JOIN notification_preference p ON p.user_id = u.id
        WHERE u.id = ANY($1) AND u.disabled_at IS NULL`,
      [[...new Set(recipients.map((r) => r.userId))]],
    );
    const users = new Map<string, { email: string | null; phone: string | null; modes: Map<string, string> }>();
    for (const r of rows) {
      const u = users.get(r.id) ?? { email: r.email, phone: r.phone, modes: new Map<string, string>() };
      if (r.channel && r.level && r.mode) u.modes.set(`${r.channel}:${r.level}`, r.mode);
      users.set(r.id, u);
    }
    return recipients.flatMap(({ userId, level }) => {
      const u = users.get(userId);
      const choice = notificationLevelOf(level);
      if (!u || !choice) return [];
      return DELIVERY_CHANNELS.flatMap((channel): Route[] => {
        if (channel === 'email' && !u.email) return [];
        const chosen = u.modes.get(`${channel}:${choice}`) ?? 'immediate';
        const mode = ALWAYS_IMMEDIATE.includes(choice) ? 'immediate' : chosen;
        if (mode === 'off') return [];
        return [
          { userId, level, channel, mode: mode === 'digest' ? 'digest' : 'immediate', email: u.email, phone: u.phone },
        ];
      });
    });
  }
}
