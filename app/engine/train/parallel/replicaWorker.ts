/**
 * Entry of one replica worker thread in data-parallel training: its own TensorFlow.js with its
 * own wasm instance (one thread each under Node). The replica itself is trainingReplica.ts; the
 * main thread ends the worker when the run ends, and its wasm memory goes with the thread.
 */

import { parentPort, workerData } from 'node:worker_threads';
import type { ReplicaSetup } from './replicaProtocol';
import { serveReplica } from './trainingReplica';

void serveReplica(workerData as ReplicaSetup, parentPort!);
