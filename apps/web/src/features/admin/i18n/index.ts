// The admin area's strings, added to i18next when the area's code loads (not with the board) under the
// `admin` namespace, in both languages so switching is instant.
import { i18n } from "../../../i18n";
import { adminEn } from "./en";
import { type AdminMessages, adminZhCN } from "./zh-CN";

i18n.addResourceBundle("zh-CN", "admin", adminZhCN);
i18n.addResourceBundle("en", "admin", adminEn);

declare module "../../../i18n" {
  interface LazyNamespaces {
    admin: AdminMessages;
  }
}
