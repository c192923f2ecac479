CREATE TABLE `report_filings` (
	`project_id` text NOT NULL,
	`type` text NOT NULL,
	`from_day` text NOT NULL,
	`to_day` text NOT NULL,
	`report_id` text NOT NULL,
	`submitted_at` integer NOT NULL,
	`submitted_by` text NOT NULL,
	`received_at` integer,
	`received_by` text,
	PRIMARY KEY(`project_id`, `type`, `from_day`, `to_day`)
);
