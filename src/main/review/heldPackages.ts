import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArticleId } from '../../shared/domain/article';

/**
 * Packages that met local changes, kept (as the verified file) until the conflict view resolves them, so a
 * conflict survives a restart and nothing of either side is lost meanwhile. One per article: a newer package
 * for the same article replaces the one held.
 */
export function createHeldPackages(dataDir: string) {
  const dir = join(dataDir, 'review-conflicts');
  // Article ids are uuids: checked anyway, so a name can never point outside the folder.
  const fileOf = (articleId: string): string => join(dir, `${ArticleId.parse(articleId)}.zip`);

  return {
    hold(articleId: string, bytes: Uint8Array): void {
      mkdirSync(dir, { recursive: true });
      const temp = join(dir, `.${randomBytes(8).toString('hex')}.part`);
      writeFileSync(temp, bytes);
      renameSync(temp, fileOf(articleId));
    },
    read(articleId: string): Uint8Array | undefined {
      const file = fileOf(articleId);
      return existsSync(file) ? readFileSync(file) : undefined;
    },
    has: (articleId: string): boolean => existsSync(fileOf(articleId)),
    drop(articleId: string): void {
      rmSync(fileOf(articleId), { force: true });
    },
  };
}

export type HeldPackages = ReturnType<typeof createHeldPackages>;
