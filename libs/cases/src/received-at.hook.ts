import { Injectable, OnModuleInit } from '@nestjs/common';
import { receivedOf } from './received-at';
import type { EventPayloads } from './dtos/event-payloads';
import { TransitionHooks, TransitionStep } from './transition-hooks';

// A protection concern says when it reached the school, checked against the transition's own now, and the
// trail keeps it beside the event's time: a concern recorded the next morning shows as received the evening before.
@Injectable()
export class ReceivedAtHook implements OnModuleInit {
  constructor(private readonly hooks: TransitionHooks) {}

  onModuleInit(): void {
    this.hooks.register({ events: ['RAISE_PROTECTION_CONCERN'], prepare: async (step) => this.received(step) });
  }

  private received({
    payload,
    at,
  }: TransitionStep<'RAISE_PROTECTION_CONCERN'>): EventPayloads['RAISE_PROTECTION_CONCERN'] {
    const { receivedAt } = receivedOf(payload, at, 'payload');
    return { ...payload, receivedAt: receivedAt.toISOString() };
  }
}
