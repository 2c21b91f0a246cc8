// English strings. Each feature keeps its own file, under a key of its name,
// so features can grow without stepping on each other.
import blocks from './blocks.json';
import events from './events.json';
import forum from './forum.json';
import gatherings from './gatherings.json';
import groups from './groups.json';
import moderation from './moderation.json';
import notifications from './notifications.json';
import safety from './safety.json';
import translation from './translation.json';
import trust from './trust.json';

export const en = {
  ...translation,
  blocks,
  events,
  forum,
  gatherings,
  groups,
  moderation,
  notifications,
  safety,
  trust,
};
