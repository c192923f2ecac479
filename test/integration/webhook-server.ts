// A real HTTP server on 127.0.0.1 that receives the alert webhooks of the integration tests.
// GET /log/<box> returns what <box> received (POST /hook/<box>/…); POST /fail/<box>?n=N makes its next N deliveries answer 500.
// GET /mail/<address> returns what the local send_email binding sent to <address> (sent-mail.ts).
import { createServer, type IncomingMessage } from "node:http";
import type { TestProject } from "vitest/node";
import { sentMail } from "./sent-mail";

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    req.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    req.on("end", () => resolve(text));
  });
}

export default async function setup(project: TestProject) {
  const received = new Map<string, { status: number; delivery: string | undefined; path: string; accessToken: string | undefined; body: unknown }[]>();
  const failures = new Map<string, number>();
  const server = createServer(async (req, res) => {
    const [, action, box = ""] = (req.url ?? "").split("?")[0]!.split("/");
    if (req.method === "GET" && action === "log") {
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(received.get(box) ?? []));
    } else if (req.method === "GET" && action === "mail") {
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(await sentMail(decodeURIComponent(box))));
    } else if (req.method === "POST" && action === "fail") {
      failures.set(box, Number(new URL(req.url!, "http://x").searchParams.get("n") ?? 1));
      res.writeHead(204).end();
    } else if (req.method === "POST" && action === "hook") {
      const left = failures.get(box) ?? 0;
      const status = left > 0 ? 500 : 200;
      if (left > 0) failures.set(box, left - 1);
      const list = received.get(box) ?? [];
      // The path and Zalo's access_token header too: the Telegram and Zalo templates are checked against them.
      list.push({ status, delivery: req.headers["x-alert-delivery"] as string | undefined, path: req.url ?? "", accessToken: req.headers["access_token"] as string | undefined, body: JSON.parse(await body(req)) });
      received.set(box, list);
      res.writeHead(status).end();
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  project.provide("webhookBase" as never, `http://127.0.0.1:${port}` as never); // typed in test/env.d.ts
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
