import { SessionError, type SessionFailure } from "../../src/sessions/index";

/** The SessionFailure a call rejects with; fails the test when it resolves or throws anything else. */
export async function sessionFailure(promise: Promise<unknown>): Promise<SessionFailure> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof SessionError) return e.failure;
    throw e;
  }
  throw new Error("expected a SessionError");
}
