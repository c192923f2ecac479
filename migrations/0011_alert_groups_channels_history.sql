CREATE TABLE `alert_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`rule_id` text NOT NULL,
	`scope` text NOT NULL,
	`action` text NOT NULL,
	`by` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`until` integer,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `alert_actions_project` ON `alert_actions` (`project_id`,`at`);--> statement-breakpoint
ALTER TABLE `alert_rules` ADD `keep_firing_minutes` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `contact_points` ADD `type` text DEFAULT 'webhook' NOT NULL;--> statement-breakpoint
ALTER TABLE `contact_points` ADD `settings` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `contact_points` ADD `group_wait_seconds` integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE `contact_points` ADD `group_interval_seconds` integer DEFAULT 300 NOT NULL;--> statement-breakpoint
ALTER TABLE `contact_points` ADD `repeat_interval_seconds` integer DEFAULT 14400 NOT NULL;--> statement-breakpoint
ALTER TABLE `contact_points` ADD `mute_outside_working_time` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `webhook_deliveries` ADD `rule_id` text;--> statement-breakpoint
ALTER TABLE `webhook_deliveries` ADD `alerts` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `webhook_deliveries` ADD `kind` text DEFAULT 'notify' NOT NULL;