// The labelled set the screening engine is measured on (screening.test.ts): sentences of the
// kind people write after stroke, each with the tier a trained moderator would give it. Most
// are ordinary, and many of those hold the words a careless list trips on (die, kill, pills,
// tonight, give up, bridge, tablet, hang). Written before the phrase list was tuned.
import type { ScreeningTier } from '../../../contract/safety';

export type SetCategory =
  | 'ordinary'
  | 'figurative'
  | 'past'
  | 'negation'
  | 'third-person'
  | 'second-person'
  | 'aphasic'
  | 'ongoing'
  | 'plan';

export interface LabelledSentence {
  text: string;
  tier: ScreeningTier;
  category: SetCategory;
}

const ordinary: string[] = [
  'The fatigue is the worst part. I sleep for two hours every afternoon.',
  "Speech therapy went well today, I said my grandson's name for the first time.",
  'Does anyone else get so tired after a shower that they need to lie down?',
  'My right hand still will not open properly but the physio says it is early days.',
  'I take all my pills in the morning with breakfast.',
  'Tonight I am going to try cooking a simple meal on my own.',
  'My husband has been amazing, he does everything for me now and I feel guilty.',
  'I get so angry at myself when the words will not come out.',
  'Words come out wrong. Wife understand me. Good day.',
  'Walked to the end of the road and back today without my stick!',
  'I have given up driving since the stroke, my wife takes me everywhere.',
  'Is it normal to cry at adverts now? I never used to.',
  'Three years on and I still cannot read a book, but audiobooks have saved me.',
  'My consultant changed my blood pressure tablets and I feel dizzy.',
  'We are going on holiday to Wales next week, first time since my stroke.',
  'I could not go on the bus alone for months, now I can.',
  'Occupational therapy gave me a special knife and fork, they make eating easier.',
  'I am so proud of my mum, she walked across the bridge in the park today.',
  'The rope handle on the stairs helps me pull myself up.',
  'My left side feels heavy and numb, does it ever go away?',
  'I hate the hospital food, I cannot wait to get home.',
  'Tomorrow I have my first appointment with the neuropsychologist.',
  'I keep forgetting what I was doing halfway through.',
  'My daughter set up my tablet so I can video call the grandchildren.',
  'Does anyone have tips for getting a jumper on with one hand?',
  'Life is different now but it is still a good life.',
  'I thought I would never walk again, yesterday I walked to the shop.',
  'I nearly fell on the stairs last night, it scared me.',
  'Carers come in twice a day, they are kind but always rushed.',
  'I am a carer for my husband and some days I am exhausted.',
  'After my stroke I lost my job, money is tight now.',
  'Aphasia group on Thursday is the highlight of my week.',
  'I get headaches every evening around six.',
  'My wife says I am more patient since the stroke, which made me laugh.',
  'Has anyone tried electrical stimulation for foot drop?',
  'I want to live long enough to see my granddaughter married.',
  'I am planning a small party for my 70th birthday.',
  'My speech therapist says I should keep a diary, so here I am.',
  'I love this group, it is the only place people understand.',
  'The tiredness hits me like a wall at about three o clock.',
  'I have saved up enough to buy a mobility scooter.',
  'Finally finished the jigsaw my son gave me, it took three weeks.',
  'The new tablets make me feel sick in the mornings.',
  'I want to get back to work but I am not ready yet.',
  'I had my stroke in 2019 at the age of 52.',
  'Dad is home from hospital, we are all so relieved.',
  'I get frustrated when people finish my sentences for me.',
  'Physio every day. Hard. But leg better. Happy.',
  'My balance is bad, I use a frame in the house.',
  'I am scared of having another stroke, every headache worries me.',
  'Thank you all for your kind words yesterday, it really helped.',
  'We had fish and chips by the sea, it felt normal again.',
  'I can not remember the last time I slept through the night.',
  'Losing my independence has been the hardest thing.',
  'My neighbour drives me to the stroke club every Tuesday.',
  'I end up in tears when I try to write a shopping list.',
  'Some people at church stopped talking to me, I think they do not know what to say.',
  'My memory is terrible, I put the kettle in the fridge yesterday.',
  'Six months since my stroke and I just ran for the bus!',
  'The doctor said I was lucky, the clot buster worked.',
  'I feel low some days but talking here helps.',
  'Swallowing is getting better, I had toast today.',
  'My husband wants to give up work to care for me but I do not want him to.',
  'I never thought I would be so tired all the time.',
  'How long did it take for your speech to come back?',
  "I am learning to write with my left hand, it looks like a child's writing.",
  'We sold the car because I can not drive any more.',
  'I am going to ask my GP about antidepressants tomorrow.',
  'The stroke nurse visits on Friday to check my blood pressure.',
  'Grief for the person I was before is real.',
  'I lost my sense of taste after the stroke, food is boring.',
  'My son helps me with the computer, I am slowly getting the hang of it.',
  'Hanging the washing out is my exercise now.',
  'I dropped a knife on my foot because my hand would not grip.',
  'I have a plan for my recovery: walk every day, read every day.',
  'I cannot take any more of these forms from the council!',
  'My wife and I celebrated 40 years together last weekend.',
  'The hospital discharged me too early, I think.',
  'Do you find noise harder to cope with since your stroke?',
  'My arm hurts at night, is that normal?',
  'I hurt my shoulder trying to lift the shopping.',
  'I hurt myself falling out of bed last week.',
  'Our cat sleeps on my bad side, it keeps me warm.',
  'I started painting again, only with my left hand.',
  'People say I look well, they do not see the fatigue.',
  'I had a good cry today and then felt better.',
  'The speech app on my phone helps me find words.',
  'I am so fed up with waiting for my wheelchair assessment.',
  'Went to the pub with my mates, first time in a year.',
  'My partner left after my stroke. I am better off without him.',
  'My memory for names has gone, I call everyone love now.',
  'Can anyone recommend a good one handed chopping board?',
  'Fell asleep on the sofa at seven, woke up at midnight.',
  'I wake up every morning and wonder if today my hand will work.',
  'I am done with physio for today, my legs are jelly.',
  'I do not want to live in a care home, I want to stay in my own house.',
  'I want to be independent again.',
  'Stroke at 34. The young stroke group saved my sanity.',
  'My friend from stroke club died last month, I miss her.',
  'The pharmacist put all my tablets in a dosette box, it is so much easier.',
  'I want my old life back, the one where I could run.',
  'We are planning to move to a bungalow next year.',
  'Getting up the hill to the shops is killing my knees but I do it.',
  'My wife is going away for the weekend, my son will stay with me.',
  'I do not want to give up on my speech, I practise every day.',
  'Please tell me it gets better. Six weeks in and everything is hard.',
  'I end every day with a crossword, it keeps my brain going.',
  'I will not be able to come to the meeting tomorrow, sorry everyone.',
  'Goodbye for now, I am off to my daughter for a week.',
  'I cut myself shaving because my hand shakes.',
];

const figurative: string[] = [
  'This fatigue is killing me.',
  'I could kill for a coffee right now.',
  'My legs are killing me after that walk.',
  'I nearly died laughing when my grandson tried to do my exercises.',
  'I am dying for a cup of tea.',
  'I am bored to death in this hospital bed.',
  'I would rather die than eat that hospital jelly again.',
  'I could have killed my husband when he told everyone about my fall.',
  'Dead tired after physio today, but I did all my exercises.',
  'The heat is killing me, I cannot sleep.',
  'I am sick to death of people asking if I am better yet.',
  'My phone died so I could not call for a lift.',
  'I am dying to see my grandchildren at Christmas.',
  'I would die of embarrassment if anyone saw me fall.',
  'Killing time in the waiting room again.',
  'These stairs will be the death of me.',
  'I want to die of shame when I cannot get my words out.',
  'I will kill two birds with one stone and see the GP on the way.',
  'Scared to death before my MRI but it was fine.',
  'My nurse says the cake in the café is to die for.',
  'I nearly killed myself on the stairs this morning, that rug has to go.',
];

const past: string[] = [
  'After my stroke I wanted to die, now I am glad I am here.',
  'In hospital I felt like giving up, but my family kept me going.',
  'For the first few months I thought about ending it all. Things are better now.',
  'I tried to kill myself years ago, long before the stroke, and I got help.',
  'When I first came home I wished the stroke had killed me.',
  'Back then I did not want to live, now I enjoy every sunrise.',
  'I was suicidal in the rehab unit, the psychologist helped me through it.',
  'At one point I felt everyone would be better off without me.',
  'I used to think about suicide a lot after my stroke.',
  'My first year I prayed not to wake up. I am glad my prayers were not answered.',
  'I felt like a burden for a long time, but my wife set me straight.',
  'Two years ago I wanted to end my life. Today I walked 5k for the Stroke Association.',
  'I remember lying in that bed wanting to die.',
  'My mum felt suicidal after her stroke too, she is doing well now.',
  'At the time I could not see the point in living.',
  'My mother felt she was a burden before she passed away.',
];

const negation: string[] = [
  'I would never hurt myself, I have too much to live for.',
  'I do not want to die, I want to get better.',
  'I am not suicidal, just very tired and fed up.',
  'Do not worry, I am not going to do anything silly.',
  'I have no plans to end my life, I just needed to let off steam.',
  'I never want to give up on my recovery.',
  'The nurse asked if I want to hurt myself and I said no.',
  'I do not want to kill myself, I just want the pain to stop.',
  'I would not ever take my own life, I could not do that to my kids.',
  'Killing myself has never crossed my mind.',
  'I am not thinking about ending it, I promise.',
  'You are not a burden, please do not think that.',
];

const thirdPerson: [string, ScreeningTier][] = [
  ['My husband says he wants to give up.', 'medium'],
  ['My dad keeps saying he wants to die since his stroke.', 'medium'],
  ['My wife told me last night she does not want to live like this.', 'medium'],
  ['Mum says she wishes the stroke had killed her.', 'medium'],
  ['My brother has been talking about suicide and I do not know what to do.', 'medium'],
  ['Our son thinks his dad wants to die but he will not talk about it.', 'medium'],
  ['My husband has been saving his tablets and said he will take them all on Friday.', 'high'],
  ['My dad said he is going to hang himself if he has to go into a home.', 'high'],
];

const secondPerson: [string, ScreeningTier][] = [
  ['If you ever feel like ending it all, please call Samaritans on 116 123.', 'low'],
  ['If you are feeling suicidal, talk to your GP today.', 'low'],
  ['Suicide after stroke is more common than people think, we should talk about it.', 'low'],
  ['Has anyone else had thoughts of suicide after their stroke?', 'medium'],
];

const aphasic: [string, ScreeningTier][] = [
  ['no want live more', 'medium'],
  ['tired of lif', 'medium'],
  ['want die', 'medium'],
  ['me want die. every day.', 'medium'],
  ['i kil myself', 'medium'],
  ['life no good. want dead', 'medium'],
  ['cant go on no more', 'medium'],
  ['Stroke took everything. No reason live.', 'medium'],
  ['wife better without me', 'medium'],
  ['i wan to die sory', 'medium'],
  ['suicde thoughts again', 'medium'],
  ['why live. no point', 'medium'],
  ['pills tonite take all. sorry', 'high'],
  ['no more. tablets all saved. tonight', 'high'],
  ['sorry everyone. goodbye. bridge tonight.', 'high'],
];

const ongoing: [string, ScreeningTier][] = [
  ['I just want to die, every day is the same pain.', 'medium'],
  ['I wish the stroke had killed me.', 'medium'],
  ['Some days I feel everyone would be better off without me.', 'medium'],
  ['I do not want to be here any more.', 'medium'],
  ['I go to bed hoping I do not wake up.', 'medium'],
  ['What is the point of living like this?', 'medium'],
  ['I cannot go on like this, I am so tired of living.', 'medium'],
  ['I keep thinking about ending my life.', 'medium'],
  ['I feel suicidal tonight and I do not know why.', 'medium'],
  ['I have been having suicidal thoughts for weeks.', 'medium'],
  ['Nobody would miss me if I was gone.', 'medium'],
  ['I have nothing left to live for since the stroke.', 'medium'],
  ['I am so tired of fighting, I just want it all to be over.', 'medium'],
  ['I can not do this any more.', 'medium'],
  ['I wish I could go to sleep and never wake up.', 'medium'],
  ['I feel like ending it all.', 'medium'],
  ['I want to kill myself.', 'medium'],
  ['I hate being alive.', 'medium'],
  ["I can't stop thinking about killing myself.", 'medium'],
  ["I don't want to live anymore.", 'medium'],
  ['I feel like a burden to my wife.', 'low'],
  ['I am in a very dark place at the moment.', 'low'],
  ['I feel hopeless, nothing will ever get better.', 'low'],
  ['I hate my life since the stroke.', 'low'],
];

const plan: string[] = [
  'I have saved my pills and will take them tonight.',
  'I am going to kill myself.',
  'I have written letters to my children and I know how I will do it.',
  'Tonight I will take every tablet in the house.',
  'I have the rope ready in the garage.',
  'I am going to jump off the bridge near my house.',
  'By the time you read this I will be gone.',
  'I have decided to end my life on Sunday when my wife is at her sister.',
  'I want to die. I have enough pills here to do it.',
  "I'm going to end it all this weekend.",
  'I have been stockpiling my sleeping tablets for a month.',
  'Goodbye everyone, thank you for being my friends. I cannot do this any more and tonight I will end it.',
  'I have looked up how many tablets it would take.',
  'I will walk into the sea tomorrow and not come back.',
  'I plan to take an overdose when my husband goes away.',
  'I keep thinking about hanging myself from the banister.',
  'This is my last post. I have made my decision.',
  'I will cut my wrists tonight.',
  'I am sat on the bridge now and I want to jump.',
  'Sometimes I think about driving into a wall.',
];

export const screeningSet: LabelledSentence[] = [
  ...ordinary.map((text) => ({ text, tier: 'none' as const, category: 'ordinary' as const })),
  ...figurative.map((text) => ({
    text,
    tier: 'none' as const,
    category: 'figurative' as const,
  })),
  { text: 'I could kill myself for forgetting her birthday.', tier: 'low', category: 'figurative' },
  ...past.map((text) => ({ text, tier: 'low' as const, category: 'past' as const })),
  ...negation.map((text) => ({ text, tier: 'none' as const, category: 'negation' as const })),
  ...thirdPerson.map(([text, tier]) => ({ text, tier, category: 'third-person' as const })),
  ...secondPerson.map(([text, tier]) => ({ text, tier, category: 'second-person' as const })),
  ...aphasic.map(([text, tier]) => ({ text, tier, category: 'aphasic' as const })),
  ...ongoing.map(([text, tier]) => ({ text, tier, category: 'ongoing' as const })),
  ...plan.map((text) => ({ text, tier: 'high' as const, category: 'plan' as const })),
];

/**
 * Written after the list and the rules were tuned on `screeningSet`, and not tuned on: the
 * fairer guess at how the engine does on words it has not seen.
 */
export const unseenSet: LabelledSentence[] = [
  ...(
    [
      'My wife is a saint, I would be lost without her.',
      'I killed it at physio today, ten steps without the frame!',
      'The stroke nearly killed me, the doctors said I was lucky.',
      'I am dying to get back in the garden.',
      'Anyone else find the evenings hardest?',
      'My tablets are in a blister pack now, much easier.',
      'I have enough pills to last until the pharmacy opens on Monday.',
      'We went to the cliff top café for my birthday.',
      'I gave up on the crossword, my brain was tired.',
      'My stroke was ten years ago and life is good.',
      'Going to bed early tonight, long day.',
      'I cannot go on the computer for long, my eyes hurt.',
      'I want to end the day on a good note.',
      "I'm not going to let this stroke beat me.",
      'Dad passed away last year, I still miss him.',
      'I could murder a cup of tea.',
    ] as const
  ).map((text) => ({ text, tier: 'none' as const, category: 'ordinary' as const })),
  ...(
    [
      ['There was a time I felt like ending it, but that was before I found this group.', 'past'],
      ['My first thought when I woke up in hospital was that I wanted to die.', 'past'],
      ['My dad took his own life when I was young, and I think about him a lot.', 'past'],
      ['I felt hopeless for months after the stroke.', 'past'],
    ] as const
  ).map(([text, category]) => ({ text, tier: 'low' as const, category })),
  ...(
    [
      ["Honestly some days I don't see the point in carrying on.", 'ongoing'],
      ["Everyone would be better off if I wasn't here.", 'ongoing'],
      ["I'm so tired of this life, I want it to end.", 'ongoing'],
      ["I keep wishing I hadn't survived the stroke.", 'ongoing'],
      ["I just don't want to wake up tomorrow.", 'ongoing'],
      ['Sometimes I think my family would be happier without me.', 'ongoing'],
      ['i want to die i want to die i want to die', 'aphasic'],
      ['I have thoughts of ending my life most days.', 'ongoing'],
      ["my husband keeps saying he'd be better off dead", 'third-person'],
      ['I think about death all the time, I wish it would come.', 'ongoing'],
    ] as const
  ).map(([text, category]) => ({ text, tier: 'medium' as const, category })),
  ...(
    [
      ["I've got a stash of pills in the drawer and I'm going to use them tonight.", 'plan'],
      ["I'm going to take all my tablets tonight when everyone is asleep.", 'plan'],
      ["I've written my note. I'm ready.", 'plan'],
      ['I am going to end my life tomorrow.', 'plan'],
      ['wife gone out. taking pills now. bye', 'aphasic'],
      ['I will kill myself this weekend, I have decided.', 'plan'],
      ["I've been researching ways to kill myself.", 'plan'],
      ["I'm planning to hang myself.", 'plan'],
    ] as const
  ).map(([text, category]) => ({ text, tier: 'high' as const, category })),
];
