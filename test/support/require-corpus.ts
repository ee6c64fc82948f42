import { existsSync } from "node:fs";
import { CORPUS } from "./corpus";

/** Global setup of the corpus project: a missing corpus fails the run instead of passing it with nothing tested. */
export default function requireCorpus(): void {
  if (!existsSync(CORPUS)) {
    throw new Error(`The corpus suites need ../shared/corpus beside this checkout (looked for ${CORPUS}); npm test runs without it.`);
  }
}
