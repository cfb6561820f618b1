import { configure } from '@testing-library/react';
import { TextDecoder, TextEncoder } from 'node:util';

// antd reads these browser APIs, which jsdom does not implement.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});

// antd's forms batch their notifications on a MessageChannel, which jsdom lacks. Node's own would keep
// jest's worker alive after the run, so this one hands each message to a timer instead.
type Port = { onmessage: ((event: { data: unknown }) => void) | null; postMessage: (data: unknown) => void };
class TimerMessageChannel {
  readonly port1: Port;
  readonly port2: Port;
  constructor() {
    const port = (other: () => Port): Port => ({
      onmessage: null,
      postMessage: (data) => void setTimeout(() => other().onmessage?.({ data }), 0),
    });
    this.port1 = port(() => this.port2);
    this.port2 = port(() => this.port1);
  }
}
if (typeof globalThis.MessageChannel === 'undefined') {
  Object.assign(globalThis, { MessageChannel: TimerMessageChannel });
}

// antd's drawers and text areas watch their size; jsdom lays nothing out, so there is nothing to observe.
class StillResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (typeof globalThis.ResizeObserver === 'undefined') {
  Object.assign(globalThis, { ResizeObserver: StillResizeObserver });
}

// antd measures the scrollbar through a pseudo-element, which jsdom refuses with a logged error.
const computedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => computedStyle(element);

// react-router encodes with TextEncoder, which jsdom's globals lack; Node's own is the browser's.
if (typeof globalThis.TextEncoder === 'undefined') {
  Object.assign(globalThis, { TextEncoder, TextDecoder });
}

// waitFor and findBy give up after 1 s by default: a loaded 2-core CI machine took longer to validate a form (a
// drawer spec took 161 s there). They return as soon as the page is right, so a long limit only bounds a hang.
configure({ asyncUtilTimeout: 15_000 });
