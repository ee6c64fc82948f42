import { MemoryLibraryStore } from "../../src/storage/memory/library-store";
import { MemorySessionStore } from "../../src/storage/memory/session-store";
import { storedBytesContract } from "../contract/stored-bytes.contract";

storedBytesContract("in memory", () => ({ library: new MemoryLibraryStore(), store: new MemorySessionStore(), tenantId: "t" }));
