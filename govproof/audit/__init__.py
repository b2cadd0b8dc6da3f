"""`govproof audit`: check everything a site has published, resumably, with history and reports.

sources/crawl → executor (worker processes) → store (SQLite) → results (compared with the last run)
→ export (HTML, CSV, JSON, SARIF) and progress (bar and summary).
"""
