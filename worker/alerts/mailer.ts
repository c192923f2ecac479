// The send_email binding as the Mailer channels.ts uses: kept apart so the channels stay testable in Node
// (cloudflare:email exists only in workerd).
import { EmailMessage } from "cloudflare:email";
import type { Mailer } from "./channels";

export function mailerFrom(env: Env): Mailer | null {
  const binding = env.ALERT_EMAIL;
  if (!binding) return null;
  return {
    from: env.ALERT_EMAIL_FROM ?? "canh-bao@localhost",
    send: async (from, to, raw) => {
      await binding.send(new EmailMessage(from, to, raw));
    },
  };
}
