;; A 64-bit hash of a row's text for duplicate-row, over the block's UTF-16 code units written
;; into this module's memory. Compiled by `node scripts/gen-wasm.mjs` into row-hash-wasm.ts.
;; Two lanes take alternate 8-byte words (so the multiplications of one do not wait on the
;; other's); each step is invertible, so two texts of the same length that differ in one word
;; always get different hashes.
(module
  (memory (export "memory") 1)
  ;; hash(from, to): bytes [from, to) of memory (an even count); the hash is stored at bytes 0–7.
  (func (export "hash") (param $p i32) (param $end i32)
    (local $a i64) (local $b i64) (local $stop i32)
    (local.set $a (i64.xor (i64.const 0x9E3779B97F4A7C15) (i64.extend_i32_u (i32.sub (local.get $end) (local.get $p)))))
    (local.set $b (i64.const 0x632BE59BD9B4E019))
    (local.set $stop (i32.sub (local.get $end) (i32.const 16)))
    (block $done
      (loop $words
        (br_if $done (i32.gt_s (local.get $p) (local.get $stop)))
        (local.set $a (i64.mul (i64.xor (local.get $a) (i64.load (local.get $p))) (i64.const 0xFF51AFD7ED558CCD)))
        (local.set $a (i64.xor (local.get $a) (i64.shr_u (local.get $a) (i64.const 32))))
        (local.set $b (i64.mul (i64.xor (local.get $b) (i64.load offset=8 (local.get $p))) (i64.const 0xC4CEB9FE1A85EC53)))
        (local.set $b (i64.xor (local.get $b) (i64.shr_u (local.get $b) (i64.const 29))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $words)))
    ;; The last 0 to 7 code units, one at a time.
    (block $tdone
      (loop $tail
        (br_if $tdone (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $a (i64.mul (i64.xor (local.get $a) (i64.load16_u (local.get $p))) (i64.const 0x9FB21C651E98DF25)))
        (local.set $p (i32.add (local.get $p) (i32.const 2)))
        (br $tail)))
    ;; Join the lanes (still invertible in each), then the murmur3 finaliser.
    (local.set $a (i64.xor (local.get $a) (i64.rotl (i64.mul (local.get $b) (i64.const 0x9E3779B97F4A7C15)) (i64.const 31))))
    (local.set $a (i64.mul (i64.xor (local.get $a) (i64.shr_u (local.get $a) (i64.const 33))) (i64.const 0xFF51AFD7ED558CCD)))
    (local.set $a (i64.mul (i64.xor (local.get $a) (i64.shr_u (local.get $a) (i64.const 33))) (i64.const 0xC4CEB9FE1A85EC53)))
    (local.set $a (i64.xor (local.get $a) (i64.shr_u (local.get $a) (i64.const 33))))
    (i64.store (i32.const 0) (local.get $a))))
