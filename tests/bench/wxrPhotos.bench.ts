import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startCore } from '../../src/main/core/startCore';
import { readWxrAttachments } from '../../src/main/importing/wxrAttachments';
import { readWxr } from '../../src/main/importing/wxrReader';
import type { Bench } from './support/bench';

const JPEG = readFileSync(join(__dirname, '../fixtures/images/blue.jpg'));
/** About a web-sized press photo as WordPress keeps the original. */
const PHOTO_BYTES = 250 * 1024;
const PARAGRAPH =
  '<p>Le conseil municipal a voté, à une large majorité, le budget de l’année prochaine, après un long débat.</p>\n';

/**
 * `wxrPhotos.bench.ts FOLDER POSTS withPhotos`: an export of POSTS posts, each with a featured photo and one
 * block-editor figure (two distinct files of PHOTO_BYTES in uploads/), or the same posts without photos.
 */
function writeExport(dir: string, posts: number, withPhotos: boolean): string {
  mkdirSync(join(dir, 'uploads', '2024', '03'), { recursive: true });
  const items: string[] = [];
  for (let i = 0; i < posts; i++) {
    const featured = 100000 + 2 * i;
    const inline = featured + 1;
    const figure = withPhotos
      ? `<!-- wp:image {"id":${inline}} -->\n<figure class="wp-block-image size-large"><img src="https://site.example/wp-content/uploads/2024/03/p${inline}-1024x768.jpg" alt="Photo ${inline}" class="wp-image-${inline}"/><figcaption>Légende ${inline}</figcaption></figure>\n`
      : '';
    const thumbnail = withPhotos
      ? `<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[${featured}]]></wp:meta_value></wp:postmeta>`
      : '';
    items.push(
      `<item><title><![CDATA[Budget ${i}]]></title><dc:creator><![CDATA[redac]]></dc:creator><guid isPermaLink="false">https://site.example/?p=${i}</guid><content:encoded><![CDATA[${PARAGRAPH.repeat(3)}${figure}${PARAGRAPH.repeat(3)}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>${i + 1}</wp:post_id><wp:post_date_gmt><![CDATA[2024-03-11 08:00:00]]></wp:post_date_gmt><wp:post_name><![CDATA[budget-${i}]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status><wp:post_type><![CDATA[post]]></wp:post_type>${thumbnail}</item>`,
    );
    if (!withPhotos) continue;
    for (const id of [featured, inline]) {
      const file = `2024/03/p${id}.jpg`;
      // A real JPEG's head, then bytes of its own: every photo is a distinct file for the store.
      writeFileSync(
        join(dir, 'uploads', file),
        Buffer.concat([JPEG, randomBytes(PHOTO_BYTES - JPEG.length)]),
      );
      items.push(
        `<item><title><![CDATA[p${id}]]></title><guid isPermaLink="false">https://site.example/wp-content/uploads/${file}</guid><excerpt:encoded><![CDATA[Légende de la photo ${id}]]></excerpt:encoded><wp:post_id>${id}</wp:post_id><wp:status><![CDATA[inherit]]></wp:status><wp:post_type><![CDATA[attachment]]></wp:post_type><wp:attachment_url><![CDATA[https://site.example/wp-content/uploads/${file}]]></wp:attachment_url><wp:postmeta><wp:meta_key><![CDATA[_wp_attached_file]]></wp:meta_key><wp:meta_value><![CDATA[${file}]]></wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key><![CDATA[_wp_attachment_image_alt]]></wp:meta_key><wp:meta_value><![CDATA[Texte ${id}]]></wp:meta_value></wp:postmeta></item>`,
      );
    }
  }
  const file = join(dir, 'export.xml');
  writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"><channel>\n${items.join('\n')}\n</channel></rss>\n`,
  );
  return file;
}

const cpuMs = (used: NodeJS.CpuUsage): number => (used.user + used.system) / 1000;

/**
 * What photos add to a WordPress import: the same posts imported with a featured photo and one figure each
 * (files copied from the uploads folder into the media store: read, SHA-256, written, renamed) and without
 * photos, CPU time of both threads (process.cpuUsage counts the reader thread too). Then the first pass
 * that reads the attachment table, against the XML stream alone.
 */
const bench: Bench = {
  name: 'wxr-photos',
  async run({ size, workDir, report, log }) {
    const posts = size ?? 300;
    const plain = writeExport(join(workDir, 'plain'), posts, false);
    const photos = writeExport(join(workDir, 'photos'), posts, true);
    const importCpu = async (file: string, run: number): Promise<{ cpu: number; wall: number }> => {
      const core = startCore({ dataDir: join(workDir, `app-${run}`), transport: 'host', version: 'bench' });
      const before = process.cpuUsage();
      const t0 = performance.now();
      const outcome = await core.services.importing.start(file, 'wxr').done;
      const wall = performance.now() - t0;
      const cpu = cpuMs(process.cpuUsage(before));
      core.close();
      if (outcome.created !== posts || outcome.photosMissing !== 0)
        throw new Error(`Imported ${outcome.created} of ${posts}, ${outcome.photosMissing} photos missing.`);
      return { cpu, wall };
    };
    // Alternating, the first pair as warm-up (the reader thread's bundle, V8 compiling).
    await importCpu(plain, 0);
    await importCpu(photos, 1);
    const runs: { plain: number; photos: number; wallPlain: number; wallPhotos: number }[] = [];
    for (let r = 0; r < 3; r++) {
      const a = await importCpu(plain, 2 + 2 * r);
      const b = await importCpu(photos, 3 + 2 * r);
      runs.push({ plain: a.cpu, photos: b.cpu, wallPlain: a.wall, wallPhotos: b.wall });
      log(
        `pair ${r + 1}: without photos ${a.cpu.toFixed(0)} ms CPU (${a.wall.toFixed(0)} ms wall), with ${b.cpu.toFixed(0)} ms CPU (${b.wall.toFixed(0)} ms wall)`,
      );
    }
    const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const plainCpu = median(runs.map((r) => r.plain));
    const photosCpu = median(runs.map((r) => r.photos));
    report({
      name: `WXR import with 2 photos per post (${posts} posts, ${PHOTO_BYTES / 1024} KB each), CPU per post, both threads`,
      value: photosCpu / posts,
      baseline: plainCpu / posts,
      baselineName: 'the same posts without photos',
      unit: 'ms',
    });
    report({
      name: 'CPU per photo copied into the media store (difference of the two above, per photo)',
      value: (photosCpu - plainCpu) / (2 * posts),
      baseline: plainCpu / posts,
      baselineName: 'a post without photos',
      unit: 'ms',
    });

    // A re-import that fills in the photos of articles imported without them (photoFill.ts: a new revision,
    // the search entry rewritten, the photos moved from staging into the store), against importing the same
    // posts with their photos, and a re-import that finds nothing to add (photos read and named, nothing written).
    const timed = async (run: () => Promise<unknown>): Promise<{ cpu: number; wall: number }> => {
      const before = process.cpuUsage();
      const t0 = performance.now();
      await run();
      return { cpu: cpuMs(process.cpuUsage(before)), wall: performance.now() - t0 };
    };
    const fills: { fill: number; create: number; again: number }[] = [];
    for (let r = 0; r < 3; r++) {
      const fresh = startCore({
        dataDir: join(workDir, `app-create-${r}`),
        transport: 'host',
        version: 'bench',
      });
      const create = await timed(() => fresh.services.importing.start(photos, 'wxr').done);
      fresh.close();
      const core = startCore({
        dataDir: join(workDir, `app-fill-${r}`),
        transport: 'host',
        version: 'bench',
      });
      const uploads = join(workDir, 'photos', 'uploads');
      renameSync(uploads, `${uploads}-away`);
      await core.services.importing.start(photos, 'wxr').done;
      renameSync(`${uploads}-away`, uploads);
      let filled = 0;
      const fill = await timed(async () => {
        filled = (await core.services.importing.start(photos, 'wxr').done).photosAdded;
      });
      let again = -1;
      const second = await timed(async () => {
        again = (await core.services.importing.start(photos, 'wxr').done).photosAdded;
      });
      core.close();
      if (filled !== posts || again !== 0) throw new Error(`Filled ${filled} of ${posts}, then ${again}.`);
      fills.push({ fill: fill.cpu, create: create.cpu, again: second.cpu });
      log(
        `fill ${r + 1}: create with photos ${create.cpu.toFixed(0)} ms CPU (${create.wall.toFixed(0)} wall), fill ${fill.cpu.toFixed(0)} ms CPU (${fill.wall.toFixed(0)} wall), nothing to add ${second.cpu.toFixed(0)} ms CPU (${second.wall.toFixed(0)} wall)`,
      );
    }
    report({
      name: `WXR re-import filling in 2 photos per post (${posts} posts imported without them), CPU per post`,
      value: median(fills.map((f) => f.fill)) / posts,
      baseline: median(fills.map((f) => f.create)) / posts,
      baselineName: 'importing the same posts with their photos',
      unit: 'ms',
    });
    report({
      name: 'WXR re-import with nothing to add (photos already in), CPU per post',
      value: median(fills.map((f) => f.again)) / posts,
      baseline: median(fills.map((f) => f.create)) / posts,
      baselineName: 'importing the same posts with their photos',
      unit: 'ms',
    });

    // The first pass (attachment table), which every WXR import now makes, against the whole import of a
    // larger export without photos (that import includes it) and against streaming the XML alone.
    const bigPosts = 10 * posts;
    const big = writeExport(join(workDir, 'big'), bigPosts, false);
    const pass = async (read: () => Promise<unknown>): Promise<number> => {
      const before = process.cpuUsage();
      await read();
      return cpuMs(process.cpuUsage(before));
    };
    const stream = async (): Promise<void> => {
      for await (const chunk of readWxr(big)) void chunk;
    };
    await pass(stream);
    const xml = await pass(stream);
    const table = await pass(() => readWxrAttachments(big));
    const core = startCore({ dataDir: join(workDir, 'app-big'), transport: 'host', version: 'bench' });
    const before = process.cpuUsage();
    const outcome = await core.services.importing.start(big, 'wxr').done;
    const whole = cpuMs(process.cpuUsage(before));
    core.close();
    if (outcome.created !== bigPosts) throw new Error(`Imported ${outcome.created} of ${bigPosts}.`);
    log(`XML stream alone ${xml.toFixed(0)} ms CPU for ${bigPosts} posts`);
    report({
      name: `WXR first pass (attachment table), CPU per post (${bigPosts} posts without photos)`,
      value: table / bigPosts,
      baseline: whole / bigPosts,
      baselineName: 'the whole import of the same file, both threads (first pass included)',
      unit: 'ms',
    });
  },
};

export default bench;
