import type { MyProfile } from '../../../contract/profiles';
import type { Actor } from '../../lib/access';

/** What other modules may ask of profiles: today, only a person's own profile (to prefill forms). */
export interface ProfilesFace {
  myProfile(actor: Actor): Promise<MyProfile>;
}
