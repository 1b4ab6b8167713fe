// Hashes used to recognise our own uploads on the portal after an interruption.
import { createHash, getHashes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { fileError } from './errors';

/** Hash a file by streaming it (never loads it whole). `algorithm` as the portal names it: sha1, sha256, md5. */
export async function hashFile(path: string, algorithm: string): Promise<string | undefined> {
  const algo = algorithm.toLowerCase().replace(/-/g, '');
  if (!getHashes().includes(algo)) return undefined;
  const h = createHash(algo);
  try {
    for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  } catch (e) {
    throw fileError(path, e);
  }
  return h.digest('hex');
}

/** Stable per-file marker: same local path, same marker, across runs. */
export function fileMarker(path: string): string {
  return createHash('sha256').update(path, 'utf8').digest('hex').slice(0, 16);
}
