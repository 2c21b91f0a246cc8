import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where uploaded files live. Local disk by default; an S3-compatible store at scale. */
export interface Storage {
  put(key: string, data: Buffer): Promise<void>;
  /** The file, or null when there is none. */
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

// Keys are made by the app (a uuid and an extension), never by a person: this keeps it so.
const SAFE_KEY = /^[a-z0-9-]+\/[0-9a-f-]{36}\.[a-z0-9]{2,5}$/;

function checked(key: string): string {
  if (!SAFE_KEY.test(key)) throw new Error(`unsafe storage key: ${key}`);
  return key;
}

export function localDiskStorage(root: string): Storage {
  return {
    async put(key, data) {
      const path = join(root, checked(key));
      await mkdir(join(path, '..'), { recursive: true });
      await writeFile(path, data);
    },
    async get(key) {
      try {
        return await readFile(join(root, checked(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(join(root, checked(key)), { force: true });
    },
  };
}
