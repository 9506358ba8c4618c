"""Searches and records: one search per imported file with what PRISMA-S asks for, the records it
held (never updated), the staging of large imports in other processes, and the full-text index.

import_file (parse, stage and copy one file, whole or not at all), create_search, add_records,
list_searches, export_search_log; get_record, list_records, count_records, iter_records,
export_all_records and stream_all_records (the records CSV/XLSX/RIS).
"""
from review.searches import importing, records
from review.searches.importing import (
    FTS_TRIGGER,
    add_records,
    create_search,
    derived_in_bulk,
    export_search_log,
    import_file,
    list_searches,
)
from review.searches.records import (
    _fetch,
    _where,
    count_records,
    export_all_records,
    get_record,
    iter_records,
    removed_duplicates,
    stream_all_records,
)
from review.searches.staging import sweep_stale_scratch

__all__ = [
    "FTS_TRIGGER",
    "_fetch",
    "_where",
    "add_records",
    "count_records",
    "create_search",
    "derived_in_bulk",
    "export_all_records",
    "export_search_log",
    "get_record",
    "import_file",
    "importing",
    "iter_records",
    "list_searches",
    "records",
    "removed_duplicates",
    "stream_all_records",
    "sweep_stale_scratch",
]
