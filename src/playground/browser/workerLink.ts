/**
 * The page's one Web Worker (worker.ts, bundled into PLAYGROUND_WORKER_SOURCE and started from a
 * blob: URL): `startWorker` starts it with the handlers of its messages and of its failures,
 * `restartWorker` ends it (Stop) and starts a new one with the same handlers, `send` posts a message.
 * A new worker holds no corpus.
 */

import type { FromWorker, ToWorker } from './messages.js';

declare const PLAYGROUND_WORKER_SOURCE: string;

type MessageHandler = (message: FromWorker) => void;
type ErrorHandler = (event: ErrorEvent) => void;

let worker: Worker;
let handlers: { readonly onMessage: MessageHandler; readonly onError: ErrorHandler };

export function startWorker(onMessage: MessageHandler, onError: ErrorHandler): void {
  handlers = { onMessage, onError };
  const url = URL.createObjectURL(new Blob([PLAYGROUND_WORKER_SOURCE], { type: 'text/javascript' }));
  worker = new Worker(url);
  URL.revokeObjectURL(url);
  worker.onmessage = (event: MessageEvent<FromWorker>) => onMessage(event.data);
  worker.onerror = onError;
}

export function restartWorker(): void {
  worker.terminate();
  startWorker(handlers.onMessage, handlers.onError);
}

export function send(message: ToWorker, transfer: Transferable[] = []): void {
  worker.postMessage(message, transfer);
}
