import { SingleBar } from 'cli-progress';
import type { Trajectory } from '../core/schemas/trajectory.js';

/** Episodes done/total, rate, ETA, running SR and mean CSR; silent when stderr is not a terminal. */
export function episodeProgress(total: number) {
  const started = performance.now();
  let sr = 0;
  let csr = 0;
  let done = 0;
  const bar = new SingleBar(
    {
      format: 'episodes {bar} {value}/{total} | {rate}/h | ETA {eta_formatted} | SR {sr} | CSR {csr}{queue}',
      stream: process.stderr,
      noTTYOutput: false,
      hideCursor: true,
      etaBuffer: 20,
    },
  );
  if (process.stderr.isTTY) bar.start(total, 0, { rate: '-', sr: '-', csr: '-', queue: '' });
  return {
    tick(t: Trajectory) {
      done++;
      sr += t.end.evaluation.sr ? 1 : 0;
      csr += t.end.evaluation.csr;
      const hours = (performance.now() - started) / 3_600_000;
      if (process.stderr.isTTY) bar.update(done, { rate: Math.round(done / hours), sr: (sr / done).toFixed(2), csr: (csr / done).toFixed(2) });
    },
    /** A line about where the episodes run (a queue's state), shown after the bar. */
    note(text: string) {
      if (process.stderr.isTTY) bar.update({ queue: ` | ${text}` });
    },
    stop() {
      if (process.stderr.isTTY) bar.stop();
    },
  };
}

/** Items made out of a total, with attempts; silent when stderr is not a terminal. */
export function countProgress(label: string, total: number) {
  const bar = new SingleBar({ format: `${label} {bar} {value}/{total} | {attempts} attempts | ETA {eta_formatted}`, stream: process.stderr, hideCursor: true });
  if (process.stderr.isTTY) bar.start(total, 0, { attempts: 0 });
  return {
    update(done: number, attempts: number) {
      if (process.stderr.isTTY) bar.update(done, { attempts });
    },
    stop() {
      if (process.stderr.isTTY) bar.stop();
    },
  };
}
