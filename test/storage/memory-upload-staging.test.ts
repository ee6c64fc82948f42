import { MemoryUploadStaging } from "../../src/storage/memory/upload-staging";
import { uploadStagingContract } from "../contract/upload-staging.contract";

uploadStagingContract("in memory", () => ({ staging: new MemoryUploadStaging(), tenantId: "t" }));
