// wordAt reads a constant word 4 bytes at a time: it must say what a byte-by-byte comparison
// says for every length, at every position, up to the end of the bytes given.
import test from 'node:test';
import assert from 'node:assert/strict';
import { bytesAt, word, wordAt } from '../../../src/core/sheet/xml-bytes';

test('wordAt agrees with a byte-by-byte comparison for every length and position', () => {
  const text = 'xx<table:table-cell office:value-type="string">ab</text:p></table:table-cell>é<';
  // An offset view, as a chunk of a larger buffer is: the 4-byte reads must start at the view.
  const buf = Buffer.concat([Buffer.from('pad'), Buffer.from(text, 'latin1')]).subarray(3);
  const words = ['<', 'ab', 'cel', 'cell', 'table', '<table:table-cell', '</text:p></table:table-cell>', '\u00e9<', 'string">', 'zzzz'];
  let found = 0;
  for (const w of words) {
    const wd = word(w);
    const bytes = Buffer.from(w, 'latin1');
    for (const n of [0, 5, 17, 40, buf.length - 1, buf.length])
      for (let p = 0; p <= buf.length; p++) {
        const expected = bytesAt(buf, p, Math.min(n, buf.length), bytes);
        assert.equal(wordAt(buf, p, Math.min(n, buf.length), wd), expected, `${w} at ${p} of ${n}`);
        if (expected) found++;
      }
  }
  assert.ok(found > 20, `${found} matches`);
});
