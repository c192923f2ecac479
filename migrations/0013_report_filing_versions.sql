-- One filing per submitted version (corrections file again); the columns new here start empty, since
-- filings made before kept no snapshot of what was submitted (hand-edited: drizzle-kit selected them).
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_report_filings` (
	`report_id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`type` text NOT NULL,
	`from_day` text NOT NULL,
	`to_day` text NOT NULL,
	`submitted_at` integer NOT NULL,
	`submitted_by` text NOT NULL,
	`received_at` integer,
	`received_by` text,
	`document` text,
	`notes` text,
	`corrected_at` integer,
	`corrected_by` text,
	`correction_reason` text
);
--> statement-breakpoint
INSERT INTO `__new_report_filings`("report_id", "project_id", "type", "from_day", "to_day", "submitted_at", "submitted_by", "received_at", "received_by", "document", "notes", "corrected_at", "corrected_by", "correction_reason") SELECT "report_id", "project_id", "type", "from_day", "to_day", "submitted_at", "submitted_by", "received_at", "received_by", NULL, NULL, NULL, NULL, NULL FROM `report_filings`;--> statement-breakpoint
DROP TABLE `report_filings`;--> statement-breakpoint
ALTER TABLE `__new_report_filings` RENAME TO `report_filings`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `report_filings_period` ON `report_filings` (`project_id`,`type`,`from_day`,`to_day`);