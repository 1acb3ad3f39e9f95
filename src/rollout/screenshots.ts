import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ScreenshotOption } from '../browser/observation/observe-page.js';
import { InvalidInputError } from '../core/errors.js';
import type { ScreenshotKeeper } from './run-episode.js';

/**
 * A screenshot per step, recorded with `--screenshots` on `run` and `generate`: what the agent
 * saw before acting, as a JPEG (quality 60: 47-59 KB for a 1280x720 home page of our sites, where the PNG is 80-96 KB), with the
 * set-of-marks drawn on it (each element's bid, the name the actions use) unless asked plain.
 */
export type ScreenshotKind = 'marks' | 'plain';

export const SCREENSHOT_QUALITY = 60;

/** `--screenshots` alone means marks; `--screenshots plain` leaves the page as it is. */
export function parseScreenshotKind(value: string | boolean | undefined): ScreenshotKind | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true || value === 'marks') return 'marks';
  if (value === 'plain') return 'plain';
  throw new InvalidInputError(`--screenshots takes marks or plain, got "${value}"`, { hint: '--screenshots records them with set-of-marks; --screenshots plain without' });
}

/** The env's observation option: inline bytes, so the keeper decides where they go. */
export function screenshotOption(kind: ScreenshotKind): ScreenshotOption {
  return { marks: kind === 'marks', format: 'jpeg', quality: SCREENSHOT_QUALITY };
}

/**
 * Where a step's screenshot lives, relative to the run directory. A `run --out` directory
 * holds the file there; a `generate` store holds the bytes in its `screenshots` table under
 * the same episode and index (the reference then only says that one was recorded).
 */
export function screenshotRef(episodeId: string, index: number, format: 'png' | 'jpeg'): string {
  return `screenshots/${episodeId.replace(/[^\w.-]+/g, '_')}/${index}.${format === 'jpeg' ? 'jpg' : 'png'}`;
}

/** Writes each screenshot under `dir` as soon as it is taken (a killed run keeps them). */
export function fileScreenshotKeeper(dir: string): ScreenshotKeeper {
  return (episodeId, index, shot) => {
    const ref = screenshotRef(episodeId, index, shot.format);
    const path = join(dir, ref);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, shot.data);
    return ref;
  };
}

/** A screenshot held until its episode is stored (in the same transaction as its steps). */
export type HeldScreenshot = { index: number; mime: string; data: Uint8Array };

/**
 * Holds each episode's screenshots in memory until the episode ends; `take` hands over those
 * the finished trajectory refers to (a retried attempt's leftovers are dropped).
 */
export class ScreenshotBuffer {
  private readonly held = new Map<string, Map<number, HeldScreenshot>>();

  readonly keep: ScreenshotKeeper = (episodeId, index, shot) => {
    let shots = this.held.get(episodeId);
    if (!shots) this.held.set(episodeId, (shots = new Map()));
    shots.set(index, { index, mime: shot.format === 'jpeg' ? 'image/jpeg' : 'image/png', data: shot.data });
    return screenshotRef(episodeId, index, shot.format);
  };

  take(episodeId: string, stepsWithShots: Iterable<number>): HeldScreenshot[] {
    const shots = this.held.get(episodeId);
    this.held.delete(episodeId);
    if (!shots) return [];
    return [...stepsWithShots].flatMap((i) => (shots.has(i) ? [shots.get(i)!] : []));
  }
}
