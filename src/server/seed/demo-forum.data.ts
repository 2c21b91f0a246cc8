import type { ReactionKind } from '../../contract/forum';

export interface DemoReply {
  by: string;
  body: string;
  helpfulFrom?: string[];
  reactions?: [string, ReactionKind][];
}

export interface DemoTopic {
  by: string;
  category: string;
  title: string;
  body: string;
  helpfulFrom?: string[];
  reactions?: [string, ReactionKind][];
  replies: DemoReply[];
}

/** Believable conversations in members' own voices (some in aphasic style), so every
 * category has several topics and every tips theme several tips. Every word is made up. */
export const demoTopics: DemoTopic[] = [
  {
    by: 'maggie',
    category: 'introductions',
    title: 'Hello from Maggie',
    body: 'Hello. I had a stroke in 2023. Words are hard for me. I like my garden.\n\nI am glad to find you.',
    reactions: [
      ['june', 'sending_strength'],
      ['tomasz', 'me_too'],
    ],
    replies: [
      { by: 'helen', body: 'Welcome, Maggie. **Take your time** here. We are glad you came.' },
      { by: 'tomasz', body: 'Hello Maggie. Words are slow for me too. Gardens help.' },
    ],
  },
  {
    by: 'frank',
    category: 'daily-life',
    title: 'Getting dressed with one good hand',
    body: 'My left side is still weak. Buttons take me ages in the morning.\n\nWhat helps you get dressed?',
    replies: [
      {
        by: 'tomasz',
        body: 'A **button hook** changed my mornings. It costs very little.\n\n- Put the weak arm in the sleeve first\n- Sit down to do trousers',
        helpfulFrom: ['frank', 'bill', 'lena'],
        reactions: [['frank', 'thank_you']],
      },
      {
        by: 'pat',
        body: 'My neighbour uses shirts with magnet buttons. Worth a look.',
        helpfulFrom: ['frank'],
      },
    ],
  },
  {
    by: 'aoife',
    category: 'speech-aphasia',
    title: 'Words that hide',
    body: 'Some days the word is there, then it hides. My speech therapist says *rest* helps. Does it help you?',
    reactions: [
      ['maggie', 'me_too'],
      ['kwame', 'me_too'],
    ],
    replies: [
      {
        by: 'helen',
        body: 'Yes. When a word hides, I **describe it** instead: "the thing for soup". People understand.',
        helpfulFrom: ['aoife', 'maggie', 'kwame'],
      },
      {
        by: 'chloe',
        body: 'Describing is a great way round. Tiredness makes word-finding harder for many people.',
      },
    ],
  },
  {
    by: 'carol',
    category: 'caregivers',
    title: 'Some days are long',
    body: 'Caring for Bill since 2020. I love him. Some days I feel very alone.',
    reactions: [
      ['sam', 'sending_strength'],
      ['mei', 'me_too'],
      ['ruth', 'sending_strength'],
    ],
    replies: [
      {
        by: 'nora',
        body: 'You are not alone here. Getting one afternoon a week for myself made a big difference. Ask your local council about **respite care**.',
        helpfulFrom: ['carol', 'sam'],
      },
    ],
  },
  {
    by: 'dev',
    category: 'back-to-work',
    title: 'Back at work three days a week',
    body: 'I went back after 14 months. A phased return helped: short days at first. Happy to answer questions.',
    reactions: [
      ['kwame', 'thank_you'],
      ['priya', 'thank_you'],
    ],
    replies: [
      { by: 'kwame', body: 'How did you tell your manager about the fatigue?' },
      {
        by: 'dev',
        body: 'I wrote it down before the meeting. I asked for breaks and a quiet desk. They said yes.',
        helpfulFrom: ['kwame', 'priya'],
      },
    ],
  },
  {
    by: 'june',
    category: 'milestones',
    title: 'Nine years on: I made a cake',
    body: 'Today I made a cake, on my own, from my wheelchair. It took all afternoon. It was lovely.',
    reactions: [
      ['maggie', 'sending_strength'],
      ['ruth', 'thank_you'],
      ['frank', 'thank_you'],
    ],
    replies: [{ by: 'ruth', body: 'I had a slice. It was very good! So proud of my sister.' }],
  },
  // Feelings and emotions
  {
    by: 'rosa',
    category: 'feelings',
    title: 'Crying for no reason',
    body: 'Since my stroke I cry at small things. Adverts on the television. A kind word.\n\nMy doctor called it **emotionalism**. Does this happen to you?',
    reactions: [
      ['june', 'me_too'],
      ['siobhan', 'me_too'],
      ['carol', 'sending_strength'],
    ],
    replies: [
      {
        by: 'helen',
        body: 'Yes, it happened to me for about a year. It got less over time. **Telling people first** helped: "I may cry, it is the stroke, carry on."',
        helpfulFrom: ['rosa', 'siobhan', 'june'],
      },
      {
        by: 'drokafor',
        body: 'This is common after stroke. It is worth telling your doctor, because there is treatment that can help if it gets in the way of life.',
        helpfulFrom: ['rosa'],
      },
    ],
  },
  {
    by: 'kwame',
    category: 'feelings',
    title: 'Angry. Not me.',
    body: 'Angry a lot. Small things. Not me before. Sorry to my family.',
    reactions: [
      ['marcus', 'me_too'],
      ['dev', 'sending_strength'],
    ],
    replies: [
      {
        by: 'marcus',
        body: 'Same for me in the first two years. I learned to **walk away for five minutes** and come back. My family knew the sign.',
        helpfulFrom: ['kwame', 'dev'],
      },
      {
        by: 'declan',
        body: 'From the other side: my wife gets cross since her stroke. I try to remember it is the tiredness talking, not her.',
        reactions: [['kwame', 'thank_you']],
      },
    ],
  },
  {
    by: 'siobhan',
    category: 'feelings',
    title: 'Low days in winter',
    body: 'The dark evenings are hard. I used to walk every day. Now I sit more and feel flat.\n\nWhat lifts you on a low day?',
    replies: [
      {
        by: 'nora',
        body: 'One small thing a day. A phone call, a cup of tea at the window, one song. **Small counts.**',
        helpfulFrom: ['siobhan', 'george', 'rosa'],
      },
      {
        by: 'george',
        body: 'A daylight lamp in the morning. And I ring my brother on Sundays, always.',
        helpfulFrom: ['siobhan'],
      },
      {
        by: 'ivy',
        body: 'If low days turn into low weeks, please tell your doctor. And **Need help now** at the top of every page has numbers to call, any time.',
      },
    ],
  },
  // Practical tips for daily life
  {
    by: 'tomasz',
    category: 'daily-life',
    title: 'Cooking. One hand.',
    body: 'Cooking again. One hand only. Bread board with spikes. Very good.\n\nYour tips?',
    reactions: [['frank', 'thank_you']],
    replies: [
      {
        by: 'lena',
        body: 'A **non-slip mat** under the bowl, so it does not slide. And I buy chopped onions frozen. No shame!',
        helpfulFrom: ['tomasz', 'frank', 'june'],
      },
      {
        by: 'june',
        body: 'Sit down to cook if you can. A perching stool saved my legs.',
        helpfulFrom: ['tomasz', 'bill'],
      },
    ],
  },
  {
    by: 'bill',
    category: 'daily-life',
    title: 'So tired in the afternoon',
    body: 'I am tired after walking to the shop. Then I sleep in the chair all afternoon. Is this normal? Two years now.',
    reactions: [
      ['siobhan', 'me_too'],
      ['priya', 'me_too'],
      ['maggie', 'me_too'],
    ],
    replies: [
      {
        by: 'helen',
        body: 'Tiredness after stroke is very common. I plan my day: **one big thing, then rest**. I rest before I am worn out, not after.',
        helpfulFrom: ['bill', 'priya', 'siobhan', 'maggie'],
      },
      {
        by: 'priya',
        body: 'I keep a short sleep in the day, 20 minutes, with an alarm. A long one makes my night sleep worse.',
        helpfulFrom: ['bill', 'dev'],
      },
    ],
  },
  // Getting help from health services
  {
    by: 'frank',
    category: 'health-services',
    title: 'Physio stopped after six weeks',
    body: 'My physio at home ended after six weeks. I still want to get better. Where do I go now?',
    replies: [
      {
        by: 'drokafor',
        body: 'Ask your GP to refer you again: you can be seen again if things change. Many areas also have **exercise classes after stroke** at the leisure centre.',
        helpfulFrom: ['frank', 'bill', 'ahmed'],
      },
      {
        by: 'ahmed',
        body: 'I paid for a few private sessions and the physio gave me a home plan. I still do it every morning.',
      },
    ],
  },
  {
    by: 'mei',
    category: 'health-services',
    title: 'Forms for benefits: where to start?',
    body: 'My dad had a stroke in March. We are looking at benefits and the forms are huge. Where do we start?',
    reactions: [['sam', 'me_too']],
    replies: [
      {
        by: 'nora',
        body: 'Citizens Advice helped us fill them in, for free. **Write about a bad day**, not a good one. Say how long each thing takes.',
        helpfulFrom: ['mei', 'sam', 'carol'],
      },
      {
        by: 'pat',
        body: 'Keep copies of everything you send, and a note of who you spoke to and when.',
        helpfulFrom: ['mei'],
      },
    ],
  },
  {
    by: 'rosa',
    category: 'health-services',
    title: 'Eyes checked after stroke',
    body: 'I bump into things on my left. The hospital said my field of vision is smaller. Who helps with that?',
    replies: [
      {
        by: 'drokafor',
        body: 'An orthoptist can test your vision and teach **scanning**: turning your head to check the side you miss. Your GP or the stroke team can refer you.',
        helpfulFrom: ['rosa', 'june'],
      },
      {
        by: 'june',
        body: 'I put a bright ribbon on the left edge of my table. It reminds me to look that way.',
        helpfulFrom: ['rosa'],
      },
    ],
  },
  // Speech and aphasia
  {
    by: 'maggie',
    category: 'speech-aphasia',
    title: 'Phone calls hard',
    body: 'Phone. Hard. People fast. I stop.\n\nHelp?',
    reactions: [
      ['tomasz', 'me_too'],
      ['aoife', 'me_too'],
    ],
    replies: [
      {
        by: 'chloe',
        body: 'Start the call with: **"I had a stroke. Please speak slowly."** Most people do. Writing that line on a card by the phone helps.',
        helpfulFrom: ['maggie', 'tomasz', 'aoife'],
      },
      {
        by: 'tomasz',
        body: 'Me too. Text messages better. My bank does chat now. Easier.',
        helpfulFrom: ['maggie'],
      },
    ],
  },
  {
    by: 'aoife',
    category: 'speech-aphasia',
    title: 'Reading books again',
    body: 'I loved reading. Now the lines move and I lose the place. I tried audiobooks. Any other ideas?',
    replies: [
      {
        by: 'chloe',
        body: 'A **ruler or a card under the line** helps many people. Large print books from the library, and reading for ten minutes at a time.',
        helpfulFrom: ['aoife', 'rosa'],
      },
      {
        by: 'maggie',
        body: 'Audiobook and book together. Listen and look. Good for me.',
        helpfulFrom: ['aoife'],
      },
    ],
  },
  // Moving and exercise
  {
    by: 'bill',
    category: 'moving',
    title: 'Walking with a stick outside',
    body: 'I can walk in the house. Outside I am scared of falling. Kerbs and slopes. How did you start?',
    replies: [
      {
        by: 'ahmed',
        body: 'I walked the same short route every day with my son, to the post box and back. **Same route, a bit further each week.**',
        helpfulFrom: ['bill', 'frank', 'siobhan'],
      },
      {
        by: 'helen',
        body: 'Ask for a walking assessment. A physio showed me how to do kerbs with the stick on the strong side.',
        helpfulFrom: ['bill'],
      },
    ],
  },
  {
    by: 'lena',
    category: 'moving',
    title: 'Hand exercises that you can do sitting',
    body: 'My right hand is slowly coming back. I do my exercises watching TV. Share yours?',
    reactions: [['tomasz', 'thank_you']],
    replies: [
      {
        by: 'tomasz',
        body: 'Putty. Squeeze, 10 times. Coins into a jar. Every day.',
        helpfulFrom: ['lena', 'frank'],
      },
      {
        by: 'frank',
        body: 'I fold towels from the laundry. It is useful and it is practice.',
        helpfulFrom: ['lena', 'june'],
      },
    ],
  },
  {
    by: 'siobhan',
    category: 'moving',
    title: 'Balance class at the leisure centre',
    body: 'I joined a balance class for people after stroke. Tuesday mornings. I was nervous but everyone was kind. I can stand on one leg for 5 seconds now!',
    reactions: [
      ['bill', 'thank_you'],
      ['helen', 'sending_strength'],
    ],
    replies: [{ by: 'bill', body: 'Well done. That makes me want to try. Did your GP refer you?' }],
  },
  // Carers' corner
  {
    by: 'sam',
    category: 'caregivers',
    title: 'Looking after Mum and working full time',
    body: 'I visit Mum every evening after work. I am tired and I feel guilty when I cannot go. How do other carers manage?',
    reactions: [
      ['mei', 'me_too'],
      ['carol', 'sending_strength'],
    ],
    replies: [
      {
        by: 'mei',
        body: "I ask my work for **carer's leave** and flexible hours. I also share a calendar with my brother so we take turns.",
        helpfulFrom: ['sam', 'declan'],
      },
      {
        by: 'nora',
        body: "A carer's assessment from the council can open up help you did not know about. You count too.",
        helpfulFrom: ['sam', 'carol', 'ruth'],
      },
    ],
  },
  {
    by: 'declan',
    category: 'caregivers',
    title: 'Understanding her when words do not come',
    body: 'My wife has aphasia. Sometimes we both get frustrated when I cannot understand. What helps you?',
    replies: [
      {
        by: 'chloe',
        body: 'Give time, and **ask yes or no questions**. Offer paper and a pen, or point at pictures. Check back what you understood.',
        helpfulFrom: ['declan', 'ruth', 'carol'],
      },
      {
        by: 'tomasz',
        body: 'For me: wait. Do not finish my words. Thank you.',
        helpfulFrom: ['declan', 'chloe'],
        reactions: [['declan', 'thank_you']],
      },
    ],
  },
  // Success stories and milestones
  {
    by: 'ahmed',
    category: 'milestones',
    title: 'Driving again after 18 months',
    body: 'I passed my driving assessment today. I drove to the shop on my own. I had to tell someone!',
    reactions: [
      ['dev', 'thank_you'],
      ['kwame', 'sending_strength'],
      ['bill', 'thank_you'],
    ],
    replies: [
      { by: 'kwame', body: 'Great. Hope for me. Waiting for my test.' },
      { by: 'helen', body: 'What a day. Thank you for telling us.' },
    ],
  },
  {
    by: 'maggie',
    category: 'milestones',
    title: 'Wrote a card',
    body: 'Wrote birthday card. My grandson. Slow. Did it!',
    reactions: [
      ['aoife', 'sending_strength'],
      ['tomasz', 'thank_you'],
      ['chloe', 'thank_you'],
    ],
    replies: [{ by: 'aoife', body: 'Lovely, Maggie. He will keep it.' }],
  },
  // Young stroke
  {
    by: 'kwame',
    category: 'young-stroke',
    title: 'Stroke at 27',
    body: 'Stroke at 27. People say "too young". Friends gone quiet. Anyone else young?',
    reactions: [
      ['marcus', 'me_too'],
      ['lena', 'me_too'],
      ['dev', 'me_too'],
    ],
    replies: [
      {
        by: 'marcus',
        body: 'Me at 31. You are not alone. The young stroke group meets online on Thursday evenings: come and listen first if you like.',
        helpfulFrom: ['kwame'],
      },
      {
        by: 'lena',
        body: 'Friends went quiet for me too. I sent one message: "I am still me. Come for tea." Two came.',
        reactions: [['kwame', 'thank_you']],
      },
    ],
  },
  {
    by: 'lena',
    category: 'young-stroke',
    title: 'Being a mum after stroke',
    body: 'My children are 4 and 7. I get tired by the school run. How do other parents cope?',
    replies: [
      {
        by: 'priya',
        body: 'I let the children help: they fetch things and we made it a game. And I said yes to every offer of help from other parents.',
        helpfulFrom: ['lena'],
      },
      {
        by: 'marcus',
        body: 'Rest while they are at school, even if the house is a mess. It can wait.',
      },
    ],
  },
  {
    by: 'dev',
    category: 'young-stroke',
    title: 'Telling a new partner',
    body: 'When do you tell someone you are dating about your stroke? I never know what to say.',
    replies: [
      {
        by: 'marcus',
        body: 'Early, in a few words. "I had a stroke at 31. I get tired. I am fine to talk about it."',
      },
      { by: 'kwame', body: 'Good question. Me too.' },
    ],
  },
  // Back to work
  {
    by: 'priya',
    category: 'back-to-work',
    title: 'Reasonable adjustments that helped me',
    body: 'Back at my desk job for a year. What helped: a later start, a screen reader for long documents, and notes after every meeting.\n\nWhat helped you?',
    helpfulFrom: ['dev', 'kwame', 'lena'],
    replies: [
      {
        by: 'dev',
        body: 'A quiet room for one hour after lunch. **Ask occupational health**: they wrote the plan with me.',
        helpfulFrom: ['priya', 'kwame'],
      },
    ],
  },
  {
    by: 'george',
    category: 'back-to-work',
    title: 'Stopping work',
    body: 'I decided not to go back. I was a builder. It was a hard choice. Now I help at the allotment.',
    reactions: [
      ['frank', 'sending_strength'],
      ['helen', 'thank_you'],
    ],
    replies: [
      { by: 'frank', body: 'Same choice for me. Not going back is a kind of going forward too.' },
    ],
  },
  // Introductions
  {
    by: 'sam',
    category: 'introductions',
    title: 'New here: son of a survivor',
    body: 'Hi all. My mum had a stroke last year. I am learning as I go. Glad to find this place.',
    replies: [{ by: 'nora', body: "Welcome, Sam. The carers' space is a good place to start." }],
  },
  {
    by: 'rosa',
    category: 'introductions',
    title: 'Hello from Rosa',
    body: 'Hello. Stroke in 2024. My eyes changed, so I use big text. Nice to meet you.',
    replies: [{ by: 'june', body: 'Hello Rosa. Big text for me too. Welcome.' }],
  },
];
