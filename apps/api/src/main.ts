import { now } from '@dh/clock';
console.log('hello', now().toISOString());
