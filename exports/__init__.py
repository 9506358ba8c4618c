"""Writers for what leaves Sil: RIS, CSV, XLSX, SVG diagrams, documents, the static portal."""
