// zod's zh-CN and English messages for its built-in checks, registered for the board's field errors.
// Imported by the incident form (and the tests), so zod stays out of the board's first load.
import en from "zod/v4/locales/en.js";
import zhCN from "zod/v4/locales/zh-CN.js";
import { registerZodLocales } from "./refusals";

registerZodLocales({ "zh-CN": zhCN().localeError, en: en().localeError });
