"""`govproof serve`: a local web page where a reviewer checks a draft and takes back a corrected copy.

Layout: ``command.py`` (the CLI subcommand), ``app.py`` (the Starlette app and its routes),
``guards.py`` (upload limit, security headers, Host check),
``forms.py`` (reading a request into a Submission, in memory), ``review.py`` (the check pipeline and
the downloads), ``rulepage.py`` (a rule's page), ``static/`` (the page, shipped in the wheel).
"""
