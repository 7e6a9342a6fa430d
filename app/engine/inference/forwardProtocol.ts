/** The messages between the thread that runs inference and each forward-pass replica thread. */

/** What a forward replica is started with (`workerData`). */
export interface ForwardSetup {
  /** The design document text the model was compiled from. */
  design: string;
  /** Every weight of the model (`model.weights` order), written once before the replica starts. */
  weights: SharedArrayBuffer;
}

/** Run the network on `count` images (NHWC floats). */
export interface ForwardRequest {
  type: 'forward';
  pixels: Float32Array;
  count: number;
}

export type ForwardReply = { type: 'ready' } | { type: 'output'; values: Float32Array } | { type: 'failed'; message: string };
