import { env } from "cloudflare:test";
import { R2UploadStaging } from "../../src/storage/r2/upload-staging";
import { uploadStagingContract } from "../contract/upload-staging.contract";

uploadStagingContract("R2", () => ({ staging: new R2UploadStaging(env.DOCS), tenantId: `staging-${crypto.randomUUID()}` }));
