import { useTranslation } from 'react-i18next';
import type { Author } from '../../../contract/forum';

/** The writer's name and, in words, who they are (survivor, caregiver ...). */
export function AuthorName({ author }: { author: Author }) {
  const { t } = useTranslation();
  return (
    <>
      <strong dir="auto">{author.displayName}</strong>
      {author.role && <span className="author-role">{t(`roles.short.${author.role}`)}</span>}
    </>
  );
}

/** Dates in words, in the person's own way of writing them. */
export function When({ iso }: { iso: string }) {
  const date = new Date(iso);
  const locale = typeof navigator === 'undefined' ? undefined : navigator.language;
  const text = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(
    date,
  );
  return <time dateTime={iso}>{text}</time>;
}
