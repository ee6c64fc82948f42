import type { Principal } from "../auth";
import type { Env } from "../env";

/** The Hono environment of every docx-edge route: Worker bindings in, the authenticated principal out. */
export type AppEnv = { Bindings: Env; Variables: { principal: Principal } };
