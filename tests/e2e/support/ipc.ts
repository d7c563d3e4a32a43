import type { Page } from '@playwright/test';

/** Calls a channel from inside the page, with the page's own cookie, as the renderer would. */
export async function ipc<T>(page: Page, channel: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ([name, body]) => {
      const response = await fetch(`/ipc/${name}`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      });
      const result = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      if (!result.ok) throw new Error(result.error?.message);
      return result.value;
    },
    [channel, input] as const,
  ) as Promise<T>;
}

/** An article with every field filled, made through the same channels the editor uses. */
export async function makeArticle(
  page: Page,
  fields: Record<string, unknown>,
  language: 'fr' | 'ar' = 'fr',
): Promise<{ id: string; revision: number }> {
  const created = await ipc<{ id: string; revision: number; [k: string]: unknown }>(page, 'articles:create', {
    language,
  });
  const { id, revision, kicker, headline, standfirst, body, slug, seoTitle, seoDescription } = created;
  // A section, so the pre-publish checklist lets it go out unless a test says otherwise.
  const section = await ipc<{ id: number }>(page, 'terms:create', { kind: 'sections', name: 'Politique' });
  const base = {
    kicker,
    headline,
    standfirst,
    body,
    language,
    slug,
    seoTitle,
    seoDescription,
    sectionId: section.id,
    tagIds: [],
    authorIds: [],
    featuredImage: null,
  };
  return ipc(page, 'articles:save', { id, baseRevision: revision, fields: { ...base, ...fields } });
}

/** A 1x1 PNG, valid enough for the media store's checks. */
export const PIXEL_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** Puts an image in the app's media store, as choosing a file in the editor does, and returns its id. */
export async function uploadImage(page: Page, name = 'photo.png'): Promise<string> {
  const info = await ipc<{ mediaId: string }>(page, 'media:upload', {
    name,
    type: 'image/png',
    data: PIXEL_PNG,
  });
  return info.mediaId;
}
