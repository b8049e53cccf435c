import { rmSync } from 'node:fs';

/** Temporary folders a test file made, removed together when its tests are done (`after`). */
export function scratchFolders(): { keep<T extends string>(dir: T): T; removeAll(): void } {
  const dirs: string[] = [];
  return {
    keep(dir) {
      dirs.push(dir);
      return dir;
    },
    removeAll() {
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}
