import { Injectable } from '@nestjs/common';

// A fault point between a message leaving and its outcome being stored: nothing in production; a test makes it
// throw to stand for a process that dies there, and checks the message goes again with the same id.
@Injectable()
export class DeliveryFaults {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the id is what a test's fault looks at
  async afterSend(deliveryId: string): Promise<void> {}
}
