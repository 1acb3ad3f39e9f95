import type { AttrValue, FactSpec } from '../engine/site-definition.js';
import { BOARDS, ROOMS } from './domain.js';
import { destinationName, originName } from './places.js';

const boardName = (v: AttrValue) => BOARDS[v as keyof typeof BOARDS]?.label ?? String(v);
const roomName = (v: AttrValue) => ROOMS[v as keyof typeof ROOMS]?.label ?? String(v);
const boardList = (v: AttrValue) => (Array.isArray(v) ? v.map(boardName).join(', ') : boardName(v));

/** Every fact of a Packfly booking a task may check: the search, the hotel part, the flights part (`flights.`). */
export const PACKFLY_FACTS: FactSpec[] = [
  { field: 'origin', label: 'Flying from', stage: 'search', kind: 'text', format: (v) => originName(v as string) },
  { field: 'destination', label: 'Destination', stage: 'search', kind: 'text', format: (v) => destinationName(v as string) },
  { field: 'date', label: 'Departure date', stage: 'search', kind: 'date' },
  { field: 'nights', label: 'Nights', stage: 'search', kind: 'text' },
  { field: 'adults', label: 'Adults', stage: 'search', kind: 'number' },
  { field: 'children', label: 'Children', stage: 'search', kind: 'number' },
  { field: 'hotelName', label: 'Hotel', stage: 'selection', kind: 'text' },
  { field: 'resort', label: 'Resort', stage: 'selection', kind: 'text' },
  { field: 'stars', label: 'Stars', stage: 'selection', kind: 'number' },
  { field: 'rating', label: 'Guest rating', stage: 'selection', kind: 'number' },
  { field: 'beachDistanceM', label: 'Distance to the beach (m)', stage: 'selection', kind: 'number' },
  { field: 'pool', label: 'Pool', stage: 'selection', kind: 'flag' },
  { field: 'kidsClub', label: 'Kids club', stage: 'selection', kind: 'flag' },
  { field: 'adultsOnly', label: 'Adults only', stage: 'selection', kind: 'flag' },
  { field: 'boards', label: 'Boards offered', stage: 'selection', kind: 'list', format: boardList },
  { field: 'room', label: 'Room', stage: 'selection', kind: 'text', format: roomName },
  { field: 'seaView', label: 'Sea view', stage: 'selection', kind: 'flag' },
  { field: 'roomNight', label: 'Room price a night', stage: 'selection', kind: 'money' },
  { field: 'board', label: 'Board', stage: 'selection', kind: 'text', format: boardName },
  { field: 'boardNight', label: 'Board price per person a night', stage: 'selection', kind: 'money' },
  { field: 'flights.airline', label: 'Airline', stage: 'selection', kind: 'text' },
  { field: 'flights.departTime', label: 'Outbound flight departs at', stage: 'selection', kind: 'time' },
  { field: 'flights.returnDepartTime', label: 'Return flight departs at', stage: 'selection', kind: 'time' },
  { field: 'flights.durationMin', label: 'Outbound flight time', stage: 'selection', kind: 'duration' },
  { field: 'flights.stops', label: 'Stops, both flights', stage: 'selection', kind: 'number' },
  { field: 'flights.flightFare', label: 'Flight fare per adult', stage: 'selection', kind: 'money' },
  { field: 'flights.luggage', label: 'Luggage', stage: 'selection', kind: 'text', format: (v) => (v === 'hold' ? 'Checked bag of 23 kg' : 'Cabin bag only') },
  { field: 'transfers', label: 'Airport transfers', stage: 'booking', kind: 'flag' },
  { field: 'insurance', label: 'Holiday insurance', stage: 'booking', kind: 'flag' },
  { field: 'totalPrice', label: 'Total price', stage: 'booking', kind: 'money' },
];
