/** Output schemas of the list and layout reads (comment_list, revision_list, document_list, document_history, get_page_setup). */
import { z } from "zod";
import { MARGIN_NAMES } from "../../docx/index";
import { listPageFields, whole } from "./paging";

/** Set on an item whose longest texts were cut to keep the page within max_chars. */
const truncated = z.boolean().optional();

// Items name the fields an agent acts on; the rest of each item is there too (output objects are open).
export const commentListShape = z.object({
  position: whole,
  ...listPageFields,
  comments: z.array(
    z.object({
      id: z.string(),
      author: z.string().nullable(),
      text: z.string(),
      parent_id: z.string().nullable(),
      resolved: z.boolean(),
      truncated,
    }),
  ),
});

export const revisionListShape = z.object({
  position: whole,
  track_changes_enabled: z.boolean(),
  ...listPageFields,
  revisions: z.array(
    z.object({
      id: whole.nullable(),
      handle: z.string().optional(),
      type: z.string(),
      author: z.string().nullable(),
      path: z.string(),
      text: z.string(),
    }),
  ),
});

export const documentListShape = z.object({
  ...listPageFields,
  sessions: z.array(z.object({ id: z.string(), title: z.string(), source: z.string().nullable(), unsaved_changes: z.boolean() })),
});

export const historyShape = z.object({
  position: whole,
  ...listPageFields,
  entries: z.array(z.object({ position: whole, tool: z.string(), description: z.string() })),
});

export const pageSetupShape = z.object({
  position: whole,
  sections: z.array(
    z.object({
      section: whole,
      width_twips: whole.nullable(),
      height_twips: whole.nullable(),
      orientation: z.enum(["portrait", "landscape"]),
      margins_twips: z.partialRecord(z.enum(MARGIN_NAMES), z.number()),
    }),
  ),
});
