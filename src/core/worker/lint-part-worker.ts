// Worker thread entry of a split lint's later part (split/part.ts). The worker is started before
// its part is known (its start-up overlaps the first part's first read): the first message is
// the part to lint; it posts progress, then its hand-over (or why it gave up).
import { parentPort } from 'node:worker_threads';
import { lintLaterPart, type PartRequest } from '../split/part';

if (parentPort) {
  const port = parentPort;
  port.once('message', (request: PartRequest) => {
    lintLaterPart(request, (m, transfer) => port.postMessage(m, transfer ?? [])).catch((e) =>
      port.postMessage({ type: 'give-up', why: `failed: ${(e as Error)?.stack ?? e}` }),
    );
  });
}
