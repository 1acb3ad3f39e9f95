import { beforeAll, describe, expect, it } from 'vitest';
import { agreementKey } from '../../src/tasks/decompose/decompose.js';
import { decomposeWithPhraseBook } from '../../src/tasks/decompose/phrase-book.js';
import { readLearntSchema } from '../../src/tasks/decompose/schema-cache.js';
import { siteSchema, type SiteSchema } from '../../src/tasks/decompose/site-schema.js';
import { buildArenaWorld, siteById } from '../../src/sites/registry.js';
import type { World } from '../../src/world/world.js';

let world: World;
let schema: SiteSchema;
const site = siteById('ticketnest');
beforeAll(() => {
  world = buildArenaWorld(1);
  schema = siteSchema(site, world);
}, 600_000);

describe('the learnt phrase book on disk', () => {
  it('reads back as it was learnt (phrases, siblings, values, inventory names) and decomposes the same', () => {
    const stored = readLearntSchema(site.id, world)!;
    expect(stored).toBeDefined();
    expect(stored.phrases.length).toBe(schema.phrases.length);
    expect(stored.phrases.map((p) => [p.text, p.constraint, p.siblings?.length])).toEqual(schema.phrases.map((p) => [p.text, p.constraint, p.siblings?.length]));
    expect([...stored.fields.keys()]).toEqual([...schema.fields.keys()]);
    expect([...stored.fields.get('performer')!.values]).toEqual([...schema.fields.get('performer')!.values]);
    expect(stored.named.get('performer')?.size).toBe(schema.named.get('performer')?.size);
    const fromDisk = { ...stored, placeCode: schema.placeCode, placeOptions: schema.placeOptions };
    for (const text of ['Book tickets for Ruby Atlas: Electric Dreams Tour in Lisbon. Complete the booking.', 'Book 2 tickets to see Lena Marlowe. Complete the booking.']) {
      expect(decomposeWithPhraseBook(text, fromDisk, site).constraints.map(agreementKey)).toEqual(decomposeWithPhraseBook(text, schema, site).constraints.map(agreementKey));
    }
  });

  it('is not read for another world', () => {
    const other = Object.assign(Object.create(Object.getPrototypeOf(world) as object) as World, world, { hash: 'another-world' });
    expect(readLearntSchema(site.id, other)).toBeUndefined();
  });
});
