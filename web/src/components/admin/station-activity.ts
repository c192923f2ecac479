// What the stations page hands a scan PC. When each station last posted comes from the live state
// (stationsSeen), whether it is silent from schema/alert-scope.ts silentStationIds, as on the overview. Pure.

/** What the scan PC's QR code carries: everything the station needs to post, as one JSON text. */
export function stationSetupText(server: string, projectId: string, token: string): string {
  return JSON.stringify({ server, project: projectId, token });
}
