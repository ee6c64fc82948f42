import { html } from "hono/html";
import { DEFAULT_TOOL_SET, isToolSet, TOOL_SETS, type ToolSet } from "../../auth";
import type { WebContext } from "./services";

/**
 * The choice of which tools an agent is shown, offered when a token is created and on the OAuth consent page. The
 * sizes are measured from the real tool lists: every listed character is loaded into the model's context each turn.
 */
const about = (chars: number) => `about ${(Math.round(chars / 1000) * 1000).toLocaleString("en-US")} characters`;

function label(c: WebContext, toolSet: ToolSet): string {
  const { tools, chars } = c.var.services.toolSetSizes()[toolSet];
  return toolSet === "compact"
    ? `compact (recommended; ${tools} tools, ${about(chars)} of context)`
    : `complete docx-mcp set (${tools} tools, ${about(chars)})`;
}

export const toolSetChoice = (c: WebContext) => html`<fieldset class="choices"><legend class="muted">Tools shown to agents</legend>
  ${TOOL_SETS.map(
    (s) =>
      html`<label><input type="radio" name="tool_set" value="${s}" ${s === DEFAULT_TOOL_SET ? "checked" : ""} /> ${label(c, s)}</label>`,
  )}
  <p class="muted">Both sets can make every edit: compact sends them through apply_patch. Choose complete for prompts or scripts that name tools such as replace_text.</p>
</fieldset>`;

/** The set a submitted form chose (the default when the field is absent), or null for a value no form offers. */
export function chosenToolSet(form: Record<string, unknown>): ToolSet | null {
  const value = form.tool_set ?? DEFAULT_TOOL_SET;
  return isToolSet(value) ? value : null;
}

export const TOOL_SET_REFUSAL = `Choose which tools agents see: ${TOOL_SETS.join(" or ")}.`;
