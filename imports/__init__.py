"""Readers for bibliographic export files: detect the format, parse, normalise."""
