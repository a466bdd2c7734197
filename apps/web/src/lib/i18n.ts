import dayjs from "dayjs";
import "dayjs/locale/es";
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { z } from "zod";
import { en as zodEn, es as zodEs } from "zod/locales";
import en from "../locales/en.json";
import es from "../locales/es.json";
import enDesk from "../locales/en/desk.json";
import esDesk from "../locales/es/desk.json";
import enSdAdmin from "../locales/en/sd-admin.json";
import esSdAdmin from "../locales/es/sd-admin.json";
import enExecAdmin from "../locales/en/exec-admin.json";
import esExecAdmin from "../locales/es/exec-admin.json";
import enExec from "../locales/en/exec.json";
import esExec from "../locales/es/exec.json";

export const UI_LANGUAGES = ["en", "es"] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const STORAGE_KEY = "atende.language";

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === "string" && (UI_LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): UiLanguage | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isUiLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

function browserLanguage(): UiLanguage {
  const preferred = (navigator.languages ?? [navigator.language]).map((tag) => tag.slice(0, 2).toLowerCase());
  return preferred.find(isUiLanguage) ?? "en";
}

function applyLanguage(language: UiLanguage): void {
  document.documentElement.lang = language;
  dayjs.locale(language);
  // Default zod messages (client-side validation) follow the UI language; messages a schema names itself stay as written.
  z.config(language === "es" ? zodEs() : zodEn());
}

export async function initI18n(): Promise<typeof i18next> {
  const language = storedLanguage() ?? browserLanguage();
  await i18next.use(initReactI18next).init({
    // Feature files merge in under their own top-level key, so parallel work never edits the same JSON.
    resources: {
      en: { translation: { ...en, desk: enDesk, sdAdmin: enSdAdmin, execAdmin: enExecAdmin, exec: enExec } },
      es: { translation: { ...es, desk: esDesk, sdAdmin: esSdAdmin, execAdmin: esExecAdmin, exec: esExec } },
    },
    lng: language,
    fallbackLng: "en",
    supportedLngs: [...UI_LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyLanguage(language);
  return i18next;
}

/** Switches the UI language, remembers it across visits and updates `<html lang>`. */
export async function changeLanguage(language: UiLanguage): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing may refuse storage; the switch still applies to this visit.
  }
  await i18next.changeLanguage(language);
  applyLanguage(language);
}

/** Shows this visit in a language without remembering it (a page whose content has its own language). */
export async function showInLanguage(language: UiLanguage): Promise<void> {
  await i18next.changeLanguage(language);
  applyLanguage(language);
}

/** Whether the visitor picked a language on this browser (then nothing overrides it). */
export function hasChosenLanguage(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) !== null;
  } catch {
    return false;
  }
}

export function currentLanguage(): UiLanguage {
  return isUiLanguage(i18next.resolvedLanguage) ? i18next.resolvedLanguage : "en";
}
