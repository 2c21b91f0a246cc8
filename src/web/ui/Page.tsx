import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** A page's title: sets the document title and takes focus after navigation. */
export function Page({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} - ${t('app.name')}`;
    // After a move between pages, put keyboard and screen-reader focus on the new title.
    if (window.history.state?.idx > 0 || document.activeElement !== document.body) {
      heading.current?.focus({ preventScroll: false });
    }
  }, [title, t]);
  return (
    <>
      {/* dir="auto": many titles are people's own words (a topic, a group), in any language. */}
      <h1 ref={heading} tabIndex={-1} dir="auto">
        {title}
      </h1>
      {children}
    </>
  );
}
