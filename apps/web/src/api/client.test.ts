import { describe, expect, it } from "vitest";
import { i18n } from "../i18n";
import { ApiError, fieldIssues, localizedMessage } from "./client";

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

describe("the server's refusals in the board's language", () => {
  it("says a named refusal in Chinese or English, with its facts, and falls back to the server's words", () => {
    const taken = {
      message: "unit 东城巡05 is already on incident 20261128-0001",
      code: "unit_taken",
      params: { callsign: "东城巡05", incident: "20261128-0001", by: "接处警员", at: "07:47:13" },
    };
    const takenAt = { ...taken, params: { ...taken.params, at: "2026-11-28T07:47:13.000Z" } };
    void i18n.changeLanguage("zh-CN");
    expect(localizedMessage(taken, 409, "Conflict")).toBe("东城巡05 已在警情 20261128-0001 上（接处警员 07:47:13 派出）");
    // an ISO instant is shown as this machine's clock time
    const clock = new Date("2026-11-28T07:47:13.000Z").toLocaleTimeString("zh-CN", { hour12: false });
    expect(localizedMessage(takenAt, 409, "Conflict")).toBe(`东城巡05 已在警情 20261128-0001 上（接处警员 ${clock} 派出）`);
    expect(localizedMessage({ code: "unit_unavailable", params: { callsign: "快反1", status: "OUT_OF_SERVICE" } }, 409, "")).toBe(
      "快反1 当前不可派（停用）",
    );
    void i18n.changeLanguage("en");
    expect(localizedMessage(taken, 409, "Conflict")).toBe("东城巡05 is already on incident 20261128-0001 (sent by 接处警员 at 07:47:13)");
    expect(localizedMessage({ message: "something new", code: "not_in_the_dictionary" }, 409, "Conflict")).toBe("something new");
    expect(localizedMessage(null, 429, "Too Many Requests")).toBe("Too many attempts: try again in a moment");
    void i18n.changeLanguage("zh-CN");
  });
});
