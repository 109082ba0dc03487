import { LANGUAGES, LAUNCHER_LABELS, negotiate } from "@parley/shared/languages";
import { afterEach, describe, expect, it } from "vitest";
import { ar } from "../i18n/ar.ts";
import { chatEndText, loadChatEndText } from "../i18n/chat-end.ts";
import { chatEndAr } from "../i18n/chat-end-ar.ts";
import { chatEndDe } from "../i18n/chat-end-de.ts";
import { chatEndEn } from "../i18n/chat-end-en.ts";
import { chatEndEs } from "../i18n/chat-end-es.ts";
import { chatEndFr } from "../i18n/chat-end-fr.ts";
import { de } from "../i18n/de.ts";
import { en } from "../i18n/en.ts";
import { es } from "../i18n/es.ts";
import { filesText, loadFilesText } from "../i18n/files.ts";
import { filesAr } from "../i18n/files-ar.ts";
import { filesDe } from "../i18n/files-de.ts";
import { filesEn } from "../i18n/files-en.ts";
import { filesEs } from "../i18n/files-es.ts";
import { filesFr } from "../i18n/files-fr.ts";
import { fr } from "../i18n/fr.ts";
import { chooseLanguage, text } from "../i18n/language.ts";
import { loadOfflineText, offlineText } from "../i18n/offline.ts";
import { offlineAr } from "../i18n/offline-ar.ts";
import { offlineDe } from "../i18n/offline-de.ts";
import { offlineEn } from "../i18n/offline-en.ts";
import { offlineEs } from "../i18n/offline-es.ts";
import { offlineFr } from "../i18n/offline-fr.ts";
import { loadTicketsText, ticketsText } from "../i18n/tickets.ts";
import { ticketsAr } from "../i18n/tickets-ar.ts";
import { ticketsDe } from "../i18n/tickets-de.ts";
import { ticketsEn } from "../i18n/tickets-en.ts";
import { ticketsEs } from "../i18n/tickets-es.ts";
import { ticketsFr } from "../i18n/tickets-fr.ts";
import { formatOpening } from "../opening-time.ts";
import { queueText } from "../queue-status.ts";
import { CONV } from "./fixtures.ts";

const CHAT = { en, fr, de, es, ar };
const TICKETS = { en: ticketsEn, fr: ticketsFr, de: ticketsDe, es: ticketsEs, ar: ticketsAr };
const CHAT_END = { en: chatEndEn, fr: chatEndFr, de: chatEndDe, es: chatEndEs, ar: chatEndAr };
const OFFLINE = { en: offlineEn, fr: offlineFr, de: offlineDe, es: offlineEs, ar: offlineAr };
const FILES = { en: filesEn, fr: filesFr, de: filesDe, es: filesEs, ar: filesAr };

/**
 * Every leaf of a catalogue as [path, text]. A function is called with marker arguments, so a translation
 * that forgets to say the name or number English says is caught as surely as an empty one.
 */
function leaves(value: unknown, path = ""): [string, string, string[]][] {
  if (typeof value === "string") return [[path, value, []]];
  if (typeof value === "function") {
    const args = Array.from({ length: value.length }, (_, i) => `⟦${i}⟧`);
    return [[path, String(value(...args)), args]];
  }
  return Object.entries(value as object).flatMap(([key, v]) => leaves(v, path ? `${path}.${key}` : key));
}

describe("catalogues", () => {
  for (const [name, catalogues] of [
    ["chat", CHAT],
    ["tickets", TICKETS],
    ["chat end", CHAT_END],
    ["offline form", OFFLINE],
    ["files", FILES],
  ] as const) {
    const english = new Map(leaves(catalogues.en).map(([path, said, args]) => [path, { said, args }]));
    for (const [lang, catalogue] of Object.entries(catalogues)) {
      it(`${name} in ${lang}: every key English has, none empty, every name and number English says`, () => {
        const found = leaves(catalogue);
        expect(found.map(([path]) => path)).toEqual([...english.keys()]);
        for (const [path, said] of found) {
          expect(said.trim(), path).not.toBe("");
          const { args, said: inEnglish } = english.get(path) ?? { args: [], said: "" };
          for (const arg of args) if (inEnglish.includes(arg)) expect(said, path).toContain(arg);
        }
      });
    }
  }

  it("each names its own language, and only Arabic is right to left", () => {
    for (const [lang, catalogue] of Object.entries(CHAT)) {
      expect(catalogue.lang).toBe(lang);
      expect(catalogue.dir).toBe(lang === "ar" ? "rtl" : "ltr");
    }
    expect(Object.keys(CHAT)).toEqual([...LANGUAGES]);
    expect(Object.keys(TICKETS)).toEqual([...LANGUAGES]);
    expect(Object.keys(CHAT_END)).toEqual([...LANGUAGES]);
    expect(Object.keys(OFFLINE)).toEqual([...LANGUAGES]);
    expect(Object.keys(FILES)).toEqual([...LANGUAGES]);
  });

  it("the loader labels its button in every language but English, which it says itself", () => {
    expect(Object.keys(LAUNCHER_LABELS).sort()).toEqual(LANGUAGES.filter((l) => l !== "en").sort());
    for (const label of Object.values(LAUNCHER_LABELS)) expect(label.trim()).not.toBe("");
  });
});

describe("negotiate", () => {
  it("takes the primary language of a regional tag", () => {
    expect(negotiate(undefined, ["fr-CA"])).toBe("fr");
    expect(negotiate(undefined, ["ar-EG"])).toBe("ar");
    expect(negotiate(undefined, ["es-419", "en"])).toBe("es");
  });

  it("takes the first of the browser's languages it speaks, and English when it speaks none", () => {
    expect(negotiate(undefined, ["pt"])).toBe("en");
    expect(negotiate(undefined, ["pt-BR", "de-DE", "fr"])).toBe("de");
    expect(negotiate(undefined, [])).toBe("en");
  });

  it("lets the page's choice (MountOptions.locale) win over the browser's, even when unknown", () => {
    expect(negotiate("de", ["fr-FR"])).toBe("de");
    expect(negotiate("AR", ["fr-FR"])).toBe("ar");
    expect(negotiate("pt-BR", ["fr-FR"])).toBe("en");
  });
});

describe("chooseLanguage", () => {
  afterEach(() => chooseLanguage("en", []));

  it("fetches the language's catalogue and puts it on screen, for code outside components too", async () => {
    await chooseLanguage(undefined, ["fr-CA", "en"]);
    expect(text().lang).toBe("fr-CA");
    expect(text().title).toBe(fr.title);
    const waiting = { conversationId: CONV, position: 2, agentsOnline: 1, estimatedWaitSeconds: 240 };
    expect(queueText(waiting, { byEmail: false, opens: null })).toBe(
      "Vous êtes en position 2 dans la file d’attente. Attente estimée : environ 4 minutes.",
    );
  });

  it("formats with the regional tag that chose the language, and the bare language when the tag is malformed", async () => {
    await chooseLanguage(undefined, ["pt-BR", "en-GB"]);
    expect(text().lang).toBe("en-GB");
    expect(formatOpening("2026-01-12T21:30:00.000Z", new Date("2026-01-12T20:00:00Z"), text(), "UTC")).toBe(
      "today at 21:30 UTC",
    );
    await chooseLanguage("fr_FR!", []);
    expect(text().lang).toBe("fr");
    await chooseLanguage(undefined, ["es-419"]);
    expect(text().lang).toBe("es-419");
    expect(text().title).toBe(es.title);
  });

  it("gives the lazy views their words in the language on screen, whatever its region", async () => {
    // The store's lang is the regional tag (fr-FR); the views' catalogues are per language.
    await chooseLanguage(undefined, ["fr-FR"]);
    await Promise.all([
      loadTicketsText(text().lang),
      loadChatEndText(text().lang),
      loadOfflineText(text().lang),
      loadFilesText(text().lang),
    ]);
    expect(ticketsText().title).toBe(ticketsFr.title);
    expect(offlineText().sendRequest).toBe(offlineFr.sendRequest);
    expect(filesText().errors.fileTooLarge).toBe(filesFr.errors.fileTooLarge);
    expect(chatEndText().ratingLabel.good).toBe(chatEndFr.ratingLabel.good);
    await chooseLanguage("ar-EG", []);
    await loadChatEndText(text().lang);
    expect(chatEndText().rateTitle).toBe(chatEndAr.rateTitle);
    await chooseLanguage("en-GB", []);
    expect(chatEndText().rateTitle).toBe(chatEndEn.rateTitle);
    expect(ticketsText().title).toBe(ticketsEn.title);
    expect(offlineText().sendRequest).toBe(offlineEn.sendRequest);
  });

  it("ends on the language asked for last, whichever chunk arrives first", async () => {
    const slow = chooseLanguage("ar", []);
    const last = chooseLanguage("en", []);
    await Promise.all([slow, last]);
    expect(text().lang).toBe("en");
  });
});
