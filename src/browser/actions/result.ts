import type { Action } from '../../core/schemas/action.js';

/** What parsing an action string gives: the action, or a message that says what is wrong. */
export type ParseResult = { ok: true; action: Action } | { ok: false; error: string };

/** Intermediate steps of the parser report failures as values too, so the parser never throws. */
export type Step<T> = { ok: true; value: T } | { ok: false; error: string };

export const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });
export const done = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
