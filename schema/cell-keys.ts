// Keys of the live totals' maps (fonds × kind, station × kind × day, kind × day): the dashboard's live
// state (web/src/live/apply.ts) and the figures over it (schema/project-figures.ts) share them. Pure.
const SEP = "\u0000";
export const fondsKindKey = (fonds: string, kind: string): string => fonds + SEP + kind;
export const stationDayKey = (station: string, kind: string, day: string): string => station + SEP + kind + SEP + day;
export const dayKey = (kind: string, day: string): string => kind + SEP + day;
/** The parts of a key made by the three functions above. */
export const splitKey = (key: string): string[] => key.split(SEP);
