import { addDays, HORIZON_DAYS, WORLD_TODAY } from '../../core/dates.js';
import type { Rng } from '../../core/rng.js';
import type { World } from '../../world/world.js';
import { CAR_LOCATIONS } from './domain.js';
import type { SearchParams } from '../engine/site-definition.js';
import { validateRentalSearch } from './forms.js';
import { searchCars } from './inventory.js';
import { carDetail } from './options.js';

const PICKUP_TIMES = ['08:30', '09:00', '09:30', '10:00', '10:00', '11:00', '12:00', '13:30', '15:00', '17:00'];

/** True when the search has 3+ cars and one of them can be booked with a choice in every group. */
export function isBookableSearch(world: World, params: SearchParams): boolean {
  if (Object.keys(validateRentalSearch(params)).length > 0) return false;
  const listings = searchCars(world, params);
  if (listings.length < 3) return false;
  return listings.some((l) => {
    if (l.soldOut) return false;
    const d = carDetail(world, params, l.id);
    return d !== undefined && d.optionGroups.every((g) => g.choices.some((c) => !c.soldOut));
  });
}

function draw(rng: Rng): SearchParams {
  const loc = rng.chance(0.65) ? rng.pick(CAR_LOCATIONS.filter((l) => l.type === 'airport')) : rng.pick(CAR_LOCATIONS);
  const offset = rng.int(2, 45);
  const days = Math.min(rng.weighted([[2, 2], [3, 3], [4, 3], [5, 2], [7, 3], [10, 1], [14, 1]] as const), HORIZON_DAYS - 1 - offset);
  const pickupTime = rng.pick(PICKUP_TIMES);
  const dropoffTime = rng.chance(0.75) ? pickupTime : rng.pick(PICKUP_TIMES);
  const driverAge = rng.chance(0.2) ? rng.int(21, 24) : rng.int(26, 68);
  const pickupDate = addDays(WORLD_TODAY, offset);
  return {
    pickupLocation: loc.id,
    pickupDate,
    pickupTime,
    dropoffDate: addDays(pickupDate, days),
    dropoffTime,
    driverAge,
  };
}

export function exampleRentalSearch(world: World, rng: Rng): SearchParams {
  for (let attempt = 0; attempt < 40; attempt++) {
    const params = draw(rng);
    if (isBookableSearch(world, params)) return params;
  }
  // Practically unreachable; a long-lead weekday airport rental with an experienced driver.
  for (const loc of CAR_LOCATIONS) {
    for (let offset = 10; offset < HORIZON_DAYS - 5; offset += 3) {
      const pickupDate = addDays(WORLD_TODAY, offset);
      const params = { pickupLocation: loc.id, pickupDate, pickupTime: '10:00', dropoffDate: addDays(pickupDate, 3), dropoffTime: '10:00', driverAge: 35 };
      if (isBookableSearch(world, params)) return params;
    }
  }
  throw new Error('wheelo: no bookable rental in this world');
}
