// The web transport's calls, sent from a worker: handing a 20,000-word body to fetch() costs the page's
// thread tens of milliseconds (measured in Chromium), long enough for a keystroke to wait behind each autosave.
import { postJson } from './httpPost';

interface Request {
  id: number;
  channel: string;
  body: string;
}

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => {
  const { id, channel, body } = event.data;
  void postJson(channel, body).then((result) => scope.postMessage({ id, result }));
};
