CREATE TABLE `acceptances` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` text NOT NULL,
	`fonds_code` text NOT NULL,
	`kind` text NOT NULL,
	`amount` integer NOT NULL,
	`minute_number` text NOT NULL,
	`minute_date` text NOT NULL,
	`user_name` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `acceptances_project` ON `acceptances` (`project_id`);--> statement-breakpoint
CREATE TABLE `report_notes` (
	`project_id` text NOT NULL,
	`type` text NOT NULL,
	`from_day` text NOT NULL,
	`to_day` text NOT NULL,
	`difficulties` text DEFAULT '' NOT NULL,
	`proposals` text DEFAULT '' NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`project_id`, `type`, `from_day`, `to_day`)
);
--> statement-breakpoint
CREATE TABLE `reports` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`type` text NOT NULL,
	`from_day` text NOT NULL,
	`to_day` text NOT NULL,
	`version` integer NOT NULL,
	`generated_at` integer NOT NULL,
	`generated_by` text NOT NULL,
	`content` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_version` ON `reports` (`project_id`,`type`,`from_day`,`to_day`,`version`);--> statement-breakpoint
CREATE INDEX `reports_project` ON `reports` (`project_id`,`to_day`);--> statement-breakpoint
CREATE TABLE `verifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` text NOT NULL,
	`inspection_day` text NOT NULL,
	`fonds_code` text NOT NULL,
	`kind` text NOT NULL,
	`reported` integer NOT NULL,
	`verified` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`user_name` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `verifications_project` ON `verifications` (`project_id`,`inspection_day`);--> statement-breakpoint
CREATE INDEX `daily_totals_day` ON `daily_totals` (`project_id`,`day`);