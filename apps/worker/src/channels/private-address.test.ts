import { describe, expect, it } from "vitest";
import { isPrivateAddress, resolvesToPrivateNetwork } from "./private-address";

describe("private addresses", () => {
  it("recognises loopback, private, link-local, CGNAT, unique-local and mapped addresses", () => {
    for (const a of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
      "::",
    ]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ["8.8.8.8", "172.32.0.1", "1.1.1.1", "2001:4860:4860::8888", "::ffff:8.8.8.8"]) {
      expect(isPrivateAddress(a), a).toBe(false);
    }
  });

  it("checks literal hosts of URLs without a DNS lookup", async () => {
    expect(await resolvesToPrivateNetwork("http://127.0.0.1:8080/hook")).toBe(true);
    expect(await resolvesToPrivateNetwork("http://[::1]/hook")).toBe(true);
    expect(await resolvesToPrivateNetwork("https://8.8.8.8/hook")).toBe(false);
    expect(await resolvesToPrivateNetwork("http://localhost:3000/hook")).toBe(true);
  });
});
