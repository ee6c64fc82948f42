import { describe, expect, it } from "vitest";
import { DocumentSessions } from "../../src/sessions/index";
import { MemoryLibraryStore } from "../../src/storage/memory/library-store";
import { MemorySessionIndex } from "../../src/storage/memory/session-index";
import { MemorySessionStore } from "../../src/storage/memory/session-store";
import { LIBREOFFICE_TIMEOUT_MS, openDocumentContent, sofficeAvailable } from "../support/libreoffice";

const PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGP8z8DwnwEIGAEAHgMBAVCS+AMAAAAASUVORK5CYII=";
const PNG = Uint8Array.from(atob(PNG_BASE64), (c) => c.charCodeAt(0));

function setup() {
  const library = new MemoryLibraryStore();
  const sessions = new DocumentSessions({ tenantId: "t", library, store: new MemorySessionStore(), index: new MemorySessionIndex() });
  return { library, sessions };
}

describe("DocumentSessions.readLibraryImage", () => {
  it("refuses a file whose bytes are not the picture its name says, naming it", async () => {
    const { library, sessions } = setup();
    await library.write("t", "fake.png", new TextEncoder().encode("not a picture"), "image/png");
    await expect(sessions.readLibraryImage("fake.png")).rejects.toMatchObject({ failure: { kind: "invalid_image", name: "fake.png" } });
    await expect(sessions.readLibraryImage("../x.png")).rejects.toMatchObject({ failure: { kind: "invalid_name" } });
  });

  it.runIf(sofficeAvailable())(
    "gives bytes that, inserted as an image element, LibreOffice renders as a picture",
    async () => {
      const { library, sessions } = setup();
      await library.write("t", "logo.png", PNG, "image/png");
      const bytes = await sessions.readLibraryImage("logo.png");
      const session = await sessions.create();
      await sessions.history.edit(session.id, { tool: "add_element" }, (doc) => {
        const data = btoa(String.fromCharCode(...bytes));
        const result = doc.applyPatch([
          { op: "add", path: "/body/children/0", value: { type: "image", data, width: 2, unit: "cm", alt: "Logo" } },
        ]);
        return { result, description: "add image" };
      });
      const [content] = openDocumentContent([{ bytes: await sessions.currentDocument(session.id), name: "library-image" }]);
      expect(content).toMatch(/<draw:frame[^>]*>[\s\S]*<draw:image/);
      expect(content).toContain("Logo");
    },
    LIBREOFFICE_TIMEOUT_MS,
  );
});
