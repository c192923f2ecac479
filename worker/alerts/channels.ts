// Sending one group message (message.ts) to one contact point, by its type: a webhook gets the JSON
// itself; Telegram (Bot API sendMessage) and Zalo OA (message API) get the Vietnamese text as their APIs
// expect it; e-mail goes through the send_email binding. Each returns the same kind of result for the log.
import { alertEmailRaw } from "./email";
import type { GroupMessage } from "./message";
import { messageText, type TextContext } from "./message-text";

const TIMEOUT_MS = 10_000;

export interface ChannelPoint {
  id: string;
  name: string;
  type: "webhook" | "email" | "telegram" | "zalo";
  url: string;
  settings: Record<string, string>;
}

export interface AttemptResult {
  status: number | null;
  error: string | null;
  ok: boolean;
}

export interface Mailer {
  from: string;
  send(from: string, to: string, raw: string): Promise<void>;
}

export const TELEGRAM_API = "https://api.telegram.org";
export const ZALO_API = "https://openapi.zalo.me/v3.0/oa/message/cs";

export interface HttpRequest {
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** The HTTP request of a webhook, Telegram or Zalo contact point. Pure, so the templates are tested as they are. */
export function httpRequestFor(cp: ChannelPoint, m: GroupMessage, ctx: TextContext): HttpRequest {
  const headers = { "Content-Type": "application/json; charset=utf-8", "X-Alert-Delivery": m.deliveryId };
  if (cp.type === "webhook") return { url: cp.url, headers, body: m };
  const { subject, body } = messageText(m, ctx);
  const text = `${subject}\n\n${body}`;
  if (cp.type === "telegram") {
    // Plain text, no parse_mode: fonds names may hold characters Telegram's HTML or Markdown would eat.
    return { url: `${(cp.url || TELEGRAM_API).replace(/\/$/, "")}/bot${cp.settings.botToken ?? ""}/sendMessage`, headers, body: { chat_id: cp.settings.chatId ?? "", text: text.slice(0, 4096), disable_web_page_preview: true } };
  }
  // Zalo OA customer-service message to one follower; the OA access token travels as a header.
  return { url: cp.url || ZALO_API, headers: { ...headers, access_token: cp.settings.accessToken ?? "" }, body: { recipient: { user_id: cp.settings.userId ?? "" }, message: { text: text.slice(0, 2000) } } };
}

async function postJson(req: HttpRequest, zalo: boolean): Promise<AttemptResult> {
  try {
    const res = await fetch(req.url, { method: "POST", headers: req.headers, body: JSON.stringify(req.body), signal: AbortSignal.timeout(TIMEOUT_MS) });
    const text = await res.text();
    if (!res.ok) return { status: res.status, error: `HTTP ${res.status}`, ok: false };
    // Zalo answers 200 with { error: <non-zero>, message } when it refuses a message.
    const err = zalo ? (JSON.parse(text || "{}") as { error?: number; message?: string }) : null;
    if (err && err.error) return { status: res.status, error: `Zalo ${err.error}: ${String(err.message ?? "").slice(0, 200)}`, ok: false };
    return { status: res.status, error: null, ok: true };
  } catch (err) {
    return { status: null, error: String(err).slice(0, 300), ok: false };
  }
}

export async function sendMessage(cp: ChannelPoint, m: GroupMessage, ctx: TextContext, mailer: Mailer | null): Promise<AttemptResult> {
  if (cp.type !== "email") return postJson(httpRequestFor(cp, m, ctx), cp.type === "zalo");
  if (!mailer) return { status: null, error: "send_email binding ALERT_EMAIL missing", ok: false };
  const { subject, body } = messageText(m, ctx);
  try {
    await mailer.send(mailer.from, cp.url, alertEmailRaw({ from: { name: "Cảnh báo tiến độ số hóa", addr: mailer.from }, to: cp.url, subject, body, messageId: m.deliveryId }));
    return { status: 250, error: null, ok: true };
  } catch (err) {
    return { status: null, error: String(err).slice(0, 300), ok: false };
  }
}
