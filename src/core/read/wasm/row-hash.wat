;; A 64-bit hash of a row's text for duplicate-row, over the block's text written into this
;; module's memory. Compiled by `node scripts/gen.mjs` into row-hash-wasm.ts.
;; The hash is a function of the row's characters only, whichever way the block was written:
;; a row whose characters are all Latin-1 is hashed over one byte per character (hash8), from a
;; Latin-1 block directly, or narrowed first from a UTF-16 block (hash16); any other row over its
;; UTF-16 code units, from another seed. Two lanes take alternate 8-byte words (so the
;; multiplications of one do not wait on the other's); each step is invertible, so two texts of
;; the same length that differ in one word always get different hashes.
(module
  (memory (export "memory") 1)

  ;; The two-lane hash of bytes [p, end), from seed `a`, stored at bytes 0–7. The last 0 to 15
  ;; bytes are taken one by one (`unit` = 1) or two by two (`unit` = 2).
  (func $mix (param $p i32) (param $end i32) (param $a i64) (param $unit i32)
    (local $b i64) (local $stop i32)
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
    (block $tdone
      (loop $tail
        (br_if $tdone (i32.ge_u (local.get $p) (local.get $end)))
        (if (i32.eq (local.get $unit) (i32.const 1))
          (then (local.set $a (i64.mul (i64.xor (local.get $a) (i64.load8_u (local.get $p))) (i64.const 0x9FB21C651E98DF25))))
          (else (local.set $a (i64.mul (i64.xor (local.get $a) (i64.load16_u (local.get $p))) (i64.const 0x9FB21C651E98DF25)))))
        (local.set $p (i32.add (local.get $p) (local.get $unit)))
        (br $tail)))
    ;; Join the lanes (still invertible in each), then the murmur3 finaliser.
    (local.set $a (i64.xor (local.get $a) (i64.rotl (i64.mul (local.get $b) (i64.const 0x9E3779B97F4A7C15)) (i64.const 31))))
    (local.set $a (i64.mul (i64.xor (local.get $a) (i64.shr_u (local.get $a) (i64.const 33))) (i64.const 0xFF51AFD7ED558CCD)))
    (local.set $a (i64.mul (i64.xor (local.get $a) (i64.shr_u (local.get $a) (i64.const 33))) (i64.const 0xC4CEB9FE1A85EC53)))
    (local.set $a (i64.xor (local.get $a) (i64.shr_u (local.get $a) (i64.const 33))))
    (i64.store (i32.const 0) (local.get $a)))

  ;; hash8(from, to): a row of Latin-1 characters, one byte each, at bytes [from, to).
  (func $hash8 (export "hash8") (param $p i32) (param $end i32)
    (call $mix (local.get $p) (local.get $end)
      (i64.xor (i64.const 0x9E3779B97F4A7C15) (i64.extend_i32_u (i32.sub (local.get $end) (local.get $p))))
      (i32.const 1)))

  ;; hash16(from, to, scratch): a row of UTF-16 code units at bytes [from, to). All Latin-1: narrowed
  ;; to bytes at `scratch` and hashed as hash8 does; otherwise hashed over its code units.
  (func (export "hash16") (param $p i32) (param $end i32) (param $scratch i32)
    (local $i i32) (local $o i32) (local $stop i32)
    (local.set $stop (i32.sub (local.get $end) (i32.const 8)))
    (local.set $i (local.get $p))
    ;; Any unit above 0xFF? Four at a time, then one by one.
    (block $wide
      (block $narrow
        (loop $quads
          (br_if $narrow (i32.gt_s (local.get $i) (local.get $stop)))
          (br_if $wide (i64.ne (i64.and (i64.load (local.get $i)) (i64.const 0xFF00FF00FF00FF00)) (i64.const 0)))
          (local.set $i (i32.add (local.get $i) (i32.const 8)))
          (br $quads)))
      (block $units
        (loop $rest
          (br_if $units (i32.ge_u (local.get $i) (local.get $end)))
          (br_if $wide (i32.gt_u (i32.load16_u (local.get $i)) (i32.const 0xFF)))
          (local.set $i (i32.add (local.get $i) (i32.const 2)))
          (br $rest)))
      ;; All Latin-1: narrow, then hash8.
      (local.set $i (local.get $p))
      (local.set $o (local.get $scratch))
      (block $copied
        (loop $copy
          (br_if $copied (i32.ge_u (local.get $i) (local.get $end)))
          (i32.store8 (local.get $o) (i32.load16_u (local.get $i)))
          (local.set $i (i32.add (local.get $i) (i32.const 2)))
          (local.set $o (i32.add (local.get $o) (i32.const 1)))
          (br $copy)))
      (call $hash8 (local.get $scratch) (local.get $o))
      (return))
    (call $mix (local.get $p) (local.get $end)
      (i64.xor (i64.const 0x2545F4914F6CDD1D) (i64.extend_i32_u (i32.shr_u (i32.sub (local.get $end) (local.get $p)) (i32.const 1))))
      (i32.const 2))))
