import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

let ready: Promise<typeof tf> | undefined;

/**
 * tfjs on its wasm backend, loaded from the package's own dist directory (no download), single
 * threaded so that float sums happen in one order and training is deterministic.
 */
export function tfWasm(): Promise<typeof tf> {
  ready ??= (async () => {
    const wasm = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm');
    setWasmPaths(`${dirname(wasm)}/`);
    setThreadsCount(1);
    if (!(await tf.setBackend('wasm'))) throw new Error('the tfjs wasm backend failed to start');
    await tf.ready();
    return tf;
  })();
  return ready;
}
