import "i18next";
import type en from "../locales/en.json";
import type enDesk from "../locales/en/desk.json";
import type enSdAdmin from "../locales/en/sd-admin.json";
import type enExecAdmin from "../locales/en/exec-admin.json";
import type enExec from "../locales/en/exec.json";

// Typed keys: t("some.missing.key") fails type-checking. es.json is checked against en.json by a unit test.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: {
      translation: typeof en & {
        desk: typeof enDesk;
        sdAdmin: typeof enSdAdmin;
        execAdmin: typeof enExecAdmin;
        exec: typeof enExec;
      };
    };
  }
}
