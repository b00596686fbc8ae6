"""The one exception family of techkg: every library error derives from :class:`KgError`.

The CLI turns a ``KgError`` into a one-line ``click.ClickException``; anything else is a bug.
"""


class KgError(Exception):
    """Base class of every error techkg raises on purpose (bad input, busy store, bad query)."""


class InputError(KgError):
    """An article file or folder cannot be read (missing, empty, binary, not UTF-8, malformed)."""


class StoreError(KgError):
    """The RDF store cannot be opened or written (in use, not a directory, corrupt)."""


class QueryError(KgError):
    """A SPARQL query is malformed or cannot be evaluated."""


class FetchError(KgError):
    """One URL cannot be fetched or read (refused address, DNS, time-out, HTTP error, too large, wrong type).

    A build reports it as one line and goes on with the other URLs.
    """
