import { performance } from 'node:perf_hooks';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { BodyDoc } from '../../src/shared/domain/article';
import { photoCaption } from '../../src/shared/publishing/photoCredit';
import { contentFor, markerOf } from '../../src/main/publishing/mapping';
import { paragraph, publishingFixture, tinyPng } from '../main/publishing/support';
import { ensureWordpress, wordpressSite } from '../support/wordpress';
import type { Bench } from './support/bench';

/**
 * Pushing N articles (default 200), each with a featured image and an inline image in the body, through the
 * outbox to the real WordPress, against a bare fetch client making the same HTTP calls per article (marker
 * search; for each image: media search, upload, media alt/caption; post create with the body's image pointing
 * at the uploaded copy) in the same run, alternating article by article.
 */
/** The article's body: two paragraphs and a photo between them. */
const withImage = (mediaId: string): BodyDoc => ({
  type: 'doc',
  content: [
    ...paragraph('Premier paragraphe du compte rendu. '.repeat(12)).content,
    { type: 'image', attrs: { mediaId, caption: 'Dans la salle', credit: 'AFP', alt: 'La salle' } },
    ...paragraph('Second paragraphe, plus court.').content,
  ],
});

const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;

const bench: Bench = {
  name: 'publish-push',
  async run({ size, workDir, report, log }) {
    const total = size ?? 200;
    // One article at a time, alternating: the shared site's load swings within seconds, so both sides must
    // meet the same moments.
    const batch = 1;
    ensureWordpress();
    const wp = wordpressSite();
    const dir = join(workDir, 'app');
    mkdirSync(dir, { recursive: true });
    const f = publishingFixture(dir, 'editor', { outbox: { baseDelayMs: 200 } });
    const section = f.terms.ensure('sections', 'Culture');
    const auth = `Basic ${Buffer.from(`editor:${wp.users.editor.applicationPassword}`).toString('base64')}`;
    const api = async (
      method: string,
      route: string,
      body?: string | Uint8Array<ArrayBuffer>,
      headers: Record<string, string> = {},
    ) => {
      const send = () =>
        fetch(`${wp.url}/wp-json/${route}`, { method, headers: { authorization: auth, ...headers }, body });
      // A kept-alive connection the server closed while the other side ran fails at once ("other side closed");
      // the outbox retries that on Redac's side, so the bare client tries once more too.
      const res = await send().catch(send);
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${text.slice(0, 200)}`);
      return JSON.parse(text) as { id: number; source_url: string };
    };
    const category = wp.categories.find((c) => c.name === 'Culture')!.id;

    let redacMs = 0;
    let bareMs = 0;
    // Where each side's time goes: waiting on HTTP (headers and body), the rest in-process (CPU, fsyncs, timers).
    const http = { redac: 0, bare: 0 };
    const cpu = { redac: 0, bare: 0 };
    // The two sides must make the same requests: counted, and printed with the figures.
    const calls = { redac: 0, bare: 0 };
    let side: 'redac' | 'bare' = 'redac';
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (...args: Parameters<typeof fetch>) => {
      const t = performance.now();
      calls[side]++;
      const res = await realFetch(...args);
      const body = await res.arrayBuffer();
      http[side] += performance.now() - t;
      return new Response(res.status === 204 ? null : body, { status: res.status, headers: res.headers });
    };
    for (let done = 0; done < total; done += batch) {
      const n = Math.min(batch, total - done);
      const articles = Array.from({ length: n }, (_, i) =>
        f.write(f.articles.create('fr').id, {
          headline: `Festival d’Avignon, jour ${done + i}\u00a0: «\u202fla relève\u202f»`,
          standfirst: 'Le chapeau de l’article.',
          body: withImage(
            f.media.put(
              Uint8Array.from([...tinyPng(done + i + 7), ...Buffer.from(randomUUID())]),
              'image/png',
            ).mediaId,
          ),
          sectionId: section.id,
          featuredImage: {
            // A distinct image per article (bytes after IEND make it unique), put in the media store as the editor does.
            mediaId: f.media.put(
              Uint8Array.from([...tinyPng(done + i), ...Buffer.from(randomUUID())]),
              'image/png',
            ).mediaId,
            caption: 'Sur scène',
            credit: 'AFP',
            alt: 'Des comédiens',
          },
        }),
      );
      side = 'redac';
      let cpuStart = process.cpuUsage();
      let start = performance.now();
      for (const a of articles) f.outbox.enqueue(a.id, f.site.id, 'draft');
      await f.outbox.settle();
      redacMs += performance.now() - start;
      cpu.redac += cpuMs(process.cpuUsage(cpuStart));
      const failed = f.outbox.overview().items.length;
      if (failed) throw new Error(`${failed} operations did not go out`);

      // The bare client: the same calls for as many other articles, built beforehand, no store, no outbox.
      const bare = Array.from({ length: n }, (_, i) => ({
        id: randomUUID(),
        key: `redac-bare${randomUUID().replace(/-/g, '').slice(0, 20)}`,
        inlineKey: `redac-bare${randomUUID().replace(/-/g, '').slice(0, 20)}`,
        title: `Festival d’Avignon (bare), jour ${done + i}`,
      }));
      // One image: search the library for its marker, upload it, set its alt text and caption.
      const sendImage = async (key: string, alt: string, caption: string) => {
        await api('GET', `wp/v2/media?search=${key}&per_page=5`);
        const media = await api(
          'POST',
          'wp/v2/media',
          Uint8Array.from([...tinyPng(key.length), ...Buffer.from(randomUUID())]),
          {
            'content-type': 'image/png',
            'content-disposition': `attachment; filename="${key}-x.png"`,
          },
        );
        await api('POST', `wp/v2/media/${media.id}`, JSON.stringify({ alt_text: alt, caption }), {
          'content-type': 'application/json',
        });
        return media;
      };
      const bareBody = withImage(`${'0'.repeat(64)}.png`);
      side = 'bare';
      cpuStart = process.cpuUsage();
      start = performance.now();
      for (const b of bare) {
        await api(
          'GET',
          `wp/v2/posts?search=${markerOf(b.id)}&status=draft,pending,future,publish,private&context=edit&per_page=20`,
        );
        const featured = await sendImage(b.key, 'Des comédiens', photoCaption('Sur scène', 'AFP', 'fr'));
        const inline = await sendImage(b.inlineKey, 'La salle', photoCaption('Dans la salle', 'AFP', 'fr'));
        const content = contentFor(
          { id: b.id, headline: b.title, standfirst: '', language: 'fr', body: bareBody },
          () => inline.source_url,
        );
        await api(
          'POST',
          'wp/v2/posts?context=edit',
          JSON.stringify({
            title: b.title,
            excerpt: 'Le chapeau de l’article.',
            content,
            status: 'draft',
            categories: [category],
            tags: [],
            featured_media: featured.id,
          }),
          { 'content-type': 'application/json' },
        );
      }
      bareMs += performance.now() - start;
      cpu.bare += cpuMs(process.cpuUsage(cpuStart));
      if ((done + n) % 20 === 0 || done + n === total) log(`${done + n}/${total} pushed`);
    }
    globalThis.fetch = realFetch;
    f.db.close();
    const per = (ms: number) => `${(ms / total).toFixed(0)} ms`;
    // Redac's once-per-site lookups (users/me, the category) are the only calls the bare client leaves out.
    log(`HTTP requests: Redac ${calls.redac}, bare ${calls.bare}`);
    log(
      `per article: Redac ${per(redacMs)} (HTTP ${per(http.redac)}, in-process ${per(redacMs - http.redac)}, CPU ${per(cpu.redac)}); ` +
        `bare ${per(bareMs)} (HTTP ${per(http.bare)}, in-process ${per(bareMs - http.bare)}, CPU ${per(cpu.bare)})`,
    );
    report({
      name: `push ${total} articles with images`,
      value: redacMs / 1000,
      baseline: bareMs / 1000,
      baselineName: 'bare fetch client, same HTTP calls',
      unit: 's',
      target: { max: 1.15, against: 'ratio' },
    });
  },
};

export default bench;
