"""Sil's domain: storage, accounts, projects, records, screening and appraisal."""
