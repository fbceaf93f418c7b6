// A station's own duty report (勤务报备, issue 12 item 4): who is on shift at the station and which unit
// each crews, written by its chief for one date and shift. One person is in one place per shift.
import { z } from "zod";
import { CalendarDate, Id, IsoDateTime } from "./common";
import { Shift, UnitKind } from "./enums";

export const StationDutyQuery = z.object({ date: CalendarDate.optional(), shift: Shift.optional() }).strict();

export const StationDutyEntryInput = z
  .object({
    officerId: Id,
    /** the unit this person crews on the shift; none: on shift at the station */
    unitId: Id.nullable().optional(),
    /** leads the crew of unitId */
    leader: z.boolean().optional(),
  })
  .strict();
export type StationDutyEntryInput = z.infer<typeof StationDutyEntryInput>;

/** replaces the station's report of that shift; an empty list clears it */
export const PutStationDutyBody = z.object({ date: CalendarDate, shift: Shift, entries: z.array(StationDutyEntryInput).max(300) }).strict();
export type PutStationDutyBody = z.infer<typeof PutStationDutyBody>;

export const StationDutyOfficer = z.object({
  id: Id,
  name: z.string(),
  badgeNo: z.string(),
  title: z.string().nullable(),
  auxiliary: z.boolean(),
});
export type StationDutyOfficer = z.infer<typeof StationDutyOfficer>;

export const StationDutyUnit = z.object({ id: Id, callsign: z.string(), kind: UnitKind });
export type StationDutyUnit = z.infer<typeof StationDutyUnit>;

/** the report of one shift, with the station's officers and units in service (what the page offers) */
export const StationDuty = z.object({
  stationId: Id,
  stationName: z.string(),
  date: z.iso.date(),
  shift: Shift,
  /** false: nothing reported for this shift (the units' standing crews apply) */
  reported: z.boolean(),
  entries: z.array(z.object({ officerId: Id, unitId: Id.nullable(), leader: z.boolean() })),
  officers: z.array(StationDutyOfficer),
  units: z.array(StationDutyUnit),
});
export type StationDuty = z.infer<typeof StationDuty>;

/** `duty:changed`: the county roster (stationId null) or a station's duty report changed; refetch it */
export const DutyChangedEvent = z.object({
  date: z.iso.date(),
  shift: Shift.nullable(),
  stationId: Id.nullable(),
  at: IsoDateTime,
});
export type DutyChangedEvent = z.infer<typeof DutyChangedEvent>;

/** who crews a unit on the shift in progress, as its station reported it (reported false: its standing crew applies) */
export const UnitDuty = z.object({
  unitId: Id,
  date: z.iso.date(),
  shift: Shift,
  reported: z.boolean(),
  crew: z.array(z.object({ id: Id, name: z.string(), title: z.string().nullable(), phone: z.string().nullable(), leader: z.boolean() })),
});
export type UnitDuty = z.infer<typeof UnitDuty>;
