// archive-scan-agent: counts the pages a scan PC writes and posts them to the dashboard.
//   init --server URL --project ID --token TOKEN --watch FOLDER [--watch …] [--convention "{fonds}/**"] [--polling]
//   run      watch the folders and post, until stopped (Ctrl+C, a service stop)
//   scan     read every file once, post, and exit (what is not yet posted stays queued for the next run)
//   status   what was counted, what is queued, refused events, files with problems, last post and error
// Every command takes --config FILE (default ./archive-agent.json).
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { ScanAgent } from "./agent";
import { DEFAULT_CONFIG_FILE, defaults, loadConfig, saveConfig, validateConfig } from "./config";
import { rotatingLog } from "./log";
import { statePaths } from "./state";
import { printStatus } from "./status";
import { AGENT_NAME, AGENT_VERSION } from "./version";
import { watchFolders } from "./watcher";

const USAGE = `${AGENT_NAME} ${AGENT_VERSION}
usage: ${AGENT_NAME} <init|run|scan|status> [--config FILE]
  init   --server URL --project ID --token TOKEN --watch FOLDER [--watch FOLDER…]
         [--convention "{fonds}/**"] [--polling] [--poll-interval MS] [--stable MS] [--state FOLDER]
  run    watch and post until stopped
  scan   read every file once, post, exit [--wait SECONDS, default 120]
  status [--json]`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      config: { type: "string", default: DEFAULT_CONFIG_FILE },
      server: { type: "string" },
      project: { type: "string" },
      token: { type: "string" },
      watch: { type: "string", multiple: true },
      convention: { type: "string" },
      polling: { type: "boolean" },
      "poll-interval": { type: "string" },
      stable: { type: "string" },
      state: { type: "string" },
      wait: { type: "string", default: "120" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
  });
  const configPath = resolve(values.config!);
  const command = positionals[0];
  if (values.version) return void console.log(AGENT_VERSION), 0;
  if (values.help || !command) return void console.log(USAGE), values.help ? 0 : 2;

  switch (command) {
    case "init": {
      if (existsSync(configPath)) console.log(`replacing ${configPath}`);
      const config = validateConfig(
        {
          ...defaults(configPath),
          server: values.server,
          project: values.project,
          token: values.token,
          watch: values.watch,
          ...(values.convention !== undefined ? { convention: values.convention } : {}),
          ...(values.polling !== undefined ? { polling: values.polling } : {}),
          ...(values["poll-interval"] !== undefined ? { pollIntervalMs: Number(values["poll-interval"]) } : {}),
          ...(values.stable !== undefined ? { stableMs: Number(values.stable) } : {}),
          ...(values.state !== undefined ? { stateDir: values.state } : {}),
        },
        configPath,
      );
      saveConfig(configPath, config);
      console.log(`wrote ${configPath} (readable by this user only: it holds the station token)`);
      return 0;
    }
    case "run":
    case "scan": {
      const config = loadConfig(configPath);
      const log = rotatingLog({ path: statePaths(config.stateDir).log });
      const agent = await ScanAgent.open(config, { log });
      log.info(`${AGENT_NAME} ${AGENT_VERSION} ${command}: ${config.watch.join(", ")} → ${config.server} project ${config.project}`);
      if (command === "scan") {
        await agent.scanAll();
        const waited = await Promise.race([agent.poster.idle().then(() => true), sleep(Number(values.wait) * 1000).then(() => false)]);
        await agent.stop();
        log.info(waited ? "scan done; everything posted" : `scan done; ${agent.journal.ledger.pending.size} events still queued for the next run`);
        return 0;
      }
      const watcher = watchFolders(agent);
      await watcher.ready;
      log.info("watching");
      const statusTimer = setInterval(() => agent.writeStatus(), 15_000);
      await new Promise<void>((done) => {
        process.once("SIGINT", done);
        process.once("SIGTERM", done);
      });
      clearInterval(statusTimer);
      log.info("stopping");
      await watcher.close();
      await agent.stop();
      return 0;
    }
    case "status":
      printStatus(loadConfig(configPath), values.json!);
      return 0;
    default:
      console.error(USAGE);
      return 2;
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms).unref());

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error((err as Error).message);
    process.exit(1);
  },
);
