import { CreateIncidentBody } from "@onemap/shared";
import { describe, expect, it } from "vitest";
import { i18n, setLanguage } from "../i18n";
import { issueMessage, refusalMessage } from "../i18n/refusals";
import "../i18n/zod-locales";
import { ApiError, fieldIssues } from "./client";

describe("the server's field errors", () => {
  it("are keyed by the form field they belong to, in the board's language", async () => {
    const error = new ApiError(400, "body.lat: too big; body.callerPhone: a phone number", [
      {
        path: "body.lat",
        message: "Too big: expected number to be <=90",
        code: "too_big",
        params: { origin: "number", maximum: 90, inclusive: true },
      },
      { path: "body.callerPhone", message: "a phone number: digits, +, -, spaces", code: "field:phone" },
      { path: "body.lat", message: "second message for the same field" },
    ]);
    void i18n.changeLanguage("zh-CN");
    expect(fieldIssues(error)).toEqual({
      lat: "数值过大：期望 number <=90",
      callerPhone: "电话号码只能包含数字、+、-、括号和空格（3–20 位）",
    });
    await setLanguage("en");
    expect(fieldIssues(error).callerPhone).toBe("A phone number: digits, +, -, brackets and spaces (3–20)");
    void i18n.changeLanguage("zh-CN");
  });

  it("of a local check with a shared schema are said in the board's language too", () => {
    const parsed = CreateIncidentBody.safeParse({ category: "theft", lat: 91, lon: 106.4, callerPhone: "call me" });
    expect(parsed.success).toBe(false);
    const said = Object.fromEntries((parsed.error?.issues ?? []).map((i) => [String(i.path[0]), issueMessage(i as never)]));
    expect(said.callerPhone).toBe("电话号码只能包含数字、+、-、括号和空格（3–20 位）");
    expect(said.lat).toMatch(/^数值过大/);
    const missing = CreateIncidentBody.safeParse({ lat: 31, lon: 106.4 });
    expect(issueMessage(missing.error?.issues[0] as never, true)).toBe("必填");
  });

  it("are empty for an error that names no field", () => {
    expect(fieldIssues(new ApiError(409, "unit un-dc-car-1 is assigned to 20261128-0001"))).toEqual({});
    expect(fieldIssues(new Error("network"))).toEqual({});
  });
});

describe("the server's refusals in the board's language", () => {
  it("says a named refusal in Chinese or English, with its facts, and falls back to the server's words", async () => {
    const taken = {
      message: "unit 东城巡05 is already on incident 20261128-0001",
      code: "unit_taken",
      params: { callsign: "东城巡05", incident: "20261128-0001", by: "接处警员", at: "07:47:13" },
    };
    const takenAt = { ...taken, params: { ...taken.params, at: "2026-11-28T07:47:13.000Z" } };
    void i18n.changeLanguage("zh-CN");
    expect(refusalMessage(taken, 409, "Conflict")).toBe("东城巡05 已在警情 20261128-0001 上（接处警员 07:47:13 派出）");
    // an ISO instant is shown as this machine's clock time
    const clock = new Date("2026-11-28T07:47:13.000Z").toLocaleTimeString("zh-CN", { hour12: false });
    expect(refusalMessage(takenAt, 409, "Conflict")).toBe(`东城巡05 已在警情 20261128-0001 上（接处警员 ${clock} 派出）`);
    expect(refusalMessage({ code: "unit_unavailable", params: { callsign: "快反1", status: "OUT_OF_SERVICE" } }, 409, "")).toBe(
      "快反1 当前不可派（停用）",
    );
    await setLanguage("en");
    expect(refusalMessage(taken, 409, "Conflict")).toBe("东城巡05 is already on incident 20261128-0001 (sent by 接处警员 at 07:47:13)");
    expect(refusalMessage({ message: "something new", code: "not_in_the_dictionary" }, 409, "Conflict")).toBe("something new");
    expect(refusalMessage(null, 429, "Too Many Requests")).toBe("Too many attempts: try again in a moment");
    void i18n.changeLanguage("zh-CN");
  });

  it("names the roles, the object and the statuses of a refusal", () => {
    void i18n.changeLanguage("zh-CN");
    expect(refusalMessage({ code: "role_required", params: { roles: "OPERATOR,DUTY_LEADER" } }, 403, "")).toBe(
      "此操作需要以下角色：接警员、值班领导",
    );
    expect(refusalMessage({ code: "not_found", params: { what: "incident" } }, 404, "")).toBe("找不到该警情（可能已删除，或不在您的辖区）");
    expect(refusalMessage({ code: "transition_refused", params: { number: "X-1", from: "CLOSED", to: "ON_SCENE" } }, 409, "")).toBe(
      "X-1 当前为“已结”，不能改为“到场”",
    );
    // a 400 says its first field's problem, not "see the fields"
    expect(
      refusalMessage(
        { code: "invalid_input", issues: [{ path: "body.reason", message: "give the reason", code: "field:reason_required" }] },
        400,
        "",
      ),
    ).toBe("请填写原因");
  });
});
