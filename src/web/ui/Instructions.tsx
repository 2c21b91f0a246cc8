import { ReadAloud } from './ReadAloud';
import { RichText } from './RichText';

/** A block of instructions with its own read-aloud button (ACCESSIBILITY.md A7). */
export function Instructions({ lines }: { lines: string[] }) {
  return (
    <div className="instructions">
      {lines.map((line) => (
        <p key={line}>
          <RichText text={line} />
        </p>
      ))}
      <ReadAloud text={lines.join(' ')} />
    </div>
  );
}
