CREATE TABLE `corrections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` text NOT NULL,
	`fonds_code` text NOT NULL,
	`kind` text NOT NULL,
	`delta` integer NOT NULL,
	`reason` text NOT NULL,
	`user_id` text,
	`event_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `corrections_project` ON `corrections` (`project_id`);--> statement-breakpoint
CREATE TABLE `counter_events` (
	`project_id` text NOT NULL,
	`event_id` text NOT NULL,
	`seq` integer NOT NULL,
	`station_id` text NOT NULL,
	`fonds_code` text NOT NULL,
	`kind` text NOT NULL,
	`delta` integer NOT NULL,
	`at` integer NOT NULL,
	`day` text NOT NULL,
	PRIMARY KEY(`project_id`, `event_id`)
);
--> statement-breakpoint
CREATE INDEX `counter_events_seq` ON `counter_events` (`project_id`,`seq`);--> statement-breakpoint
CREATE TABLE `daily_totals` (
	`project_id` text NOT NULL,
	`fonds_code` text NOT NULL,
	`kind` text NOT NULL,
	`station_id` text NOT NULL,
	`day` text NOT NULL,
	`amount` integer NOT NULL,
	`seq` integer NOT NULL,
	PRIMARY KEY(`project_id`, `fonds_code`, `kind`, `station_id`, `day`)
);
--> statement-breakpoint
CREATE TABLE `fonds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`agency` text DEFAULT '' NOT NULL,
	`restricted` integer DEFAULT false NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fonds_project_code` ON `fonds` (`project_id`,`code`);--> statement-breakpoint
CREATE TABLE `memberships` (
	`user_id` text NOT NULL,
	`province_id` text,
	`project_id` text,
	`role` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `memberships_user` ON `memberships` (`user_id`);--> statement-breakpoint
CREATE TABLE `plan_targets` (
	`project_id` text NOT NULL,
	`fonds_id` integer NOT NULL,
	`kind` text NOT NULL,
	`approved` integer DEFAULT 0 NOT NULL,
	`funded` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`fonds_id`, `kind`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`fonds_id`) REFERENCES `fonds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`kind`) REFERENCES `work_kinds`(`key`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_targets_project` ON `plan_targets` (`project_id`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` text PRIMARY KEY NOT NULL,
	`province_id` text NOT NULL,
	`name` text NOT NULL,
	`legal_basis` text DEFAULT '' NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`time_zone` text DEFAULT 'Asia/Ho_Chi_Minh' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `projects_province` ON `projects` (`province_id`);--> statement-breakpoint
CREATE TABLE `provinces` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stations` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`revoked_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stations_token_hash` ON `stations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `stations_project` ON `stations` (`project_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `work_kinds` (
	`key` text PRIMARY KEY NOT NULL,
	`decimals` integer NOT NULL,
	`unit` text NOT NULL
);
