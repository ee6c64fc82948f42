import { hasUnsavedChanges, type SessionRecord, unsavedEdits } from "../../sessions/index";

/** A session as tools show it. */
export const sessionView = (s: SessionRecord) => ({
  id: s.id,
  title: s.title,
  source: s.sourceName,
  position: s.position,
  created_at: s.createdAt,
  updated_at: s.updatedAt,
  unsaved_changes: hasUnsavedChanges(s),
  unsaved_edits: unsavedEdits(s),
  read_only: s.readOnly,
  auto_save: s.autoSave,
  auto_save_error: s.autoSaveError,
  expires_at: s.expiresAt ?? null,
});
