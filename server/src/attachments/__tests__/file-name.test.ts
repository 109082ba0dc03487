import { describe, expect, it } from "vitest";
import {
  attachmentDisposition,
  decodeFileNameHeader,
  displayFileName,
  MAX_ATTACHMENT_NAME_LENGTH,
} from "../file-name.ts";

describe("displayFileName", () => {
  it("should keep only the last path segment, Windows or POSIX", () => {
    expect(displayFileName("../../etc/passwd.txt")).toBe("passwd.txt");
    expect(displayFileName("C:\\Users\\vera\\Desktop\\shot.png")).toBe("shot.png");
  });

  it("should strip control and bidi-override characters", () => {
    expect(displayFileName("a\u0000b\r\nc\u0007.log")).toBe("abc.log");
    expect(displayFileName("invoice\u202egnp.exe")).toBe("invoicegnp.exe");
  });

  it("should cut long names to the limit but keep the extension", () => {
    const name = displayFileName(`${"x".repeat(300)}.log`);
    expect([...name]).toHaveLength(MAX_ATTACHMENT_NAME_LENGTH);
    expect(name.endsWith(".log")).toBe(true);
  });

  it("should not split a character made of two UTF-16 units when cutting", () => {
    const name = displayFileName(`${"😀".repeat(250)}.txt`);
    expect([...name]).toHaveLength(MAX_ATTACHMENT_NAME_LENGTH);
    expect(() => encodeURIComponent(name)).not.toThrow();
  });

  it("should leave nothing of a name that is only a path or controls", () => {
    expect(displayFileName("dir/")).toBe("");
    expect(displayFileName("\u0001\u0002")).toBe("");
  });
});

describe("decodeFileNameHeader", () => {
  it("should decode URI-encoded names and refuse broken encodings", () => {
    expect(decodeFileNameHeader(encodeURIComponent('résumé "final".pdf'))).toBe('résumé "final".pdf');
    expect(decodeFileNameHeader("%E0%A4%A")).toBeNull();
    expect(decodeFileNameHeader("%ED%A0%80")).toBeNull();
  });
});

describe("attachmentDisposition", () => {
  it("should give an ASCII fallback and the exact name as filename*", () => {
    expect(attachmentDisposition('résumé "v2".pdf')).toBe(
      "attachment; filename=\"r_sum_ _v2_.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%22v2%22.pdf",
    );
    expect(attachmentDisposition("it's (1).txt")).toBe(
      "attachment; filename=\"it's (1).txt\"; filename*=UTF-8''it%27s%20%281%29.txt",
    );
  });
});
