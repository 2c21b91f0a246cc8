import type { CategoryInput } from '../../../contract/forum';

/** The categories a new forum starts with; administrators change them after that. */
export const seededCategories: CategoryInput[] = [
  {
    slug: 'introductions',
    name: 'Introductions',
    description: 'New here? Say hello. Tell us a little about you, if you like.',
    tipTheme: null,
    sortOrder: 10,
  },
  {
    slug: 'feelings',
    name: 'Feelings and emotions',
    description: 'How are you, really? Share the good days and the hard ones.',
    tipTheme: 'emotions',
    sortOrder: 20,
  },
  {
    slug: 'daily-life',
    name: 'Practical tips for daily life',
    description: 'Cooking, dressing, getting out. What works for you?',
    tipTheme: 'daily_living',
    sortOrder: 30,
  },
  {
    slug: 'health-services',
    name: 'Getting help from health services',
    description: 'Doctors, therapy, benefits and forms. How to get the help you need.',
    tipTheme: 'health_services',
    sortOrder: 40,
  },
  {
    slug: 'speech-aphasia',
    name: 'Speech and aphasia',
    description: 'Words, talking, reading and writing. Take your time here.',
    tipTheme: 'speech',
    sortOrder: 50,
  },
  {
    slug: 'moving',
    name: 'Moving and exercise',
    description: 'Walking, balance, arms and hands. Small steps count.',
    tipTheme: 'moving',
    sortOrder: 60,
  },
  {
    slug: 'caregivers',
    name: "Carers' corner",
    description: 'For the people who care. A space of your own.',
    tipTheme: 'caregiving',
    sortOrder: 70,
  },
  {
    slug: 'milestones',
    name: 'Success stories and milestones',
    description: 'Big or small, tell us what you did. It gives others hope.',
    tipTheme: null,
    sortOrder: 80,
  },
  {
    slug: 'young-stroke',
    name: 'Young stroke',
    description: 'For people who had a stroke young. Work, family, friends.',
    tipTheme: null,
    sortOrder: 90,
  },
  {
    slug: 'back-to-work',
    name: 'Back to work',
    description: 'Going back, changing jobs, or stopping. Share what you learned.',
    tipTheme: 'daily_living',
    sortOrder: 100,
  },
];
