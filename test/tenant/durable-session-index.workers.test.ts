import { env } from "cloudflare:test";
import { DurableSessionIndex, tenantStub } from "../../src/tenant/index";
import { sessionIndexContract } from "../contract/session-index.contract";

let n = 0;
// A fresh tenant object per test, so each test starts with an empty ledger.
sessionIndexContract("tenant Durable Object", () => new DurableSessionIndex(tenantStub(env.TENANT, `contract-${++n}-${Date.now()}`)));
