/**
 * The made-up world the seed draws from. Customer numbers use the 555-01XX block that the
 * North American plan reserves for fiction; web addresses use the reserved `.example` domain.
 */

export type Place = {
  areaCode: string;
  city: string;
  state: string;
  country: 'US' | 'CA';
  zip: string | null;
};

export const PLACES: Record<string, Place> = {
  '303': { areaCode: '303', city: 'Denver', state: 'CO', country: 'US', zip: '80202' },
  '720': { areaCode: '720', city: 'Aurora', state: 'CO', country: 'US', zip: '80012' },
  '602': { areaCode: '602', city: 'Phoenix', state: 'AZ', country: 'US', zip: '85004' },
  '480': { areaCode: '480', city: 'Mesa', state: 'AZ', country: 'US', zip: '85201' },
  '718': { areaCode: '718', city: 'Brooklyn', state: 'NY', country: 'US', zip: '11201' },
  '347': { areaCode: '347', city: 'Queens', state: 'NY', country: 'US', zip: '11101' },
  '212': { areaCode: '212', city: 'New York', state: 'NY', country: 'US', zip: '10001' },
  '317': { areaCode: '317', city: 'Indianapolis', state: 'IN', country: 'US', zip: '46204' },
  '404': { areaCode: '404', city: 'Atlanta', state: 'GA', country: 'US', zip: null },
  '512': { areaCode: '512', city: 'Austin', state: 'TX', country: 'US', zip: '78701' },
  '416': { areaCode: '416', city: 'Toronto', state: 'ON', country: 'CA', zip: null },
  '604': { areaCode: '604', city: 'Vancouver', state: 'BC', country: 'CA', zip: null },
};

/** Callers from elsewhere, so not every customer is local (and some are Canadian). */
export const OUT_OF_AREA_CODES = ['404', '512', '416', '604'];

export const FIRST_NAMES = [
  'Maria',
  'James',
  'Aisha',
  'Robert',
  'Chen',
  'Linda',
  'Diego',
  'Patricia',
  'Kwame',
  'Jennifer',
  'Michael',
  'Priya',
  'David',
  'Elena',
  'Samuel',
  'Grace',
  'Tomás',
  'Hannah',
  'Omar',
  'Olivia',
  'Lucas',
  'Fatima',
  'Ethan',
  'Sofia',
  'Noah',
  'Siobhan',
  'Wei',
  'Isabella',
  'Andre',
  'Mei',
];

export const LAST_NAMES = [
  'Gonzalez',
  'Smith',
  'Okafor',
  'Johnson',
  'Wang',
  'Williams',
  'Ramirez',
  'Brown',
  'Mensah',
  'Davis',
  'Miller',
  'Patel',
  'Wilson',
  'Petrova',
  "O'Brien",
  'Kim',
  'Herrera',
  'Nguyen',
  'Haddad',
  'Taylor',
  'Anderson',
  'Silva',
  'Thompson',
  'Rossi',
  'Baker',
];

export type Vertical = {
  campaigns: string[];
  keywords: string[];
  landingPaths: string[];
  tags: string[];
  notes: string[];
  values: string[];
  agents: string[];
  incomingTexts: string[];
  outgoingTexts: string[];
};

export const VERTICALS: Record<'dental' | 'home', Vertical> = {
  dental: {
    campaigns: ['Dental Implants - Metro', 'Emergency Dentist', 'Invisalign Fall Promo'],
    keywords: [
      'emergency dentist near me',
      'dental implants cost',
      'invisalign consultation',
      'teeth cleaning',
    ],
    landingPaths: ['/', '/implants', '/emergency', '/invisalign', '/new-patients'],
    tags: ['new patient', 'appointment booked', 'emergency', 'insurance question', 'cancellation'],
    notes: [
      'Asked about Saturday hours',
      'Wants a quote for two implants',
      'Rescheduled cleaning to next week',
      'Insurance: Delta Dental PPO',
      'Chipped tooth, booked same-day visit',
    ],
    values: ['150.00', '275.00', '89.00', '1200.00'],
    agents: ['frontdesk', 'maya.lopez', 'jordan.reed'],
    incomingTexts: [
      'Hi, do you have any openings this week?',
      'Can I move my appointment to Friday?',
      'Do you take Delta Dental?',
      'Thanks, see you then!',
      'What time do you open tomorrow?',
    ],
    outgoingTexts: [
      'Hi! This is Summit Dental. We have openings Thursday at 10am or 2pm.',
      "You're all set for Friday at 9:30am. Reply STOP to opt out.",
      'Yes, we are in network with Delta Dental PPO plans.',
      'We open at 7:30am. See you soon!',
    ],
  },
  home: {
    campaigns: ['Water Heater Repair', 'AC Tune-Up Special', 'Drain Cleaning'],
    keywords: ['plumber near me', 'water heater repair', 'ac repair', '24 hour plumber'],
    landingPaths: ['/', '/water-heaters', '/drain-cleaning', '/ac-repair', '/coupons'],
    tags: ['estimate requested', 'booked job', 'emergency', 'repeat customer', 'warranty'],
    notes: [
      'Water heater leaking in basement',
      'Wants estimate for new AC unit',
      'Booked tech for Tuesday 8-10am window',
      'Asked about senior discount',
      'No heat, sent on-call tech',
    ],
    values: ['350.00', '89.00', '4200.00', '150.00'],
    agents: ['dispatch', 'carla.b', 'tony.m'],
    incomingTexts: [
      'Is anyone available today? Kitchen sink is backed up.',
      'What does a tune-up cost?',
      'The tech can come in through the side gate.',
      'Great, thank you!',
    ],
    outgoingTexts: [
      'Hi, this is Harbor Home Services. A tech can be there between 2 and 4pm.',
      'Our AC tune-up special is $89 this month. Reply STOP to opt out.',
      'Thanks! Your technician is on the way.',
    ],
  },
};
