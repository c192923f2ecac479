CREATE TABLE `alert_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`type` text NOT NULL,
	`fonds` text,
	`kind` text,
	`station` text,
	`threshold` real NOT NULL,
	`pending_minutes` integer DEFAULT 0 NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `alert_rules_project` ON `alert_rules` (`project_id`);--> statement-breakpoint
CREATE TABLE `alert_transitions` (
	`project_id` text NOT NULL,
	`id` integer NOT NULL,
	`rule_id` text NOT NULL,
	`scope` text NOT NULL,
	`from_state` text NOT NULL,
	`to_state` text NOT NULL,
	`at` integer NOT NULL,
	`values` text,
	PRIMARY KEY(`project_id`, `id`)
);
--> statement-breakpoint
CREATE TABLE `contact_points` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`name` text NOT NULL,
	`url` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contact_points_project` ON `contact_points` (`project_id`);--> statement-breakpoint
CREATE TABLE `plan_moves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` text NOT NULL,
	`kind` text NOT NULL,
	`from_fonds` text NOT NULL,
	`to_fonds` text NOT NULL,
	`amount` integer NOT NULL,
	`reason` text NOT NULL,
	`user_id` text NOT NULL,
	`user_name` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_moves_project` ON `plan_moves` (`project_id`,`at`);--> statement-breakpoint
CREATE TABLE `plan_period_targets` (
	`project_id` text NOT NULL,
	`fonds_id` integer NOT NULL,
	`kind` text NOT NULL,
	`from_day` text NOT NULL,
	`to_day` text NOT NULL,
	`amount` integer NOT NULL,
	PRIMARY KEY(`fonds_id`, `kind`, `from_day`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`fonds_id`) REFERENCES `fonds`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_period_targets_project` ON `plan_period_targets` (`project_id`);--> statement-breakpoint
CREATE TABLE `project_calendars` (
	`project_id` text PRIMARY KEY NOT NULL,
	`holidays` text NOT NULL,
	`working_saturdays` text NOT NULL,
	`day_start` text DEFAULT '07:30' NOT NULL,
	`day_end` text DEFAULT '17:00' NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`project_id` text NOT NULL,
	`id` integer NOT NULL,
	`contact_point_id` text NOT NULL,
	`transition_id` integer NOT NULL,
	`attempt` integer NOT NULL,
	`status` integer,
	`error` text,
	`at` integer NOT NULL,
	PRIMARY KEY(`project_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_cp` ON `webhook_deliveries` (`contact_point_id`);