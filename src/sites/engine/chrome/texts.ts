import type { Domain, SiteDefinition } from '../site-definition.js';

/**
 * The words of the content real booking pages carry around the task (deals, recommendations,
 * reviews, FAQ, footer, newsletter, help chat). Every site gets them from its domain; a site may
 * override any of them in `SiteDefinition.chrome`. Answers must be true of the engine's pages:
 * an agent that reads the FAQ and acts on it is never misled.
 */
export type FaqEntry = { question: string; answer: string };

export type ChromeTexts = {
  /** What the site sells, plural, as headings and deals say it ("flights", "hotels"). */
  items: string;
  /** Questions and answers about the site, shown on browsing pages and the help centre. */
  faq: FaqEntry[];
  /** Questions people have while checking out (details and review pages). */
  checkoutFaq: FaqEntry[];
  /** Short opinions of customers about booking here: no numbers, nothing a task could check. */
  reviews: string[];
  /** Why book here, as true statements about the pages (details and review pages). */
  trust: string[];
  newsletterPitch: string;
  /** The help chat's first message. */
  chatGreeting: string;
  /** The about page's paragraphs. */
  about: string[];
};

/** What a site may set in its definition: any text, the rest from its domain. */
export type ChromeSettings = Partial<ChromeTexts>;

type DomainTexts = { items: string; faq: FaqEntry[]; reviews: string[] };

/** Per domain: what it sells, two questions its sites answer alike, and how customers talk about it. */
const DOMAINS: Record<string, DomainTexts> = {
  flights: {
    items: 'flights',
    faq: [
      { question: 'What does each fare include?', answer: "Each fare on a flight's page lists what it includes (checked bags, changes, refunds) beside its price." },
      { question: 'Can I add bags or choose seats?', answer: 'Extra checked bags, seat choice and other add-ons are offered with their prices on the passenger details page.' },
    ],
    reviews: ['Compared a dozen flights in a minute and picked the one that suited us.', 'The fare table made it clear what was included.', 'Booked flights for the whole family in one go.', 'Filtering by departure time saved me a lot of scrolling.'],
  },
  hotels: {
    items: 'hotels',
    faq: [
      { question: 'Is breakfast included?', answer: 'Each room rate says whether breakfast is included. The review page repeats what the rate you chose includes before you book.' },
      { question: 'Are city taxes included in the price?', answer: 'Any city tax is shown as its own line in the price details before you book.' },
    ],
    reviews: ['Found a quiet hotel near the centre for our dates.', 'The room options were easy to compare.', 'Loved being able to filter by area.', 'Everything about our stay was on one page before we booked.'],
  },
  restaurants: {
    items: 'restaurants',
    faq: [
      { question: 'Do I pay to reserve a table?', answer: 'Most tables are free to reserve. When a restaurant asks for a deposit, it is shown beside the table and deducted from the bill.' },
      { question: 'Can I mark a special occasion?', answer: 'The details form lets you name the occasion and add requests; extras such as a cake are offered there when the restaurant has them.' },
    ],
    reviews: ['Booked a table for a birthday in two minutes.', 'Great for finding somewhere new to eat.', 'Seeing the free times at a glance is so handy.', 'Our anniversary dinner was booked in no time.'],
  },
  cars: {
    items: 'cars',
    faq: [
      { question: 'What protection is included?', answer: "Basic protection comes with every car. More cover can be chosen on the car's page, where each level's price is shown." },
      { question: 'How old must the driver be?', answer: 'Some cars need a main driver aged 23 or 25. Enter the driver’s age in the search and only cars they may drive are shown.' },
    ],
    reviews: ['Comparing suppliers side by side made choosing easy.', 'Clear about what cover I was getting.', 'Picked up the car exactly as booked.', 'The table of cars was quick to scan.'],
  },
  events: {
    items: 'events',
    faq: [
      { question: 'How do I get my tickets?', answer: "Choose a delivery method on the event's page. Some methods are not available close to the event date." },
      { question: 'Can I choose where I sit?', answer: "You choose a section on the event's page. Some sections are standing, others have allocated seats." },
    ],
    reviews: ['Found a concert for the weekend we were in town.', 'Choosing a section was simple.', 'Tickets for the four of us sorted in minutes.', 'Loved browsing what was on by category.'],
  },
  trains: {
    items: 'trains',
    faq: [
      { question: 'Do railcards give a discount?', answer: 'Choose your railcard in the search: the fares shown already include its discount.' },
      { question: 'Do children pay?', answer: 'Children travel at a reduced fare; the price details list what each passenger pays before you book.' },
    ],
    reviews: ['The timetable view is exactly what I want from a train site.', 'Found a direct train I did not know about.', 'Easy to compare classes before choosing.', 'Booked our seats for the whole trip in one go.'],
  },
};

const GENERIC: DomainTexts = {
  items: 'options',
  faq: [],
  reviews: ['Everything I needed was on one page.', 'Quick to book and easy to check.', 'Booking took a few minutes from start to finish.', 'Clear steps from search to confirmation.'],
};

function domainTexts(domain: Domain): DomainTexts {
  return DOMAINS[domain] ?? GENERIC;
}

/** The texts of a site: its own settings over its domain's defaults. */
export function chromeTexts(site: SiteDefinition): ChromeTexts {
  const d = domainTexts(site.domain);
  const general: FaqEntry[] = [
    { question: 'Where do I find my booking?', answer: 'The confirmation page shows your booking reference, and every booking made in this session is listed under My bookings at the top of each page.' },
    { question: 'Which currency are prices in?', answer: `Prices are in ${site.currency}. The price details on the details and review pages list every charge before you book.` },
    { question: 'Can I book for someone else?', answer: 'Yes: the details form asks for the names of the people on the booking. Enter them as they appear on their ID.' },
    { question: 'Is my information shared with anyone?', answer: `${site.name} is a simulated BookingArena site: what you type stays in this session, and no real booking or payment is made.` },
  ];
  const defaults: ChromeTexts = {
    items: d.items,
    faq: [...d.faq, ...general],
    checkoutFaq: [
      { question: 'Why do you need my email address?', answer: 'The booking confirmation is sent to the email address in your contact details.' },
      { question: 'Can I still change my choices?', answer: 'Yes, until you book: go back to the earlier steps, or use Edit details on the review page.' },
      general[1]!,
    ],
    reviews: [...d.reviews, ...GENERIC.reviews],
    trust: ['Every charge is listed before you book', 'A booking reference as soon as you book', 'All your bookings in one place'],
    newsletterPitch: `Deals on ${d.items} and travel ideas, once a week. Unsubscribe from any email.`,
    chatGreeting: `Hi, this is ${site.name} support. Our team is offline right now, but these answers cover most questions.`,
    about: [
      `${site.name} helps you find and book ${d.items}: ${site.tagline.replace(/[.!]$/, '')}.`,
      `${site.name} is one of the simulated booking sites of BookingArena, built to train and evaluate web agents. Its inventory is generated; no real booking or payment is made.`,
    ],
  };
  return { ...defaults, ...site.chrome };
}
