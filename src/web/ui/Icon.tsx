/** Simple line pictures that always sit beside a word; hidden from screen readers. */
const paths = {
  home: 'M3 11l9-8 9 8M5 10v10h5v-6h4v6h5V10',
  groups:
    'M8 11a3 3 0 100-6 3 3 0 000 6zm8 0a3 3 0 100-6 3 3 0 000 6zM2 20c0-3 3-5 6-5s6 2 6 5m-1-4c1-.6 2-1 3-1 3 0 6 2 6 5',
  forum: 'M4 5h16v10H9l-5 4V5z',
  events: 'M4 6h16v14H4zM4 10h16M8 3v5m8-5v5',
  me: 'M12 12a4 4 0 100-8 4 4 0 000 8zm-8 9c0-4 4-6 8-6s8 2 8 6',
  help: 'M12 21s-8-5-8-11a5 5 0 019-3 5 5 0 019 3c0 6-8 11-8 11z',
  phone: 'M5 3h4l2 5-3 2a12 12 0 006 6l2-3 5 2v4a2 2 0 01-2 2A18 18 0 013 5a2 2 0 012-2z',
  text: 'M4 4h16v12H8l-4 4zM8 9h8M8 12h5',
  speaker: 'M4 9h4l5-4v14l-5-4H4zM16 9a4 4 0 010 6m2-9a8 8 0 010 12',
  stop: 'M6 6h12v12H6z',
  signIn: 'M10 17l5-5-5-5M15 12H3m10-9h6v18h-6',
  settings: 'M4 7h10m4 0h2M4 17h2m4 0h10M14 4v6M8 14v6',
  mail: 'M3 5h18v14H3zM3 5l9 8 9-8',
  check: 'M4 12l5 5L20 6',
  globe: 'M12 21a9 9 0 100-18 9 9 0 000 18zM3 12h18M12 3c3 3 3 15 0 18m0-18c-3 3-3 15 0 18',
  video: 'M3 7h12v10H3zM15 10l6-3v10l-6-3',
  pin: 'M12 21s-7-6-7-12a7 7 0 0114 0c0 6-7 12-7 12zm0-9a3 3 0 100-6 3 3 0 000 6z',
  door: 'M6 21V3h12v18M3 21h18M14 12h1',
  // Forum
  bookmark: 'M6 3h12v18l-6-5-6 5z',
  search: 'M10 17a7 7 0 100-14 7 7 0 000 14zm5-2l6 6',
  tip: 'M9 18h6m-5 3h4M12 3a6 6 0 00-4 10c1 1 1 2 1 3h6c0-1 0-2 1-3a6 6 0 00-4-10z',
  write: 'M4 20h4L19 9l-4-4L4 16zM14 6l4 4',
  mic: 'M12 3a3 3 0 00-3 3v6a3 3 0 006 0V6a3 3 0 00-3-3zM5 11a7 7 0 0014 0M12 18v3',
  device: 'M7 2h10v20H7zM11 18h2',
  // Mute, ignore and block
  bellOff: 'M6 16v-5a6 6 0 019-5.2M18 11v5l2 2H4l2-2M10 20a2 2 0 004 0M3 3l18 18',
  eyeOff: 'M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12zm10 3a3 3 0 100-6 3 3 0 000 6zM3 3l18 18',
  block: 'M12 21a9 9 0 100-18 9 9 0 000 18zM5.6 5.6l12.8 12.8',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      width="28"
      height="28"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={paths[name]} />
    </svg>
  );
}
