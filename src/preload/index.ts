import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_PREFIX, IPC_PREFIX, type ChannelFunctions, type RedacBridge } from '../shared/ipc/bridge';
import { channelNames, isEventName } from '../shared/ipc/contract';

/**
 * Builds window.redac from the contract's fixed channel list: one function per channel, plus event
 * subscription. ipcRenderer itself never reaches the page.
 */
const invoke = Object.fromEntries(
  channelNames.map((channel) => [
    channel,
    (input: unknown) => ipcRenderer.invoke(IPC_PREFIX + channel, input),
  ]),
) as unknown as ChannelFunctions;

const bridge: RedacBridge = {
  transport: 'electron',
  invoke,
  on(event, listener) {
    if (!isEventName(event)) throw new Error(`Unknown event ${String(event)}`);
    const wrapped = (_e: IpcRendererEvent, payload: unknown): void => listener(payload as never);
    ipcRenderer.on(EVENT_PREFIX + event, wrapped);
    return () => void ipcRenderer.removeListener(EVENT_PREFIX + event, wrapped);
  },
};

contextBridge.exposeInMainWorld('redac', bridge);
