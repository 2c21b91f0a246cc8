// Blocks: a member mutes, ignores or blocks another for a time. Other modules ask who keeps
// whom away through its face (face.ts), built first in the wiring.

import { setBlock, stopBlock } from './choosing';
import { type BlocksDeps, type BlocksServiceDeps, blocksDeps } from './deps';
import { type BlocksFace, createBlocksFace } from './face';
import { blockList } from './listing';

export type BlocksService = ReturnType<typeof createBlocksService>;

export function createBlocksService(
  serviceDeps: BlocksServiceDeps & { face?: BlocksFace | undefined },
) {
  const deps = blocksDeps(serviceDeps);
  const face = serviceDeps.face ?? createBlocksFace(serviceDeps);
  /** A use case with its deps given: the same function, called as (actor, ...). */
  const use =
    <A extends unknown[], R>(useCase: (deps: BlocksDeps, ...args: A) => R) =>
    (...args: A): R =>
      useCase(deps, ...args);
  return {
    ...face,
    list: use(blockList),
    set: use(setBlock),
    stop: use(stopBlock),
  };
}
