/**
 * The fixed map every site shares: cities with their airports, main stations and coordinates.
 * Real places make tasks read naturally; the inventory on top of them is generated.
 */
export type City = {
  id: string; // slug, e.g. "lisbon"
  name: string;
  country: string;
  airport: { code: string; name: string };
  station: { code: string; name: string };
  lat: number;
  lon: number;
  currency: 'EUR' | 'GBP' | 'CHF' | 'CZK' | 'DKK';
  neighbourhoods: string[];
};

export const CITIES: readonly City[] = [
  { id: 'lisbon', name: 'Lisbon', country: 'Portugal', airport: { code: 'LIS', name: 'Humberto Delgado Airport' }, station: { code: 'LSO', name: 'Lisboa Oriente' }, lat: 38.72, lon: -9.14, currency: 'EUR', neighbourhoods: ['Baixa', 'Alfama', 'Chiado', 'Belém', 'Avenidas Novas'] },
  { id: 'porto', name: 'Porto', country: 'Portugal', airport: { code: 'OPO', name: 'Francisco Sá Carneiro Airport' }, station: { code: 'OPC', name: 'Porto Campanhã' }, lat: 41.15, lon: -8.61, currency: 'EUR', neighbourhoods: ['Ribeira', 'Cedofeita', 'Boavista', 'Bonfim'] },
  { id: 'madrid', name: 'Madrid', country: 'Spain', airport: { code: 'MAD', name: 'Adolfo Suárez Barajas' }, station: { code: 'MAT', name: 'Madrid Atocha' }, lat: 40.42, lon: -3.70, currency: 'EUR', neighbourhoods: ['Sol', 'Malasaña', 'Salamanca', 'Chamberí', 'La Latina'] },
  { id: 'barcelona', name: 'Barcelona', country: 'Spain', airport: { code: 'BCN', name: 'El Prat Airport' }, station: { code: 'BSA', name: 'Barcelona Sants' }, lat: 41.39, lon: 2.17, currency: 'EUR', neighbourhoods: ['Gothic Quarter', 'Eixample', 'Gràcia', 'El Born', 'Barceloneta'] },
  { id: 'paris', name: 'Paris', country: 'France', airport: { code: 'CDG', name: 'Charles de Gaulle Airport' }, station: { code: 'PGL', name: 'Paris Gare de Lyon' }, lat: 48.86, lon: 2.35, currency: 'EUR', neighbourhoods: ['Le Marais', 'Montmartre', 'Saint-Germain', 'Latin Quarter', 'Bastille'] },
  { id: 'lyon', name: 'Lyon', country: 'France', airport: { code: 'LYS', name: 'Saint-Exupéry Airport' }, station: { code: 'LPD', name: 'Lyon Part-Dieu' }, lat: 45.76, lon: 4.84, currency: 'EUR', neighbourhoods: ['Vieux Lyon', 'Presqu’île', 'Croix-Rousse', 'Confluence'] },
  { id: 'london', name: 'London', country: 'United Kingdom', airport: { code: 'LHR', name: 'Heathrow Airport' }, station: { code: 'STP', name: 'London St Pancras' }, lat: 51.51, lon: -0.13, currency: 'GBP', neighbourhoods: ['Soho', 'Shoreditch', 'Kensington', 'Camden', 'Southwark'] },
  { id: 'amsterdam', name: 'Amsterdam', country: 'Netherlands', airport: { code: 'AMS', name: 'Schiphol Airport' }, station: { code: 'ASC', name: 'Amsterdam Centraal' }, lat: 52.37, lon: 4.90, currency: 'EUR', neighbourhoods: ['Jordaan', 'De Pijp', 'Oud-West', 'Centrum'] },
  { id: 'brussels', name: 'Brussels', country: 'Belgium', airport: { code: 'BRU', name: 'Brussels Airport' }, station: { code: 'BMI', name: 'Brussels Midi' }, lat: 50.85, lon: 4.35, currency: 'EUR', neighbourhoods: ['Grand Place', 'Ixelles', 'Saint-Gilles', 'Sablon'] },
  { id: 'berlin', name: 'Berlin', country: 'Germany', airport: { code: 'BER', name: 'Berlin Brandenburg Airport' }, station: { code: 'BHF', name: 'Berlin Hauptbahnhof' }, lat: 52.52, lon: 13.40, currency: 'EUR', neighbourhoods: ['Mitte', 'Kreuzberg', 'Prenzlauer Berg', 'Charlottenburg', 'Friedrichshain'] },
  { id: 'munich', name: 'Munich', country: 'Germany', airport: { code: 'MUC', name: 'Franz Josef Strauss Airport' }, station: { code: 'MHB', name: 'München Hauptbahnhof' }, lat: 48.14, lon: 11.58, currency: 'EUR', neighbourhoods: ['Altstadt', 'Schwabing', 'Maxvorstadt', 'Haidhausen'] },
  { id: 'zurich', name: 'Zurich', country: 'Switzerland', airport: { code: 'ZRH', name: 'Zurich Airport' }, station: { code: 'ZHB', name: 'Zürich HB' }, lat: 47.38, lon: 8.54, currency: 'CHF', neighbourhoods: ['Altstadt', 'Seefeld', 'Kreis 4', 'Enge'] },
  { id: 'vienna', name: 'Vienna', country: 'Austria', airport: { code: 'VIE', name: 'Vienna International Airport' }, station: { code: 'WHB', name: 'Wien Hauptbahnhof' }, lat: 48.21, lon: 16.37, currency: 'EUR', neighbourhoods: ['Innere Stadt', 'Neubau', 'Leopoldstadt', 'Wieden'] },
  { id: 'prague', name: 'Prague', country: 'Czechia', airport: { code: 'PRG', name: 'Václav Havel Airport' }, station: { code: 'PHS', name: 'Praha hlavní nádraží' }, lat: 50.08, lon: 14.44, currency: 'CZK', neighbourhoods: ['Old Town', 'Malá Strana', 'Vinohrady', 'Žižkov'] },
  { id: 'rome', name: 'Rome', country: 'Italy', airport: { code: 'FCO', name: 'Fiumicino Airport' }, station: { code: 'RTE', name: 'Roma Termini' }, lat: 41.90, lon: 12.50, currency: 'EUR', neighbourhoods: ['Trastevere', 'Monti', 'Prati', 'Centro Storico'] },
  { id: 'milan', name: 'Milan', country: 'Italy', airport: { code: 'MXP', name: 'Malpensa Airport' }, station: { code: 'MCE', name: 'Milano Centrale' }, lat: 45.46, lon: 9.19, currency: 'EUR', neighbourhoods: ['Brera', 'Navigli', 'Porta Nuova', 'Isola'] },
  { id: 'copenhagen', name: 'Copenhagen', country: 'Denmark', airport: { code: 'CPH', name: 'Kastrup Airport' }, station: { code: 'KHC', name: 'København H' }, lat: 55.68, lon: 12.57, currency: 'DKK', neighbourhoods: ['Indre By', 'Nørrebro', 'Vesterbro', 'Christianshavn'] },
  { id: 'dublin', name: 'Dublin', country: 'Ireland', airport: { code: 'DUB', name: 'Dublin Airport' }, station: { code: 'DHS', name: 'Dublin Heuston' }, lat: 53.35, lon: -6.26, currency: 'EUR', neighbourhoods: ['Temple Bar', 'Ranelagh', 'Smithfield', 'Portobello'] },
];

export function cityById(id: string): City | undefined {
  return CITIES.find((c) => c.id === id);
}

/** Great-circle distance in km. */
export function distanceKm(a: City, b: City): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return Math.round(2 * 6371 * Math.asin(Math.sqrt(h)));
}

/** Given names and surnames for generated people (hosts, performers, drivers in examples). */
export const GIVEN_NAMES = ['Ana', 'Luca', 'Maya', 'Jonas', 'Sofia', 'Noah', 'Elena', 'Omar', 'Clara', 'Tomás', 'Ines', 'Felix', 'Aisha', 'Pieter', 'Marta', 'Hugo'] as const;
export const SURNAMES = ['Silva', 'Rossi', 'Novak', 'Jensen', 'García', 'Dubois', 'Müller', 'Byrne', 'Costa', 'Varga', 'Smit', 'Moreau', 'Horvat', 'Keller', 'Lopes', 'Nilsen'] as const;

/**
 * How large each city's visitor market is (1 = the largest): how much inventory the sites list
 * there, so a search in London finds more hotels, tables and shows than one in Zurich.
 */
export const CITY_SCALE: Readonly<Record<string, number>> = {
  london: 1, paris: 1, rome: 0.9, barcelona: 0.9, amsterdam: 0.8, berlin: 0.8, madrid: 0.8, prague: 0.75, lisbon: 0.75,
  vienna: 0.7, milan: 0.65, munich: 0.6, dublin: 0.6, copenhagen: 0.55, brussels: 0.5, porto: 0.5, lyon: 0.45, zurich: 0.45,
};

/** A count that grows with the city's scale: `small` in the smallest market, `large` in the largest. */
export function scaledCount(cityId: string, small: number, large: number): number {
  const s = CITY_SCALE[cityId] ?? 0.5;
  return Math.round(small + (large - small) * ((s - 0.45) / 0.55));
}

/** A point `km` from the city centre at `bearingDeg` (0 = north), rounded to about 10 m. */
export function offsetFrom(city: { lat: number; lon: number }, km: number, bearingDeg: number): { lat: number; lon: number } {
  const b = (bearingDeg * Math.PI) / 180;
  const lat = city.lat + (km * Math.cos(b)) / 111.2;
  const lon = city.lon + (km * Math.sin(b)) / (111.2 * Math.cos((city.lat * Math.PI) / 180));
  return { lat: Math.round(lat * 10_000) / 10_000, lon: Math.round(lon * 10_000) / 10_000 };
}
