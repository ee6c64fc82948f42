import type { CallToolResult } from "@modelcontextprotocol/server";
import type { ToolContext } from "../context";
import { toolSuccess } from "../tool-result";

const SYNC_HINT = "call get_external_changes, then sync_external_changes or save with overwrite";
const DELETED_HINT = "the file was deleted from the library; document_save writes it again";

/**
 * The result of every document edit: the tool's data, plus `external_change` when the session's library file changed
 * since the session read or wrote it, so an agent learns before its save is refused. The edit itself is never blocked.
 */
export async function editSuccess(ctx: ToolContext, docId: string, data: Record<string, unknown>, text?: string): Promise<CallToolResult> {
  let pending: Awaited<ReturnType<typeof ctx.sessions.external.pending>> = null;
  try {
    pending = await ctx.sessions.external.pending(docId);
  } catch (error) {
    // The edit is committed; a failed look at the library must not turn it into an error.
    console.error("external change check failed", error);
  }
  if (!pending) return toolSuccess(data, text);
  const external_change = {
    file: pending.file,
    changed_at: pending.changedAt,
    hint: pending.changedAt === null ? DELETED_HINT : SYNC_HINT,
  };
  const notice =
    pending.changedAt === null
      ? `Note: library file ${pending.file} was deleted; ${DELETED_HINT}.`
      : `Note: library file ${pending.file} changed at ${pending.changedAt}, after this session read it; ${SYNC_HINT}.`;
  const withNotice = { ...data, external_change };
  return toolSuccess(withNotice, text === undefined ? undefined : `${text}\n${notice}`);
}
