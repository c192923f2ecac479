-- The work kinds of DOMAIN.md; keep in step with schema/kinds.ts.
INSERT INTO `work_kinds` (`key`, `decimals`, `unit`) VALUES
  ('files', 0, 'records'),
  ('documents', 0, 'records'),
  ('pages', 0, 'pages'),
  ('metres', 2, 'metres'),
  ('metres_loose', 2, 'metres'),
  ('sheets', 0, 'sheets');
