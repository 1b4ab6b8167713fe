// Worker thread entry of a split lint's later part (split/part.ts): lints the part named in
// workerData and posts progress, then its hand-over (or why it gave up).
import { parentPort, workerData } from 'node:worker_threads';
import { lintLaterPart, type PartRequest } from '../split/part';

if (parentPort) {
  const port = parentPort;
  lintLaterPart(workerData as PartRequest, (m, transfer) => port.postMessage(m, transfer ?? [])).catch((e) =>
    port.postMessage({ type: 'give-up', why: `failed: ${(e as Error)?.stack ?? e}` }),
  );
}
