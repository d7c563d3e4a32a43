import { createArchive } from './archive';
import { writeWxr } from './wxrFile';

/**
 * `wxrFileCli.ts FILE COUNT [SEED]`: writes the WXR file in a process of its own, so that the HTML writer it uses
 * (happy-dom, which the app's import never loads) does not count in the bench's memory figures.
 */
const [file, count, seed = '8'] = process.argv.slice(2);
if (!file || !count) throw new Error('usage: wxrFileCli.ts FILE COUNT [SEED]');
writeWxr(file, createArchive(Number(seed)), Number(count));
