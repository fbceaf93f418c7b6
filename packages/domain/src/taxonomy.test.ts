import { INCIDENT_CATEGORIES, type IncidentCategory } from "@onemap/shared";
import { describe, expect, it } from "vitest";
import { isPoliceBusiness, transferDepartmentFor } from "./taxonomy";

describe("the call taxonomy", () => {
  it("knows non-police calls and, where the category decides it, their department", () => {
    expect(isPoliceBusiness("utility_fault")).toBe(false);
    expect(transferDepartmentFor("utility_fault")).toBe("UTILITIES");
    expect(transferDepartmentFor("medical")).toBe("HEALTH");
    // a civil dispute may go to mediation or the courts: the operator chooses
    expect(isPoliceBusiness("civil_dispute")).toBe(false);
    expect(transferDepartmentFor("civil_dispute")).toBeNull();
    expect(isPoliceBusiness("robbery")).toBe(true);
    expect(transferDepartmentFor("robbery")).toBeNull();
  });

  it("gives a department only to non-police categories", () => {
    for (const category of Object.keys(INCIDENT_CATEGORIES) as IncidentCategory[])
      if (isPoliceBusiness(category)) expect(transferDepartmentFor(category)).toBeNull();
  });
});
