// The call-taking taxonomy's rules: which calls are police business, and where the others go.
// from the zod-free vocabulary: the board uses these rules without loading zod
import {
  INCIDENT_CATEGORIES,
  type IncidentCategoryName as IncidentCategory,
  type TransferDepartmentName as TransferDepartment,
} from "@onemap/shared/vocabulary";

/** false for 非警务 calls (a burst main, a stray dog): those are handed over, not patrolled to */
export function isPoliceBusiness(category: IncidentCategory): boolean {
  return INCIDENT_CATEGORIES[category].group !== "non_police";
}

/** the department a non-police call goes to when its category alone decides it; null when the operator must choose */
export function transferDepartmentFor(category: IncidentCategory): TransferDepartment | null {
  const entry = INCIDENT_CATEGORIES[category];
  return "department" in entry ? entry.department : null;
}
