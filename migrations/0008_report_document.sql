CREATE TABLE `report_documents` (
	`project_id` text PRIMARY KEY NOT NULL,
	`parent_body` text NOT NULL,
	`issuing_body` text NOT NULL,
	`place` text NOT NULL,
	`recipient` text NOT NULL,
	`distribution` text NOT NULL,
	`signer_position` text NOT NULL,
	`signer_name` text NOT NULL,
	`number_suffix` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `report_notes` ADD `reasons` text DEFAULT '{}' NOT NULL;