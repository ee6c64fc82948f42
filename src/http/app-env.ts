import type { Principal } from "../auth";
import type { Env } from "../env";
import type { LibraryStore, UploadStaging } from "../sessions/ports";

/**
 * The Hono environment of every docx-edge route: Worker bindings in, the authenticated principal out, and the
 * library as the composition root builds it (announcing changes to live listeners) and where uploads are staged.
 */
export type AppEnv = { Bindings: Env; Variables: { principal: Principal; library?: LibraryStore; staging?: UploadStaging } };
