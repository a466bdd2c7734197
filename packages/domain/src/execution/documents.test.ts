import { describe, expect, it } from "vitest";
import { sniffKind } from "../files/sniff";
import { DOCUMENT_CATEGORIES, acceptJobUpload, isDocumentCategory } from "./documents";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const CSV = new TextEncoder().encode("code;quantity\n49407365;1\n");

describe("job documents", () => {
  it("has the guide's categories", () => {
    expect(DOCUMENT_CATEGORIES).toEqual(["legal", "provider_photos", "provider_documents", "budget", "other"]);
    expect(isDocumentCategory("legal")).toBe(true);
    expect(isDocumentCategory("photos")).toBe(false);
  });

  it("accepts each allowed extension with matching content", () => {
    expect(acceptJobUpload("site.PNG", sniffKind(PNG))).toEqual({ ok: true, contentType: "image/png" });
    expect(acceptJobUpload("site.jpeg", "jpg")).toEqual({ ok: true, contentType: "image/jpeg" });
    expect(acceptJobUpload("site.jpg", "jpg")).toEqual({ ok: true, contentType: "image/jpeg" });
    expect(acceptJobUpload("contract.pdf", "pdf")).toEqual({ ok: true, contentType: "application/pdf" });
    expect(acceptJobUpload("lines.csv", sniffKind(CSV))).toEqual({ ok: true, contentType: "text/csv" });
    expect(acceptJobUpload("budget.xlsx", "zip")).toEqual({
      ok: true,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    expect(acceptJobUpload("budget.xls", "ole")).toEqual({ ok: true, contentType: "application/vnd.ms-excel" });
  });

  it("refuses other extensions and content that does not match the name", () => {
    expect(acceptJobUpload("photo.gif", "gif")).toMatchObject({ ok: false });
    expect(acceptJobUpload("notes.txt", "text")).toMatchObject({ ok: false });
    expect(acceptJobUpload("letter.docx", "zip")).toMatchObject({ ok: false });
    expect(acceptJobUpload("noextension", "pdf")).toMatchObject({ ok: false });
    const fake = acceptJobUpload("photo.png", sniffKind(CSV));
    expect(fake).toMatchObject({ ok: false });
    expect(fake.ok || fake.message).toContain("not a valid PNG");
    expect(acceptJobUpload("photo.png", null)).toMatchObject({ ok: false });
    expect(acceptJobUpload("archive.xlsx", "ole")).toMatchObject({ ok: false });
    expect(acceptJobUpload("table.csv", "pdf")).toMatchObject({ ok: false });
  });
});
