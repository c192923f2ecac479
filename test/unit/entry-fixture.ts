// An entry as the station page queues it, for the outbox and entry tests.
import type { Entry } from "../../web/src/entry/outbox";

export const entry = (id: string, over: Partial<Entry> = {}): Entry => ({
  id,
  fonds: "4",
  kind: "pages",
  amount: 10,
  decimals: 0,
  at: "2027-03-01T09:00:00+07:00",
  day: "2027-03-01",
  ...over,
});
