;; Copies inside tfjs-backend-wasm's own memory, which this module imports: the tensors are
;; read and written where they are, with no copy into a module of ours and back. A JavaScript
;; copy of a short run (one pixel's channels, 64 bytes) costs a call and a view (~40–100 ns);
;; here each run is one `memory.copy` (~13 ns; an inline vector loop measured no faster).
;; Assemble with `npm run build:kernels`.
(module
  (import "tfjs" "memory" (memory 1))

  ;; $rows × $runs runs of $bytes bytes: run (i, j) from $src + i·$srcRow + j·$srcRun to
  ;; $dst + i·$dstRow + j·$dstRun. Byte offsets and strides.
  (func (export "copy2d")
    (param $src i32) (param $srcRow i32) (param $srcRun i32)
    (param $dst i32) (param $dstRow i32) (param $dstRun i32)
    (param $bytes i32) (param $rows i32) (param $runs i32)
    (local $i i32) (local $j i32) (local $s i32) (local $d i32)
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $i) (local.get $rows)))
        (local.set $s (i32.add (local.get $src) (i32.mul (local.get $i) (local.get $srcRow))))
        (local.set $d (i32.add (local.get $dst) (i32.mul (local.get $i) (local.get $dstRow))))
        (local.set $j (i32.const 0))
        (block $rowDone
          (loop $run
            (br_if $rowDone (i32.ge_u (local.get $j) (local.get $runs)))
            (memory.copy (local.get $d) (local.get $s) (local.get $bytes))
            (local.set $s (i32.add (local.get $s) (local.get $srcRun)))
            (local.set $d (i32.add (local.get $d) (local.get $dstRun)))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $run)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $row))))

  ;; $rows × $runs runs of $bytes zero bytes at $dst + i·$dstRow + j·$dstRun.
  (func (export "zero2d")
    (param $dst i32) (param $dstRow i32) (param $dstRun i32)
    (param $bytes i32) (param $rows i32) (param $runs i32)
    (local $i i32) (local $j i32) (local $d i32)
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $i) (local.get $rows)))
        (local.set $d (i32.add (local.get $dst) (i32.mul (local.get $i) (local.get $dstRow))))
        (local.set $j (i32.const 0))
        (block $rowDone
          (loop $run
            (br_if $rowDone (i32.ge_u (local.get $j) (local.get $runs)))
            (memory.fill (local.get $d) (i32.const 0) (local.get $bytes))
            (local.set $d (i32.add (local.get $d) (local.get $dstRun)))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $run)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $row)))))
