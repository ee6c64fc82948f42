import { MemorySessionIndex } from "../../src/storage/memory/session-index";
import { sessionIndexContract } from "../contract/session-index.contract";

sessionIndexContract("in memory", () => new MemorySessionIndex());
