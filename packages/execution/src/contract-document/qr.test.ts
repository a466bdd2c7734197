import { expect, test } from "vitest";
import { qrCodeSvg } from "./qr";

test("renders an SVG QR code", async () => {
  const svg = await qrCodeSvg("https://atende.example/sign/t/abc?token=xyz");
  expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(svg.trimEnd()).toMatch(/<\/svg>$/);
});

test("is deterministic", async () => {
  expect(await qrCodeSvg("https://atende.example/x")).toBe(await qrCodeSvg("https://atende.example/x"));
});

test("rejects input longer than 2000 characters with a clear error", async () => {
  await expect(qrCodeSvg(`https://atende.example/${"a".repeat(2000)}`)).rejects.toThrow(/at most 2000/);
  await expect(qrCodeSvg("")).rejects.toThrow(/empty/);
});
