;; A max pool's input gradient (MaxPoolGrad, NHWC) for the wasm backend, whose own kernel rescans
;; every window that covers each input. One pass over the windows: each window's `dy` goes to its
;; first maximum in row-major order (the input tfjs' cpu kernel picks among ties), per channel;
;; a window whose inputs are all −∞ or NaN passes nothing on. Four channels at a time, a scalar
;; tail. The running maximum starts from −∞, never from 0: a window of negative inputs still has
;; one. Sums are float32 additions in window order, as the JavaScript loop they replace rounded
;; them. Assemble with `npm run build:kernels`.
(module
  (memory (export "memory") 1)

  ;; dx[i] += dy[j], element indices; $dx and $dy are byte offsets
  (func $add (param $dx i32) (param $i i32) (param $dy i32) (param $j i32)
    (local $at i32)
    (local.set $at (i32.add (local.get $dx) (i32.shl (local.get $i) (i32.const 2))))
    (f32.store (local.get $at)
      (f32.add (f32.load (local.get $at))
               (f32.load (i32.add (local.get $dy) (i32.shl (local.get $j) (i32.const 2)))))))

  ;; $x, $dy: the pool's input and output gradient; $dx: zeros, the size of $x. Byte offsets.
  (func (export "maxPoolBackprop")
    (param $x i32) (param $dy i32) (param $dx i32)
    (param $batch i32) (param $inH i32) (param $inW i32) (param $ch i32)
    (param $outH i32) (param $outW i32) (param $strideH i32) (param $strideW i32)
    (param $filterH i32) (param $filterW i32) (param $padTop i32) (param $padLeft i32)
    (local $b i32) (local $oy i32) (local $ox i32) (local $top i32) (local $left i32)
    (local $r0 i32) (local $r1 i32) (local $c0 i32) (local $c1 i32)
    (local $iy i32) (local $ix i32) (local $c i32) (local $vc i32)
    (local $at i32) (local $out i32)
    (local $best v128) (local $where v128) (local $v v128) (local $m v128)
    (local $bestS f32) (local $whereS i32) (local $s f32)
    (local.set $vc (i32.and (local.get $ch) (i32.const -4)))
    (block $batchesDone (loop $batches
      (br_if $batchesDone (i32.ge_s (local.get $b) (local.get $batch)))
      (local.set $oy (i32.const 0))
      (block $rowsDone (loop $rows
        (br_if $rowsDone (i32.ge_s (local.get $oy) (local.get $outH)))
        (local.set $top (i32.sub (i32.mul (local.get $oy) (local.get $strideH)) (local.get $padTop)))
        (local.set $r0 (select (local.get $top) (i32.const 0) (i32.gt_s (local.get $top) (i32.const 0))))
        (local.set $r1 (i32.add (local.get $top) (local.get $filterH)))
        (local.set $r1 (select (local.get $r1) (local.get $inH) (i32.lt_s (local.get $r1) (local.get $inH))))
        (local.set $ox (i32.const 0))
        (block $columnsDone (loop $columns
          (br_if $columnsDone (i32.ge_s (local.get $ox) (local.get $outW)))
          (local.set $left (i32.sub (i32.mul (local.get $ox) (local.get $strideW)) (local.get $padLeft)))
          (local.set $c0 (select (local.get $left) (i32.const 0) (i32.gt_s (local.get $left) (i32.const 0))))
          (local.set $c1 (i32.add (local.get $left) (local.get $filterW)))
          (local.set $c1 (select (local.get $c1) (local.get $inW) (i32.lt_s (local.get $c1) (local.get $inW))))
          (local.set $out (i32.mul (i32.add (i32.mul (i32.add (i32.mul (local.get $b) (local.get $outH)) (local.get $oy)) (local.get $outW)) (local.get $ox)) (local.get $ch)))
          (local.set $c (i32.const 0))
          ;; four channels: the maximum and where it is, kept in registers across the window
          (block $vectorsDone (loop $vectors
            (br_if $vectorsDone (i32.ge_s (local.get $c) (local.get $vc)))
            (local.set $best (f32x4.splat (f32.const -inf)))
            (local.set $where (i32x4.splat (i32.const -1)))
            (local.set $iy (local.get $r0))
            (block $tapRowsDone (loop $tapRows
              (br_if $tapRowsDone (i32.ge_s (local.get $iy) (local.get $r1)))
              (local.set $ix (local.get $c0))
              (block $tapsDone (loop $taps
                (br_if $tapsDone (i32.ge_s (local.get $ix) (local.get $c1)))
                (local.set $at (i32.add (i32.mul (i32.add (i32.mul (i32.add (i32.mul (local.get $b) (local.get $inH)) (local.get $iy)) (local.get $inW)) (local.get $ix)) (local.get $ch)) (local.get $c)))
                (local.set $v (v128.load (i32.add (local.get $x) (i32.shl (local.get $at) (i32.const 2)))))
                (local.set $m (f32x4.gt (local.get $v) (local.get $best)))
                (local.set $best (v128.bitselect (local.get $v) (local.get $best) (local.get $m)))
                (local.set $where (v128.bitselect
                  (i32x4.add (i32x4.splat (local.get $at)) (v128.const i32x4 0 1 2 3))
                  (local.get $where) (local.get $m)))
                (local.set $ix (i32.add (local.get $ix) (i32.const 1)))
                (br $taps)))
              (local.set $iy (i32.add (local.get $iy) (i32.const 1)))
              (br $tapRows)))
            (local.set $at (i32x4.extract_lane 0 (local.get $where)))
            (if (i32.ge_s (local.get $at) (i32.const 0)) (then (call $add (local.get $dx) (local.get $at) (local.get $dy) (i32.add (local.get $out) (local.get $c)))))
            (local.set $at (i32x4.extract_lane 1 (local.get $where)))
            (if (i32.ge_s (local.get $at) (i32.const 0)) (then (call $add (local.get $dx) (local.get $at) (local.get $dy) (i32.add (local.get $out) (i32.add (local.get $c) (i32.const 1))))))
            (local.set $at (i32x4.extract_lane 2 (local.get $where)))
            (if (i32.ge_s (local.get $at) (i32.const 0)) (then (call $add (local.get $dx) (local.get $at) (local.get $dy) (i32.add (local.get $out) (i32.add (local.get $c) (i32.const 2))))))
            (local.set $at (i32x4.extract_lane 3 (local.get $where)))
            (if (i32.ge_s (local.get $at) (i32.const 0)) (then (call $add (local.get $dx) (local.get $at) (local.get $dy) (i32.add (local.get $out) (i32.add (local.get $c) (i32.const 3))))))
            (local.set $c (i32.add (local.get $c) (i32.const 4)))
            (br $vectors)))
          ;; the channels left over, one at a time
          (block $scalarsDone (loop $scalars
            (br_if $scalarsDone (i32.ge_s (local.get $c) (local.get $ch)))
            (local.set $bestS (f32.const -inf))
            (local.set $whereS (i32.const -1))
            (local.set $iy (local.get $r0))
            (block $tapRowsDoneS (loop $tapRowsS
              (br_if $tapRowsDoneS (i32.ge_s (local.get $iy) (local.get $r1)))
              (local.set $ix (local.get $c0))
              (block $tapsDoneS (loop $tapsS
                (br_if $tapsDoneS (i32.ge_s (local.get $ix) (local.get $c1)))
                (local.set $at (i32.add (i32.mul (i32.add (i32.mul (i32.add (i32.mul (local.get $b) (local.get $inH)) (local.get $iy)) (local.get $inW)) (local.get $ix)) (local.get $ch)) (local.get $c)))
                (local.set $s (f32.load (i32.add (local.get $x) (i32.shl (local.get $at) (i32.const 2)))))
                (if (f32.gt (local.get $s) (local.get $bestS)) (then
                  (local.set $bestS (local.get $s))
                  (local.set $whereS (local.get $at))))
                (local.set $ix (i32.add (local.get $ix) (i32.const 1)))
                (br $tapsS)))
              (local.set $iy (i32.add (local.get $iy) (i32.const 1)))
              (br $tapRowsS)))
            (if (i32.ge_s (local.get $whereS) (i32.const 0)) (then (call $add (local.get $dx) (local.get $whereS) (local.get $dy) (i32.add (local.get $out) (local.get $c)))))
            (local.set $c (i32.add (local.get $c) (i32.const 1)))
            (br $scalars)))
          (local.set $ox (i32.add (local.get $ox) (i32.const 1)))
          (br $columns)))
        (local.set $oy (i32.add (local.get $oy) (i32.const 1)))
        (br $rows)))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br $batches))))
)
