import type { D1Migration } from "cloudflare:test";

// Test-only bindings (vitest.config.ts).
declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
    }
  }
}

declare module "vitest" {
  export interface ProvidedContext {
    /** The webhook receiver of test/integration/webhook-server.ts. */
    webhookBase: string;
  }
}
