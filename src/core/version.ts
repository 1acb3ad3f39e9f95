/**
 * Versions that decide compatibility of what lands on disk. Bump WORLD_VERSION whenever a
 * generator change would alter any inventory row: caches are keyed by it.
 */
export const WORLD_VERSION = 2;
export const STATE_SCHEMA_VERSION = 1;
