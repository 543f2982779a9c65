// The stand-in's event hub: fans workspace events out to every connected /ws client as the platform does.
import type { EventFrame } from '../../../core/demo-run-record.ts';
export type { EventFrame };

type Listener = (frame: EventFrame) => void;

/** Fan-out of workspace events to every connected `/ws` client (the platform's hub). */
export interface EventHub {
  publish(event: string, workspaceId: string, payload?: Record<string, unknown>): EventFrame;
  subscribe(listener: Listener): () => void;
  /** Every frame published so far, oldest first (for tests and the request log). */
  history: EventFrame[];
}

/** Creates a hub; `now` is injectable so tests can pin timestamps. */
export function createEventHub(now: () => Date = () => new Date()): EventHub {
  const listeners = new Set<Listener>();
  const history: EventFrame[] = [];
  return {
    history,
    publish(event, workspaceId, payload = {}) {
      const frame: EventFrame = { event, workspace_id: workspaceId, timestamp: now().toISOString(), payload };
      history.push(frame);
      for (const listener of listeners) listener(frame);
      return frame;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
