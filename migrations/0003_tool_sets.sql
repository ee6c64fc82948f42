ALTER TABLE `access_tokens` ADD `tool_set` text DEFAULT 'complete' NOT NULL;--> statement-breakpoint
ALTER TABLE `oauth_codes` ADD `tool_set` text DEFAULT 'complete' NOT NULL;--> statement-breakpoint
ALTER TABLE `oauth_grants` ADD `tool_set` text DEFAULT 'complete' NOT NULL;