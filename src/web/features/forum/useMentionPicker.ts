import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentionableMember } from '../../../contract/profiles';
import { findMentionable } from '../../api/profiles';

/** The "@name" being typed just before the caret: where it starts and ends, and the name part. */
export interface MentionToken {
  start: number;
  end: number;
  query: string;
}

/** As many letters as the server looks up (MentionableQuery), and no more. */
const MAX_QUERY = 60;
/** Letters typed after "@" before names are looked up: one letter finds too many. */
const MIN_LETTERS = 2;
const DEBOUNCE_MS = 250;

/**
 * The "@" word the caret is at the end of, or null. An "@" inside a word (an email
 * address) or inside a mention already made ("[@Maria") starts nothing; a name may hold
 * single spaces, as people type a whole name.
 */
export function mentionAt(text: string, caret: number): MentionToken | null {
  const at = text.lastIndexOf('@', caret - 1);
  if (at < 0 || caret - at - 1 > MAX_QUERY) return null;
  const before = at === 0 ? '' : (text[at - 1] ?? '');
  if (before !== '' && !/[\s("'“‘]/u.test(before)) return null;
  const query = text.slice(at + 1, caret);
  if (!/^[\p{L}\p{N}]/u.test(query) || /[@[\]()\n\r\t]|\s\s/u.test(query)) return null;
  if ((query.match(/[\p{L}\p{N}]/gu) ?? []).length < MIN_LETTERS) return null;
  return { start: at, end: caret, query };
}

/**
 * The markdown of a mention, `[@Maria Lopez](/members/<id>)`, with the characters that
 * mean something in markdown escaped, so any name stays the link's words.
 */
export function mentionMarkdown(member: MentionableMember): string {
  const name = member.displayName.replace(/[\\[\]*_`&!]/g, '\\$&');
  return `[@${name}](/members/${member.id})`;
}

interface PickerOptions {
  /** A prefix for the list's and options' ids. */
  idBase: string;
  /** Replaces what lies between start and end with the mention; the caret goes after it. */
  onPick(start: number, end: number, markdown: string): void;
}

export type MentionPicker = ReturnType<typeof useMentionPicker>;

/**
 * The combobox behaviour the composer's text box gets for "@" (WAI-ARIA APG combobox with
 * a listbox popup): focus stays in the text box, aria-activedescendant points at the
 * option, Up and Down move, Enter or Tab picks, Escape closes, and a polite status says
 * how many were found.
 */
export function useMentionPicker({ idBase, onPick }: PickerOptions) {
  const { t } = useTranslation();
  const [token, setToken] = useState<MentionToken | null>(null);
  const [members, setMembers] = useState<MentionableMember[]>([]);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  /** Where the "@" was that Escape closed the list for: it stays closed for that word. */
  const dismissedAt = useRef<number | null>(null);
  /** Names typed (lower case) that found nobody: a longer name starting so finds nobody too. */
  const foundNobody = useRef<string[]>([]);
  const lookup = useRef(0);
  const listId = `${idBase}-mentions`;
  const optionId = (index: number) => `${idBase}-mention-${index}`;
  const open = token !== null && members.length > 0;
  const start = token?.start ?? null;
  const query = token?.query ?? null;

  // The token as of the last keystroke, for handlers that run before React draws again.
  const current = useRef<MentionToken | null>(null);
  const keep = useCallback((next: MentionToken | null) => {
    current.current = next;
    setToken(next);
  }, []);

  const close = useCallback(
    (said = '') => {
      lookup.current += 1;
      keep(null);
      setMembers([]);
      setActive(-1);
      setStatus(said);
    },
    [keep],
  );

  /** Follows the text box: call after every change and caret move. */
  const follow = useCallback(
    (box: HTMLTextAreaElement) => {
      const found =
        box.selectionStart === box.selectionEnd ? mentionAt(box.value, box.selectionStart) : null;
      // Off the word, Escape is forgotten: coming back to it opens the list again.
      if (found === null) dismissedAt.current = null;
      if (found === null || found.start === dismissedAt.current) {
        if (current.current !== null) close();
        return;
      }
      const was = current.current;
      if (was?.start !== found.start || was.end !== found.end || was.query !== found.query) {
        keep(found);
      }
    },
    [close, keep],
  );

  // A new "@" word starts afresh: what found nobody for another word says nothing here.
  useEffect(() => {
    if (start === null) return;
    foundNobody.current = [];
  }, [start]);

  useEffect(() => {
    if (query === null) return;
    const typed = query.trim().toLowerCase();
    const mine = ++lookup.current;
    // A name chosen for fewer letters may not fit these: nothing is picked until it is chosen again.
    setActive(-1);
    if (foundNobody.current.some((nobody) => typed.startsWith(nobody))) {
      setMembers([]);
      return;
    }
    const timer = setTimeout(async () => {
      try {
        const answer = await findMentionable(query);
        if (mine !== lookup.current) return;
        if (answer.members.length === 0) foundNobody.current.push(typed);
        setMembers(answer.members);
        setActive(-1);
        setStatus(
          answer.members.length > 0
            ? t('forum.mentions.found', { count: answer.members.length })
            : t('forum.mentions.none'),
        );
      } catch {
        if (mine !== lookup.current) return;
        setMembers([]);
        setStatus(t('forum.mentions.failed'));
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, t]);

  // The option chosen by key stays in sight on a small screen.
  useEffect(() => {
    if (active < 0) return;
    document.getElementById(`${idBase}-mention-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, idBase]);

  function pick(member: MentionableMember) {
    const at = current.current;
    if (!at) return;
    onPick(at.start, at.end, mentionMarkdown(member));
    dismissedAt.current = null;
    close(t('forum.mentions.picked', { name: member.displayName }));
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!open || event.nativeEvent.isComposing) return;
    const count = members.length;
    const chosen = active >= 0 ? members[active] : undefined;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => (i + 1) % count);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (i <= 0 ? count - 1 : i - 1));
    } else if ((event.key === 'Enter' || event.key === 'Tab') && chosen && !event.shiftKey) {
      // With no name chosen, Enter is a new line and Tab moves on, as always.
      event.preventDefault();
      pick(chosen);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      dismissedAt.current = current.current?.start ?? null;
      close();
    }
  }

  return {
    open,
    members,
    active,
    status,
    listId,
    optionId,
    pick,
    follow,
    onKeyDown,
    /** Closes the list when the text box loses focus; what was typed stays. */
    onBlur: () => close(),
    /** The text box's side of the combobox. */
    textBoxProps: {
      'aria-autocomplete': 'list' as const,
      'aria-controls': open ? listId : undefined,
      'aria-activedescendant': open && active >= 0 ? optionId(active) : undefined,
    },
  };
}
