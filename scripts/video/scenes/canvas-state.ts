// Replays the recorded canvas log (hydrates and /ws frames) into what the canvas shows at a given cast time.
import type { CanvasEntry } from '../../../core/demo-run-record.ts';

/** One workspace node as the canvas draws it. */
export interface CanvasNode {
  id: string;
  name: string;
  role: string | null;
  status: string;
  /** DB runtime, falling back to the agent card's (the REMOTE badge rule). */
  runtime: string;
  currentTask: string;
  parentId: string | null;
}

/** One line of the chat panel. */
export interface ChatLine {
  from: 'canvas' | 'agent';
  name: string;
  text: string;
}

/** What the canvas shows at one moment. */
export interface CanvasState {
  nodes: CanvasNode[];
  chat: ChatLine[];
  /** The latest `/ws` frames, newest last. */
  ticker: Array<{ event: string; name: string }>;
}

/** A message the canvas sent (from the transcript), placed on the cast's clock. */
export interface SentMessage {
  t: number;
  targetId: string;
  text: string;
}

const TICKER_LENGTH = 6;

/** The reply text the canvas extracts from an A2A answer: `result` string, `result.parts`, or `result.artifacts[].parts`. */
export function replyText(body: unknown): string | undefined {
  const result = (body as { result?: unknown } | undefined)?.result;
  if (typeof result === 'string') return result;
  const record = result as
    | { parts?: Array<Record<string, unknown>>; artifacts?: Array<{ parts?: Array<Record<string, unknown>> }> }
    | undefined;
  const parts = [...(record?.parts ?? []), ...(record?.artifacts ?? []).flatMap((artifact) => artifact.parts ?? [])];
  const texts = parts
    .filter((part) => part.kind === 'text' || part.type === 'text')
    .map((part) => String(part.text ?? ''));
  return texts.length > 0 ? texts.join('\n') : undefined;
}

function nodeFromRow(row: Record<string, unknown>): CanvasNode {
  const card = row.agent_card as { runtime?: unknown } | null | undefined;
  return {
    id: String(row.id),
    name: String(row.name ?? row.id),
    role: typeof row.role === 'string' ? row.role : null,
    status: String(row.status ?? 'unknown'),
    runtime: String(row.runtime || card?.runtime || ''),
    currentTask: String(row.current_task ?? ''),
    parentId: typeof row.parent_id === 'string' ? row.parent_id : null,
  };
}

const STATUS_EVENTS: Record<string, string> = {
  WORKSPACE_ONLINE: 'online',
  WORKSPACE_OFFLINE: 'offline',
  WORKSPACE_PAUSED: 'paused',
  WORKSPACE_DEGRADED: 'degraded',
};

/**
 * The canvas at cast time `t`: a hydrate replaces every node; status events flip the status,
 * TASK_UPDATED sets the task, REMOVED drops the node (the canvas's reactions per the contract);
 * a node first seen in WORKSPACE_PROVISIONING is drawn from that payload until a hydrate.
 */
export function canvasStateAt(entries: readonly CanvasEntry[], sent: readonly SentMessage[], t: number): CanvasState {
  const nodes = new Map<string, CanvasNode>();
  const chat: ChatLine[] = [];
  const ticker: CanvasState['ticker'] = [];
  const timeline = [
    ...entries.map((entry) => ({ t: entry.t, entry })),
    ...sent.map((message) => ({ t: message.t, message })),
  ].sort((a, b) => a.t - b.t);
  for (const item of timeline) {
    if (item.t > t) break;
    if ('message' in item && item.message) {
      chat.push({ from: 'canvas', name: 'You (canvas)', text: item.message.text });
      continue;
    }
    const entry = (item as { entry: CanvasEntry }).entry;
    if (entry.kind === 'hydrate') {
      nodes.clear();
      for (const row of entry.workspaces) nodes.set(String(row.id), nodeFromRow(row));
      continue;
    }
    const { frame } = entry;
    const node = nodes.get(frame.workspace_id);
    if (frame.event === 'WORKSPACE_PROVISIONING' && !node) {
      nodes.set(frame.workspace_id, nodeFromRow({ id: frame.workspace_id, ...frame.payload, status: 'provisioning' }));
    } else if (node && STATUS_EVENTS[frame.event]) node.status = STATUS_EVENTS[frame.event]!;
    else if (node && frame.event === 'TASK_UPDATED') node.currentTask = String(frame.payload.current_task ?? '');
    else if (frame.event === 'WORKSPACE_REMOVED') nodes.delete(frame.workspace_id);
    else if (frame.event === 'A2A_RESPONSE') {
      let body: unknown;
      try {
        body = JSON.parse(String(frame.payload.response_body ?? ''));
      } catch {
        body = undefined;
      }
      const text = replyText(body);
      if (text) chat.push({ from: 'agent', name: node?.name ?? 'agent', text });
    }
    ticker.push({
      event: frame.event,
      name: nodes.get(frame.workspace_id)?.name ?? node?.name ?? frame.workspace_id.slice(0, 8),
    });
    if (ticker.length > TICKER_LENGTH) ticker.shift();
  }
  return { nodes: [...nodes.values()], chat, ticker };
}
