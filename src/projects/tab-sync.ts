// Tabs of the studio tell each other what they saved, over a BroadcastChannel: a tab that has the
// same project open takes the new state (if it has nothing unsaved) or is told of the conflict and
// stops writing. Where BroadcastChannel is missing, the revision check in every save still stops a
// silent overwrite.

export type TabMessage =
  | { type: 'saved'; projectId: string; revision: number }
  /** Projects were created, renamed, deleted or restored: lists need refreshing. */
  | { type: 'projects-changed' };

export interface TabSync {
  post(message: TabMessage): void;
  close(): void;
}

interface Envelope {
  from: string;
  message: TabMessage;
}

export function createTabSync(
  tabId: string,
  onMessage: (message: TabMessage) => void,
  channelName = 'canvas3d-projects',
): TabSync {
  if (typeof BroadcastChannel === 'undefined') return { post() {}, close() {} };
  const channel = new BroadcastChannel(channelName);
  channel.onmessage = (event: MessageEvent<Envelope>) => {
    const data = event.data;
    if (!data || data.from === tabId || typeof data.message?.type !== 'string') return;
    onMessage(data.message);
  };
  return {
    post: (message) => channel.postMessage({ from: tabId, message } satisfies Envelope),
    close: () => channel.close(),
  };
}
