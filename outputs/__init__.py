"""What actionplan writes besides one JSON file per plan: the whole-batch item tables
(jsonl, csv), the workbook (xlsx) and the validation report page (html). Each takes the
outcomes or the report (``actionplan.report``) and writes one file atomically."""
