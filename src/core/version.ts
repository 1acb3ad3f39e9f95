/**
 * Versions that decide compatibility of what lands on disk. Bump WORLD_VERSION whenever a
 * generator change would alter any inventory row: caches are keyed by it.
 */
export const WORLD_VERSION = 1;
/** 2: several items per booking (legs, bundles, carts), seats and quantities, accounts, payments, changed and cancelled bookings. */
export const STATE_SCHEMA_VERSION = 2;
