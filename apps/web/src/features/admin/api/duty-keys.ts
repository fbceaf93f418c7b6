// The query keys of what shows a roster in the admin area: the socket controller (app/board-queries)
// invalidates them on `duty:changed` without loading the area's code.
export const dutyKeys = {
  /** GET /api/duty?date= of each day (the county roster) */
  days: ["admin", "duty"] as const,
  /** GET /api/stations/:id/duty (a station's duty report) */
  stations: ["admin", "station-duty"] as const,
};
