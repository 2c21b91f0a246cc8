import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { Notice } from '../../ui/fields';
import { RichText } from '../../ui/RichText';
import type { SentCare } from './Composer';
import { useModerationHours } from './moderation-hours';
import { SupportPanel } from './SupportPanel';

/** What the new-topic page hands to the topic it just made (router state). */
export interface NewTopicState {
  sentCare: SentCare & { topicId: string };
}

/**
 * On a topic its writer just posted: held for a moderator, said in words, and the support
 * panel when the words worried the screening (the composer that sent it is gone by now).
 */
export function NewTopicCare({ topicId }: { topicId: string }) {
  const state = useLocation().state as Partial<NewTopicState> | null;
  const care = state?.sentCare?.topicId === topicId ? state.sentCare : null;
  if (!care || (!care.held && !care.care.support)) return null;
  return (
    <>
      {care.held && <HeldTopicNote review={care.review ?? false} />}
      <SupportPanel open={care.care.support} sent level={2} />
    </>
  );
}

function HeldTopicNote({ review }: { review: boolean }) {
  const { t } = useTranslation();
  const moderatorsLook = useModerationHours(t('forum.care.heldSoon'));
  return (
    <Notice kind="ok">
      <p>
        <RichText text={t(review ? 'forum.care.reviewTopic' : 'forum.care.heldTopic')} />
      </p>
      <p>{moderatorsLook}</p>
    </Notice>
  );
}
