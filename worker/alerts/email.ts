// The alert e-mail as a MIME message (RFC 5322) for Cloudflare's send_email binding: UTF-8 throughout,
// the Vietnamese subject as an encoded word and the body in base64, so diacritics reach any mailbox
// intact. mimetext's browser build: CRLF line ends and no Node modules, so it runs in workerd. Pure.
import { createMimeMessage } from "mimetext/browser";

export interface AlertEmail {
  from: { name: string; addr: string };
  to: string;
  subject: string;
  body: string;
  /** Stable per message (the delivery id): a mailbox or relay can drop a retried copy. */
  messageId: string;
}

function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  // 76-character lines, as MIME requires for base64 bodies.
  return btoa(bin).replace(/.{76}/g, "$&\r\n");
}

export function alertEmailRaw(m: AlertEmail): string {
  const msg = createMimeMessage();
  msg.setSender(m.from);
  msg.setRecipient(m.to);
  msg.setSubject(m.subject);
  msg.setHeader("Message-ID", `<${m.messageId}@${m.from.addr.split("@")[1] ?? "localhost"}>`);
  msg.addMessage({ contentType: "text/plain", charset: "UTF-8", encoding: "base64", data: base64Utf8(m.body.replace(/\r?\n/g, "\r\n")) });
  return msg.asRaw();
}
