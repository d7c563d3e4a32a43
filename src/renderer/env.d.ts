import type { RedacBridge } from '../shared/ipc/bridge';

declare global {
  interface Window {
    /** Present under Electron (set by the preload); absent in a browser, where the HTTP transport is used. */
    readonly redac?: RedacBridge;
  }
}
