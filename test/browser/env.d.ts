export interface DemoAccount {
  email: string;
  name: string;
  role: string;
  password: string;
  provinces: string[];
}

declare module "vitest" {
  export interface ProvidedContext {
    server: {
      url: string;
      adminToken: string;
      stateDir: string;
      /** POST /stop and /start: the app goes down and comes back on the same port and state. */
      controlUrl: string;
      /** The build under test, for a test that starts a server of its own (scripts/lib/local-server.mjs). */
      distDir: string;
      stations: Record<string, { id: string; name: string; token: string }[]>;
      accounts: DemoAccount[];
    };
  }
}
