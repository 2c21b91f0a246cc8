// Rows as people see them: a block row, with the other person's name, into the contract's type.
import type { Block } from '../../../contract/blocks';
import { t } from '../../lib/i18n';
import type { BlockRow } from './queries';

export function toBlock(row: BlockRow, names: Map<string, { displayName: string }>): Block {
  return {
    person: {
      id: row.otherId,
      displayName: names.get(row.otherId)?.displayName ?? t('forum.server.formerMember'),
    },
    strength: row.strength,
    until: row.until?.toISOString() ?? null,
    since: row.createdAt.toISOString(),
  };
}
