import { describe, expect, it } from "vitest";
import { ApiError, fieldIssues } from "./client";

describe("the server's field errors", () => {
  it("are keyed by the form field they belong to", () => {
    const error = new ApiError(400, "body.lat: too big; body.callerPhone: a phone number", [
      { path: "body.lat", message: "Too big: expected number to be <=90" },
      { path: "body.callerPhone", message: "a phone number: digits, +, -, spaces" },
      { path: "body.lat", message: "second message for the same field" },
    ]);
    expect(fieldIssues(error)).toEqual({ lat: "Too big: expected number to be <=90", callerPhone: "a phone number: digits, +, -, spaces" });
  });

  it("are empty for an error that names no field", () => {
    expect(fieldIssues(new ApiError(409, "unit un-dc-car-1 is assigned to 20261128-0001"))).toEqual({});
    expect(fieldIssues(new Error("network"))).toEqual({});
  });
});
