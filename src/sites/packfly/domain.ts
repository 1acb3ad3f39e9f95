import { z } from 'zod';
import type { Rng } from '../../core/rng.js';
import type { DomainModule } from '../../world/domain-module.js';
import { DESTINATIONS } from './places.js';

/**
 * Package hotels, stored: the resort hotels Packfly sells with flights, each with its stars,
 * rating, beach, facilities, boards and room types. Flights are made on demand per search
 * (`flights.ts`), as are the day's sold-out rooms.
 */

export const BOARDS = {
  RO: { label: 'Room only', noun: 'room only', perNight: 0 },
  BB: { label: 'Bed and breakfast', noun: 'bed and breakfast', perNight: 9 },
  HB: { label: 'Half board', noun: 'half board', perNight: 24 },
  FB: { label: 'Full board', noun: 'full board', perNight: 36 },
  AI: { label: 'All inclusive', noun: 'all inclusive', perNight: 52 },
} as const;
export type BoardId = keyof typeof BOARDS;

export const ROOMS = {
  double: { label: 'Double room', capacity: 2, factor: 1, seaView: false },
  seaview: { label: 'Double room with sea view', capacity: 2, factor: 1.25, seaView: true },
  family: { label: 'Family room (up to 4)', capacity: 4, factor: 1.55, seaView: false },
  suite: { label: 'Junior suite with sea view (up to 3)', capacity: 3, factor: 1.9, seaView: true },
  apartment: { label: 'Two-bedroom apartment (up to 6)', capacity: 6, factor: 2.2, seaView: false },
} as const;
export type RoomId = keyof typeof ROOMS;

export const PackageHotel = z.strictObject({
  id: z.string().regex(/^ph-[a-z]{3}-\d{2}$/),
  destination: z.string().regex(/^[A-Z]{3}$/),
  name: z.string().min(3),
  resort: z.string().min(2),
  stars: z.number().int().min(2).max(5),
  /** Guest rating out of 10. */
  rating: z.number().min(5).max(10),
  beachDistanceM: z.number().int().min(0),
  pool: z.boolean(),
  kidsClub: z.boolean(),
  adultsOnly: z.boolean(),
  boards: z.array(z.enum(['RO', 'BB', 'HB', 'FB', 'AI'])).min(1),
  rooms: z.array(z.enum(['double', 'seaview', 'family', 'suite', 'apartment'])).min(1),
  /** A double room's price a night, room only, in EUR. */
  baseNight: z.number().positive(),
});
export type PackageHotel = z.infer<typeof PackageHotel>;

const FIRST = ['Sol', 'Blue', 'Grand', 'Villa', 'Casa', 'Royal', 'Ocean', 'Palm', 'Coral', 'Golden', 'Olive', 'Marina', 'Aqua', 'Sunset', 'Bella'];
const SECOND = ['Bay', 'Beach', 'Gardens', 'Palace', 'Resort', 'Suites', 'Park', 'Mar', 'Vista', 'Sands', 'Club', 'Village', 'Terrace', 'Cove'];

function generate(rng: Rng): PackageHotel[] {
  const rows: PackageHotel[] = [];
  for (const d of DESTINATIONS) {
    const r = rng.fork(d.code);
    const n = r.int(22, 48);
    const used = new Set<string>();
    for (let i = 1; i <= n; i++) {
      let name: string;
      do name = `${r.pick(FIRST)} ${r.pick(SECOND)}${r.chance(0.3) ? ` ${r.pick(d.resorts)}` : ''}`;
      while (used.has(name));
      used.add(name);
      const stars = r.weighted([[2, 1], [3, 4], [4, 5], [5, 2]] as const);
      const adultsOnly = r.chance(0.12);
      const boards = (['RO', 'BB', 'HB', 'FB', 'AI'] as const).filter((b, k) => (k === 0 ? r.chance(0.6) : b === 'AI' ? r.chance(stars >= 4 ? 0.7 : 0.35) : r.chance(0.65)));
      if (boards.length === 0) boards.push('BB');
      const rooms = (['double', 'seaview', 'family', 'suite', 'apartment'] as const).filter((x) => (x === 'double' ? true : x === 'family' ? !adultsOnly && r.chance(0.7) : x === 'apartment' ? !adultsOnly && r.chance(0.3) : r.chance(0.5)));
      rows.push({
        id: `ph-${d.code.toLowerCase()}-${String(i).padStart(2, '0')}`,
        destination: d.code,
        name,
        resort: r.pick(d.resorts),
        stars,
        rating: Math.min(9.8, Math.round((5.8 + stars * 0.55 + r.float(-0.8, 1.4)) * 10) / 10),
        beachDistanceM: r.weighted([[r.int(0, 1) * 50, 3], [r.int(2, 8) * 50, 4], [r.int(9, 40) * 50, 3], [r.int(41, 80) * 50, 1]] as const),
        pool: r.chance(0.85),
        kidsClub: !adultsOnly && r.chance(stars >= 4 ? 0.6 : 0.25),
        adultsOnly,
        boards,
        rooms,
        baseNight: Math.round(25 + stars * stars * r.float(3.5, 6.5)),
      });
    }
  }
  return rows;
}

export const packageHotelsDomain: DomainModule<PackageHotel> = {
  key: 'packageHotels',
  schema: PackageHotel,
  generate,
};
