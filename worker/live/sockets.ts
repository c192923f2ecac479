// A project's watchers' sockets: what each carries across hibernation, and sending to one or many so
// that one broken client never stops the others. Used by fanout.ts.
import type { ServerMessage, Viewer } from "../../schema/wire";

/** Per-socket facts that survive hibernation (serializeAttachment, ≤ 16 KiB). */
export interface SocketAttachment {
  viewer: Viewer;
  /** May this watcher see restricted fonds (worker/auth/policy.ts seesRestricted)? */
  seesRestricted: boolean;
  /** The session behind the socket (hash), so signing out closes it; null for operator watchers. */
  sessionId: string | null;
}

// deserializeAttachment is a structured-clone read: on a hot path (every frame, every socket) keep
// the result per socket object; setAttachment keeps the two in step.
const attachments = new WeakMap<WebSocket, SocketAttachment | null>();

export function attachmentOf(ws: WebSocket): SocketAttachment | null {
  let a = attachments.get(ws);
  if (a === undefined) {
    a = (ws.deserializeAttachment() as SocketAttachment | null) ?? null;
    attachments.set(ws, a);
  }
  return a;
}

/** A watcher's facts changed (which report it has open): kept across hibernation and in the cache. */
export function setAttachment(ws: WebSocket, a: SocketAttachment): void {
  ws.serializeAttachment(a);
  attachments.set(ws, a);
}

export function send(ws: WebSocket, message: ServerMessage): void {
  sendRaw(ws, JSON.stringify(message));
}

/** A failed send closes that socket (1011); one bad client never breaks the others. */
function sendRaw(ws: WebSocket, text: string): void {
  try {
    ws.send(text);
  } catch {
    try {
      ws.close(1011, "send failed");
    } catch {
      // already closed
    }
  }
}

export function broadcast(sockets: readonly WebSocket[], message: ServerMessage): void {
  if (sockets.length === 0) return;
  const text = JSON.stringify(message);
  for (const ws of sockets) sendRaw(ws, text);
}

export function viewersOf(sockets: readonly WebSocket[]): Viewer[] {
  const viewers: Viewer[] = [];
  for (const ws of sockets) {
    if (ws.readyState !== WebSocket.OPEN) continue;
    const a = attachmentOf(ws);
    if (a) viewers.push(a.viewer);
  }
  return viewers;
}
