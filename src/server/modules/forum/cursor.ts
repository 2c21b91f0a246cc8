// The forum pages with the one keyset cursor helper (lib/pagination.ts).
export { decodeCursor, encodeCursor, type Position } from '../../lib/pagination';
