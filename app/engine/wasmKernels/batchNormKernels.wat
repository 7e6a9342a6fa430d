;; Batch normalisation's passes over an activation laid out as rows of channels ([n, c], the
;; channels innermost as in NHWC), for the wasm backend's training step (batchNormKernels.ts): the
;; per-channel sums, the normalisation and its gradient, each one pass, four channels at a time
;; with a scalar tail. Sums add into $dst (the caller zeroes it, and may add several blocks of
;; rows); the other passes write $dst. Every argument but $n and $c is a byte offset into this
;; module's memory. Assemble with `npm run build:kernels`.
(module
  (memory (export "memory") 1)

  ;; dst[ch] += src[r, ch] for every row r
  (func (export "sumColumns") (param $src i32) (param $n i32) (param $c i32) (param $dst i32)
    (local $r i32) (local $row i32) (local $ch i32) (local $vend i32) (local $end i32) (local $o i32) (local $at i32)
    (local.set $end (i32.shl (local.get $c) (i32.const 2)))
    (local.set $vend (i32.and (local.get $end) (i32.const -16)))
    (block $rowsDone (loop $rows
      (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $n)))
      (local.set $row (i32.mul (local.get $r) (local.get $end)))
      (local.set $ch (i32.const 0))
      (block $vectorsDone (loop $vectors
        (br_if $vectorsDone (i32.ge_u (local.get $ch) (local.get $vend)))
        (local.set $o (i32.add (local.get $row) (local.get $ch)))
        (v128.store (local.tee $at (i32.add (local.get $dst) (local.get $ch))) (f32x4.add (v128.load (local.get $at)) (v128.load (i32.add (local.get $src) (local.get $o)))))
        (local.set $ch (i32.add (local.get $ch) (i32.const 16)))
        (br $vectors)))
      (block $scalarsDone (loop $scalars
        (br_if $scalarsDone (i32.ge_u (local.get $ch) (local.get $end)))
        (local.set $o (i32.add (local.get $row) (local.get $ch)))
        (f32.store (local.tee $at (i32.add (local.get $dst) (local.get $ch))) (f32.add (f32.load (local.get $at)) (f32.load (i32.add (local.get $src) (local.get $o)))))
        (local.set $ch (i32.add (local.get $ch) (i32.const 4)))
        (br $scalars)))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $rows))))

  ;; dst[ch] += (src[r, ch] − mean[ch])² for every row r
  (func (export "sumSquaredDeviations") (param $src i32) (param $mean i32) (param $n i32) (param $c i32) (param $dst i32)
    (local $r i32) (local $row i32) (local $ch i32) (local $vend i32) (local $end i32) (local $o i32) (local $at i32) (local $t v128) (local $ts f32)
    (local.set $end (i32.shl (local.get $c) (i32.const 2)))
    (local.set $vend (i32.and (local.get $end) (i32.const -16)))
    (block $rowsDone (loop $rows
      (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $n)))
      (local.set $row (i32.mul (local.get $r) (local.get $end)))
      (local.set $ch (i32.const 0))
      (block $vectorsDone (loop $vectors
        (br_if $vectorsDone (i32.ge_u (local.get $ch) (local.get $vend)))
        (local.set $o (i32.add (local.get $row) (local.get $ch)))
        (v128.store (local.tee $at (i32.add (local.get $dst) (local.get $ch))) (f32x4.add (v128.load (local.get $at)) (f32x4.mul (local.tee $t (f32x4.sub (v128.load (i32.add (local.get $src) (local.get $o))) (v128.load (i32.add (local.get $mean) (local.get $ch))))) (local.get $t))))
        (local.set $ch (i32.add (local.get $ch) (i32.const 16)))
        (br $vectors)))
      (block $scalarsDone (loop $scalars
        (br_if $scalarsDone (i32.ge_u (local.get $ch) (local.get $end)))
        (local.set $o (i32.add (local.get $row) (local.get $ch)))
        (f32.store (local.tee $at (i32.add (local.get $dst) (local.get $ch))) (f32.add (f32.load (local.get $at)) (f32.mul (local.tee $ts (f32.sub (f32.load (i32.add (local.get $src) (local.get $o))) (f32.load (i32.add (local.get $mean) (local.get $ch))))) (local.get $ts))))
        (local.set $ch (i32.add (local.get $ch) (i32.const 4)))
        (br $scalars)))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $rows))))

  ;; dst[ch] += dy[r, ch] · (x[r, ch] − mean[ch]) for every row r
  (func (export "sumDeviationProducts") (param $dy i32) (param $x i32) (param $mean i32) (param $n i32) (param $c i32) (param $dst i32)
    (local $r i32) (local $row i32) (local $ch i32) (local $vend i32) (local $end i32) (local $o i32) (local $at i32)
    (local.set $end (i32.shl (local.get $c) (i32.const 2)))
    (local.set $vend (i32.and (local.get $end) (i32.const -16)))
    (block $rowsDone (loop $rows
      (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $n)))
      (local.set $row (i32.mul (local.get $r) (local.get $end)))
      (local.set $ch (i32.const 0))
      (block $vectorsDone (loop $vectors
        (br_if $vectorsDone (i32.ge_u (local.get $ch) (local.get $vend)))
        (local.set $o (i32.add (local.get $row) (local.get $ch)))
        (v128.store (local.tee $at (i32.add (local.get $dst) (local.get $ch))) (f32x4.add (v128.load (local.get $at)) (f32x4.mul (v128.load (i32.add (local.get $dy) (local.get $o))) (f32x4.sub (v128.load (i32.add (local.get $x) (local.get $o))) (v128.load (i32.add (local.get $mean) (local.get $ch)))))))
        (local.set $ch (i32.add (local.get $ch) (i32.const 16)))
        (br $vectors)))
      (block $scalarsDone (loop $scalars
        (br_if $scalarsDone (i32.ge_u (local.get $ch) (local.get $end)))
        (local.set $o (i32.add (local.get $row) (local.get $ch)))
        (f32.store (local.tee $at (i32.add (local.get $dst) (local.get $ch))) (f32.add (f32.load (local.get $at)) (f32.mul (f32.load (i32.add (local.get $dy) (local.get $o))) (f32.sub (f32.load (i32.add (local.get $x) (local.get $o))) (f32.load (i32.add (local.get $mean) (local.get $ch)))))))
        (local.set $ch (i32.add (local.get $ch) (i32.const 4)))
        (br $scalars)))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $rows))))

  ;; dst[r, ch] = (x[r, ch] − mean[ch]) · scale[ch] + shift[ch]
  (func (export "normalize") (param $x i32) (param $mean i32) (param $scale i32) (param $shift i32) (param $n i32) (param $c i32) (param $dst i32)
    (local $r i32) (local $row i32) (local $ch i32) (local $vend i32) (local $end i32) (local $o i32)
    (local.set $end (i32.shl (local.get $c) (i32.const 2)))
    (local.set $vend (i32.and (local.get $end) (i32.const -16)))
    (block $rowsDone (loop $rows
      (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $n)))
      (local.set $row (i32.mul (local.get $r) (local.get $end)))
      (local.set $ch (i32.const 0))
      (block $vectorsDone (loop $vectors
        (br_if $vectorsDone (i32.ge_u (local.get $ch) (local.get $vend)))
        (local.set $o (i32.add (local.get $row) (local.get $ch)))
        (v128.store (i32.add (local.get $dst) (local.get $o)) (f32x4.add (f32x4.mul (f32x4.sub (v128.load (i32.add (local.get $x) (local.get $o))) (v128.load (i32.add (local.get $mean) (local.get $ch)))) (v128.load (i32.add (local.get $scale) (local.get $ch)))) (v128.load (i32.add (local.get $shift) (local.get $ch)))))
        (local.set $ch (i32.add (local.get $ch) (i32.const 16)))
        (br $vectors)))
      (block $scalarsDone (loop $scalars
        (br_if $scalarsDone (i32.ge_u (local.get $ch) (local.get $end)))
        (local.set $o (i32.add (local.get $row) (local.get $ch)))
        (f32.store (i32.add (local.get $dst) (local.get $o)) (f32.add (f32.mul (f32.sub (f32.load (i32.add (local.get $x) (local.get $o))) (f32.load (i32.add (local.get $mean) (local.get $ch)))) (f32.load (i32.add (local.get $scale) (local.get $ch)))) (f32.load (i32.add (local.get $shift) (local.get $ch)))))
        (local.set $ch (i32.add (local.get $ch) (i32.const 4)))
        (br $scalars)))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $rows))))

  ;; dst[r, ch] = dy[r, ch] · a[ch] + (x[r, ch] − mean[ch]) · b[ch] + k[ch]
  (func (export "normalizeGradient") (param $dy i32) (param $x i32) (param $mean i32) (param $a i32) (param $b i32) (param $k i32) (param $n i32) (param $c i32) (param $dst i32)
    (local $r i32) (local $row i32) (local $ch i32) (local $vend i32) (local $end i32) (local $o i32)
    (local.set $end (i32.shl (local.get $c) (i32.const 2)))
    (local.set $vend (i32.and (local.get $end) (i32.const -16)))
    (block $rowsDone (loop $rows
      (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $n)))
      (local.set $row (i32.mul (local.get $r) (local.get $end)))
      (local.set $ch (i32.const 0))
      (block $vectorsDone (loop $vectors
        (br_if $vectorsDone (i32.ge_u (local.get $ch) (local.get $vend)))
        (local.set $o (i32.add (local.get $row) (local.get $ch)))
        (v128.store (i32.add (local.get $dst) (local.get $o)) (f32x4.add (f32x4.add (f32x4.mul (v128.load (i32.add (local.get $dy) (local.get $o))) (v128.load (i32.add (local.get $a) (local.get $ch)))) (f32x4.mul (f32x4.sub (v128.load (i32.add (local.get $x) (local.get $o))) (v128.load (i32.add (local.get $mean) (local.get $ch)))) (v128.load (i32.add (local.get $b) (local.get $ch))))) (v128.load (i32.add (local.get $k) (local.get $ch)))))
        (local.set $ch (i32.add (local.get $ch) (i32.const 16)))
        (br $vectors)))
      (block $scalarsDone (loop $scalars
        (br_if $scalarsDone (i32.ge_u (local.get $ch) (local.get $end)))
        (local.set $o (i32.add (local.get $row) (local.get $ch)))
        (f32.store (i32.add (local.get $dst) (local.get $o)) (f32.add (f32.add (f32.mul (f32.load (i32.add (local.get $dy) (local.get $o))) (f32.load (i32.add (local.get $a) (local.get $ch)))) (f32.mul (f32.sub (f32.load (i32.add (local.get $x) (local.get $o))) (f32.load (i32.add (local.get $mean) (local.get $ch)))) (f32.load (i32.add (local.get $b) (local.get $ch))))) (f32.load (i32.add (local.get $k) (local.get $ch)))))
        (local.set $ch (i32.add (local.get $ch) (i32.const 4)))
        (br $scalars)))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $rows))))
)
