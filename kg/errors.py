"""Library errors. The CLI turns each into one line on stderr and a non-zero exit."""


class KgError(Exception):
    """Base class of every error kg reports to a user."""


class InputError(KgError):
    """A document or input path that cannot be read (names the file and the problem).
    `doc_id` names the document a JSON Lines line would have been, so that output that keeps
    one record per input line can hold its place."""

    def __init__(self, message: str, doc_id: str | None = None) -> None:
        super().__init__(message)
        self.doc_id = doc_id


class DataError(KgError):
    """A bad line in one of kg's own data files (names path:line)."""


class QueryError(KgError):
    """A SPARQL query that cannot be found, parsed or run."""


class ExtractionError(InputError):
    """A document that the extraction stages failed on (a bug in kg, reported per document);
    `doc_id` lets `kg extract` keep the document's record."""


class OutputError(KgError):
    """An output file or folder that cannot be written (names it); earlier outputs are kept."""
