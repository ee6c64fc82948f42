/** Output schemas of the list and layout reads (comment_list, revision_list, document_list, document_history, get_page_setup). */
import { z } from "zod";
import { HEADER_FOOTER_TYPES, MARGIN_NAMES } from "../../docx/index";
import { listPageFields, whole } from "./paging";

/** Set on an item whose longest texts were cut to keep the page within max_chars. */
const truncated = z.boolean().optional();

export const commentListShape = z.object({
  doc_id: z.string(),
  ...listPageFields,
  comments: z.array(
    z.object({
      id: z.string(),
      author: z.string().nullable(),
      initials: z.string().nullable(),
      date: z.string().nullable(),
      text: z.string(),
      anchored_text: z.string().nullable(),
      parent_id: z.string().nullable(),
      resolved: z.boolean(),
      truncated,
    }),
  ),
});

export const revisionListShape = z.object({
  doc_id: z.string(),
  track_changes_enabled: z.boolean(),
  ...listPageFields,
  revisions: z.array(
    z.object({
      id: whole.nullable(),
      type: z.string(),
      element: z.string(),
      author: z.string().nullable(),
      date: z.string().nullable(),
      path: z.string(),
      element_id: z.string().nullable(),
      text: z.string(),
      move: z.string().optional(),
      to_path: z.string().optional(),
      to_element_id: z.string().nullable().optional(),
      handle: z.string().optional(),
      truncated,
    }),
  ),
});

export const sessionShape = z.object({
  id: z.string(),
  title: z.string(),
  source: z.string().nullable(),
  position: whole,
  created_at: z.string(),
  updated_at: z.string(),
  unsaved_changes: z.boolean(),
  unsaved_edits: whole,
  read_only: z.boolean(),
  auto_save: z.boolean(),
  auto_save_error: z.string().nullable(),
  expires_at: z.string().nullable(),
  truncated,
});

export const documentListShape = z.object({ ...listPageFields, sessions: z.array(sessionShape) });

export const historyShape = z.object({
  doc_id: z.string(),
  position: whole,
  top: whole,
  can_undo: z.boolean(),
  can_redo: z.boolean(),
  auto_save_error: z.string().nullable(),
  ...listPageFields,
  entries: z.array(
    z.object({ position: whole, at: z.string(), tool: z.string(), description: z.string(), current: z.boolean(), truncated }),
  ),
});

const slot = z.object({ part: z.string().nullable(), inherited_from: whole.nullable(), shown: z.boolean(), text: z.string() });
const slots = z.record(z.enum(HEADER_FOOTER_TYPES), slot);

export const pageSetupShape = z.object({
  doc_id: z.string(),
  total: whole,
  sections: z.array(
    z.object({
      section: whole,
      width_twips: whole.nullable(),
      height_twips: whole.nullable(),
      width_cm: whole.nullable(),
      height_cm: whole.nullable(),
      orientation: z.enum(["portrait", "landscape"]),
      margins_twips: z.partialRecord(z.enum(MARGIN_NAMES), z.number()),
      title_page: z.boolean(),
      headers: slots,
      footers: slots,
    }),
  ),
});
