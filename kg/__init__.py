"""techkg: knowledge graphs of the technology industry from German and English news.

The public API lives in :mod:`kg.api`; the command line in :mod:`kg.cli` only wires it up.

Examples
--------
>>> from kg.api import extract_text
>>> [t.p for t in extract_text("Meta kooperiert mit Midjourney.", lang="de")]
['collaboratesWith']
"""

__version__ = "0.1.0"
