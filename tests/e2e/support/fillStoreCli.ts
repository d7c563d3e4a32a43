// `node --import tsx fillStoreCli.ts DIR N`: a store of N saved articles in DIR, written by the app's own core
// (Playwright's loader cannot import the main process's modules).
import { startCore } from '../../../src/main/core/startCore';
import { fillStore } from '../../main/backup/support';

const [dataDir, count] = process.argv.slice(2) as [string, string];
const core = startCore({ dataDir, transport: 'host', version: 'e2e' });
fillStore(core, Number(count));
void core.close();
