// The socket controller's server state, composed from the features' endpoints: the queries the snapshot
// is made of, and the key factories of what each event makes stale (realtime/ imports no feature).
import { dutyKeys } from "../features/admin/api/duty-keys";
import { meKeys } from "../features/auth/api/me";
import { boardQuery } from "../features/board/api/board";
import { incidentKeys } from "../features/incidents/api/incident";
import { openIncidentsQuery } from "../features/incidents/api/open-incidents";
import { recommendationsKeys } from "../features/incidents/api/recommendations";
import { postureQuery } from "../features/posture/api/posture";
import { liveStatsKeys } from "../features/stats/api/live-stats";
import { unitDutyKeys } from "../features/units/api/unit-duty";
import { type BoardQueries, freshly } from "../realtime/socket";

export const boardQueries: BoardQueries = {
  board: freshly(boardQuery),
  openIncidents: freshly(openIncidentsQuery),
  posture: freshly(postureQuery),
  keys: {
    me: meKeys.all,
    stats: liveStatsKeys.all,
    recommendations: recommendationsKeys.all,
    recommendationsFor: recommendationsKeys.forIncident,
    incident: incidentKeys.detail,
    duty: [dutyKeys.days, dutyKeys.stations, unitDutyKeys.all],
  },
};
