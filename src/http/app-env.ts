import type { Principal } from "../auth";
import type { Env } from "../env";
import type { LibraryStore } from "../sessions/ports";

/**
 * The Hono environment of every docx-edge route: Worker bindings in, the authenticated principal out, and the
 * library as the composition root builds it (announcing changes to live listeners).
 */
export type AppEnv = { Bindings: Env; Variables: { principal: Principal; library?: LibraryStore } };
