import { useEffect } from 'react';
import { useLocation } from 'react-router';

/** How long to look for the place a link names while its page loads. */
const LOOK_MS = 8_000;
const EVERY_MS = 100;

/**
 * A notification, an email or a push message leads to a place in a page
 * (`/forum/t/1#post-2`). The page draws it only once its data has come, so the browser's own
 * jump to `#post-2` finds nothing: look for it a while, then focus it, which also scrolls it
 * into view. It must be seen twice in a row, so the page's title (ui/Page.tsx), which takes
 * focus as the page appears, has had its turn.
 */
export function useLinkTarget() {
  const { hash, key } = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: look again on every move, even to the same address
  useEffect(() => {
    const id = hash.length > 1 ? decodeURIComponent(hash.slice(1)) : '';
    // "#token=…" and the like carry data, not a place.
    if (!id || id.includes('=')) return;
    let seen = false;
    const started = Date.now();
    const timer = window.setInterval(() => {
      const target = document.getElementById(id);
      if (target && seen) {
        window.clearInterval(timer);
        if (!target.hasAttribute('tabindex') && target.tabIndex < 0) {
          target.setAttribute('tabindex', '-1');
        }
        target.focus();
        return;
      }
      seen = target !== null;
      if (Date.now() - started > LOOK_MS) window.clearInterval(timer);
    }, EVERY_MS);
    return () => window.clearInterval(timer);
  }, [hash, key]);
}
