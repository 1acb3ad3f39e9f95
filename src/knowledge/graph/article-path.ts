import { typeOf } from './schema.js';

/** The guide's URL path of an entity's article: "/wiki/hotel/ht-lisbon-01". */
export function articlePath(entityId: string): string {
  const type = typeOf(entityId);
  return `/wiki/${type}/${encodeURIComponent(entityId.slice(type.length + 1))}`;
}

/** The entity id an article path names, or undefined. */
export function entityIdFromPath(path: string): string | undefined {
  const m = /^\/wiki\/([a-z-]+)\/([^/]+)$/.exec(path);
  if (!m) return undefined;
  try {
    return `${m[1]}:${decodeURIComponent(m[2]!)}`;
  } catch {
    return undefined;
  }
}

/** The guide's URL path of a type's list page: "/list/hotel". */
export function listPath(type: string): string {
  return `/list/${type}`;
}
