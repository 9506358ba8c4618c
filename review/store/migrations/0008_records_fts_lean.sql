-- The records' full-text index without token positions (detail=none): about a third less work when
-- an import indexes its records, and a smaller index. The record search (review/records.py fts_query)
-- asks only for single words, all required, the last as a prefix, which detail=none answers.
DROP TRIGGER records_fts_insert;
DROP TRIGGER records_fts_delete;
DROP TABLE records_fts;

CREATE VIRTUAL TABLE records_fts USING fts5(
    title, abstract, authors, journal, keywords,
    content = 'records', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2', detail = none
);
INSERT INTO records_fts(records_fts) VALUES ('rebuild');

CREATE TRIGGER records_fts_insert AFTER INSERT ON records BEGIN
    INSERT INTO records_fts(rowid, title, abstract, authors, journal, keywords)
    VALUES (new.id, new.title, new.abstract, new.authors, new.journal, new.keywords);
END;

CREATE TRIGGER records_fts_delete AFTER DELETE ON records BEGIN
    INSERT INTO records_fts(records_fts, rowid, title, abstract, authors, journal, keywords)
    VALUES ('delete', old.id, old.title, old.abstract, old.authors, old.journal, old.keywords);
END;
