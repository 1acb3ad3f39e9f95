import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const TEMP = /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/;

/**
 * Writes a file so that it is either the old one or the whole new one, never a part: the content
 * goes to a hidden temporary file beside it (`.NAME.<pid>.<random>.tmp`), is flushed to disk, then
 * renamed over the target. A kill at any moment leaves at most that temporary file behind
 * (removeStaleTemps clears them).
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(tmp, 'w');
    try {
      const data = typeof content === 'string' ? Buffer.from(content) : content;
      let off = 0;
      while (off < data.length) off += writeSync(fd, data, off, data.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  // The rename itself reaches the disk with the directory.
  try {
    const d = openSync(dir, 'r');
    try {
      fsyncSync(d);
    } finally {
      closeSync(d);
    }
  } catch {
    // Not every filesystem lets a directory be opened for fsync; the rename is atomic anyway.
  }
}

/** Removes temporary files writeFileAtomic left in `dir` when a process was killed mid-write. */
export function removeStaleTemps(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) if (TEMP.test(n)) rmSync(join(dir, n), { force: true });
}
