-- Every project starts with the usual stage-2 exclusion reasons (review.projects.create_project gives
-- new ones review.screening_reasons.DEFAULT_REASONS). Before, a project got them only when its lead
-- first opened the reasons page, so full-text reviewers could find no reason to pick. A project that
-- has none yet gets the same list now.
INSERT INTO exclusion_reasons (project_id, label, position, created_at)
SELECT projects.id, reasons.label, reasons.position, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM projects
CROSS JOIN (SELECT 'Wrong population' AS label, 1 AS position
            UNION ALL SELECT 'Wrong exposure or intervention', 2
            UNION ALL SELECT 'Wrong outcome', 3
            UNION ALL SELECT 'Wrong study design', 4
            UNION ALL SELECT 'Wrong publication type', 5
            UNION ALL SELECT 'Duplicate report', 6
            UNION ALL SELECT 'Language', 7) AS reasons
WHERE NOT EXISTS (SELECT 1 FROM exclusion_reasons WHERE exclusion_reasons.project_id = projects.id);
