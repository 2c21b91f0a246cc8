import { Fragment } from 'react';

/** Shows translation text with **key words** in bold (aphasia-friendly guidelines). */
export function RichText({ text }: { text: string }) {
  const parts = text.split(/(\*\*[^*]+\*\*)/g);
  return (
    <>
      {parts.map((part, i) =>
        part.startsWith('**') && part.endsWith('**') ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed string
          <strong key={i}>{part.slice(2, -2)}</strong>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed string
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

/** The same text without the bold marks, for reading aloud. */
export function plain(text: string): string {
  return text.replaceAll('**', '');
}
