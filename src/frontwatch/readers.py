"""Read articles from files, folders and standard input into :class:`~frontwatch.records.Document`.

Every input yields documents, and every problem yields a one-line :class:`ReadFailure` naming the
file (and line) instead of an exception, so one bad file never stops a batch of thousands.
Files a folder walk passes over come back as :class:`Skipped`, so nothing disappears silently.

Formats, chosen by extension (case-insensitive):

``.txt`` -- seed format
    The publication date first, then the article::

         date 2022-09 Bilohorivka is een plaats in de buurt van Lysytsjansk. ...

    The header is the keyword ``date`` (any case, leading whitespace allowed, an optional colon)
    and a date ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``. The text follows on the same line or on
    the next ones; its layout is kept (blank lines between paragraphs matter to the sentence
    splitter), only the whitespace around the whole text is stripped.

``.jsonl`` / ``.ndjson`` -- one JSON object per line
    Required ``text`` and ``date``; optional ``url``, ``title``, ``lang``, ``source``. Other keys
    are ignored, so the output of ``frontwatch extract`` reads back in. Blank lines are skipped.

``.csv`` / ``.tsv`` -- a header row, then one article per row
    Columns ``text`` and ``date`` are required (any case), the optional ones as for JSONL. Quoted
    fields may span lines. The delimiter of a ``.csv`` is taken from the header: comma,
    semicolon (what a Dutch spreadsheet writes) or tab.

``.html`` / ``.htm`` -- a saved web page
    Main text, title and URL (``<link rel=canonical>`` or ``og:url``) through trafilatura, offline.
    The publication date comes first from the page's markup; failing that, from a date written in
    the page, where a bare year (such as the copyright line of a footer) is *not* taken for a
    publication date and a date only known to the month keeps month precision. A page without a
    findable date is a failure: frontwatch resolves every time against the publication date and
    will not guess one.

A record's ``date`` may also be a timestamp (``2023-10-12T17:05:00+01:00``); its day is kept.
A record's own ``lang`` wins over :attr:`ReadOptions.lang`; with neither, ``lang`` stays None and
the language component identifies it.
Records from JSONL and CSV get ``source = "path:line"`` (the line where the record starts)
unless the record names its own ``source``.

Any other extension is read when the file is named explicitly: content starting with ``{`` is
JSONL, with ``<`` HTML, a first line naming ``text`` and ``date`` columns CSV, and anything else
seed text; :attr:`ReadOptions.default_format` overrides that guess. Standard input (``-``) is
sniffed the same way. In folders, which are walked recursively in sorted order, only the
extensions above are read; other files and hidden files and folders are :class:`Skipped`.

Bytes are decoded as strict UTF-8 (a byte-order mark is removed; UTF-16 with a BOM is read too).
Other bytes are identified with charset-normalizer, preferring Windows-1252 when it reads as well
as the best guess (most legacy Dutch and English text is Windows-1252, and charset-normalizer
tends to call it Central European), and accepted only in the legacy Latin and Cyrillic
encodings news text plausibly comes in. A file mixing UTF-8 with another encoding, or bytes no
plausible encoding reads, fail with the offset of the first bad byte. Newlines become ``\\n``
and text is put in Unicode NFC form before any offset is computed.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import logging
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import Any, BinaryIO, Final

from frontwatch.records import Document, RecordError, parse_document_date

log = logging.getLogger(__name__)

FORMATS: Final = ("seed", "jsonl", "csv", "tsv", "html")
SUFFIX_FORMATS: Final[dict[str, str]] = {
    ".txt": "seed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".html": "html",
    ".htm": "html",
}
STDIN_SOURCE: Final = "<stdin>"

REQUIRED_FIELDS: Final = ("text", "date")
OPTIONAL_FIELDS: Final = ("url", "title", "lang", "source")

# Legacy encodings a news text plausibly comes in (charset-normalizer's names). Anything else
# charset-normalizer proposes for a non-UTF-8 file is more likely a wrong guess on garbage.
CYRILLIC_ENCODINGS: Final = frozenset({"cp1251", "koi8_r", "koi8_u", "iso8859_5", "mac_cyrillic"})
PLAUSIBLE_ENCODINGS: Final = CYRILLIC_ENCODINGS | {
    "cp1252",
    "latin_1",
    "iso8859_15",
    "iso8859_9",
    "cp1254",
    "mac_roman",  # Western European
    "cp1250",
    "iso8859_2",
    "mac_latin2",
    "cp1257",
    "iso8859_13",  # Central European, Baltic
}
# How much worse than charset-normalizer's favourite Windows-1252 may read and still be chosen.
_CP1252_TOLERANCE: Final = 0.01
# Prefix of the bytes inspected for NULs and control characters.
_BINARY_SNIFF_BYTES: Final = 8192
# Share of control characters (other than tab, newlines, form feed) that marks a binary file.
_MAX_CONTROL_SHARE: Final = 0.05
_CONTROL_BYTES: Final = frozenset([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F]) - {0x1A}

# A valid UTF-8 sequence for a character of Latin-1 Supplement or Latin Extended-A (é, ï, ő):
# in a file that is not valid UTF-8 but reads as a Latin legacy encoding, such a pair means UTF-8
# mixed with that encoding, since in Windows-1252 it is a capital "Â"-"Å" followed by a symbol
# ("Ã¯"). (In Windows-1251 the same bytes are ordinary words: "Ві" in "Вінниця".)
_UTF8_LATIN_PAIR: Final = re.compile(rb"[\xC2-\xC5][\x80-\xBF]")
_DECLARED_CHARSET: Final = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)

_SEED_HEADER: Final = re.compile(r"\s*date(?=[\s:]|\Z)[ \t]*:?[ \t]*(\S*)", re.IGNORECASE)
_DATE_SHAPE: Final = re.compile(r"\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?")
_TIMESTAMP: Final = re.compile(
    r"(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
)
_CSV_DELIMITERS: Final = (",", ";", "\t")


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """An input, or one record of it, that could not be read; the batch goes on without it."""

    source: str
    line: int | None
    problem: str

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.problem}"


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file a folder walk passed over on purpose (hidden, or not a format frontwatch reads)."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: skipped, {self.reason}"


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read inputs.

    ``max_bytes`` bounds any one file (checked before reading, so a stray 2 GB dump costs
    nothing); ``lang`` is the language of records that do not state their own; and
    ``default_format`` (one of :data:`FORMATS`) is used for standard input and for explicitly
    named files whose extension says nothing, instead of guessing from the content.
    """

    max_bytes: int = 5_000_000
    lang: str | None = None
    default_format: str | None = None

    def __post_init__(self) -> None:
        if self.max_bytes <= 0:
            raise ValueError(f"max_bytes must be positive, not {self.max_bytes}")
        if self.default_format is not None and self.default_format not in FORMATS:
            raise ValueError(
                f"unknown format {self.default_format!r}; expected one of {', '.join(FORMATS)}"
            )


ReadResult = Document | ReadFailure | Skipped


class _Unreadable(Exception):
    """Internal: the current input or record fails with ``problem`` (at ``line``, if known)."""

    def __init__(self, problem: str, line: int | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.line = line


def iter_inputs(
    paths: Sequence[str],
    options: ReadOptions | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[ReadResult]:
    """Read every path in order and yield its documents, failures and skipped files.

    A path is a file, a folder (walked recursively, sorted) or ``-`` for standard input (read
    from ``stdin``, else ``sys.stdin.buffer``). Nothing raises for bad input: every problem is a
    :class:`ReadFailure`, and reading goes on with the next record or file.
    """
    options = options or ReadOptions()
    stdin_read = False
    for given in paths:
        if given == "-":
            if stdin_read:
                yield ReadFailure(STDIN_SOURCE, None, "standard input named twice; read once")
                continue
            stdin_read = True
            yield from _read_stdin(stdin, options)
        else:
            yield from _read_path(given, options)


# --- files, folders, standard input --------------------------------------------------------


def _read_stdin(stdin: BinaryIO | None, options: ReadOptions) -> Iterator[ReadResult]:
    stream: Any = stdin if stdin is not None else sys.stdin.buffer
    stream = getattr(stream, "buffer", stream)  # a text stream such as sys.stdin: use its bytes
    try:
        data = stream.read(options.max_bytes + 1)
    except OSError as exc:
        yield ReadFailure(STDIN_SOURCE, None, f"cannot read standard input: {_os_problem(exc)}")
        return
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > options.max_bytes:
        yield ReadFailure(
            STDIN_SOURCE, None, f"input is over the limit of {options.max_bytes:,} bytes"
        )
        return
    reading = _read_bytes(data, STDIN_SOURCE, options.default_format, options)
    yield from _guarded(STDIN_SOURCE, reading)


def _read_path(given: str, options: ReadOptions) -> Iterator[ReadResult]:
    path = Path(given)
    try:
        st = path.stat()
    except FileNotFoundError:
        problem = "broken symbolic link" if path.is_symlink() else "no such file or folder"
        yield ReadFailure(given, None, problem)
        return
    except OSError as exc:
        yield ReadFailure(given, None, _os_problem(exc))
        return
    if stat.S_ISDIR(st.st_mode):
        yield from _walk_folder(path, given, options, visited={_identity(st)})
    elif stat.S_ISREG(st.st_mode):
        fmt = SUFFIX_FORMATS.get(path.suffix.lower()) or options.default_format
        yield from _guarded(given, _read_file(path, given, st.st_size, fmt, options))
    else:
        yield ReadFailure(given, None, "not a regular file or folder")


def _walk_folder(
    folder: Path, source: str, options: ReadOptions, visited: set[tuple[int, int]]
) -> Iterator[ReadResult]:
    """Yield the readable files under ``folder`` in sorted order, and say what was passed over."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield ReadFailure(source, None, f"cannot list folder: {_os_problem(exc)}")
        return
    for entry in entries:
        entry_source = os.path.join(source, entry.name)
        try:
            st = entry.stat()  # follows symbolic links
        except OSError as exc:
            problem = "broken symbolic link" if entry.is_symlink() else _os_problem(exc)
            yield ReadFailure(entry_source, None, problem)
            continue
        is_dir = stat.S_ISDIR(st.st_mode)
        if entry.name.startswith("."):
            yield Skipped(entry_source, "hidden folder" if is_dir else "hidden file")
        elif is_dir:
            identity = _identity(st)
            if identity in visited:
                yield Skipped(entry_source, "folder already read (symbolic link loop)")
                continue
            yield from _walk_folder(Path(entry.path), entry_source, options, visited | {identity})
        elif not stat.S_ISREG(st.st_mode):
            yield Skipped(entry_source, "not a regular file")
        else:
            suffix = Path(entry.name).suffix.lower()
            fmt = SUFFIX_FORMATS.get(suffix)
            if fmt is None:
                reason = f"unsupported extension {suffix!r}" if suffix else "no extension"
                yield Skipped(entry_source, reason)
                continue
            reading = _read_file(Path(entry.path), entry_source, st.st_size, fmt, options)
            yield from _guarded(entry_source, reading)


def _read_file(
    path: Path, source: str, size: int, fmt: str | None, options: ReadOptions
) -> Iterator[ReadResult]:
    if size > options.max_bytes:
        yield ReadFailure(
            source, None, f"file is {size:,} bytes, over the limit of {options.max_bytes:,} bytes"
        )
        return
    try:
        with path.open("rb") as handle:
            data = handle.read(options.max_bytes + 1)  # the file may have grown since stat
    except OSError as exc:
        yield ReadFailure(source, None, _os_problem(exc))
        return
    if len(data) > options.max_bytes:
        yield ReadFailure(source, None, f"file is over the limit of {options.max_bytes:,} bytes")
        return
    yield from _read_bytes(data, source, fmt, options)


def _guarded(source: str, results: Iterator[ReadResult]) -> Iterator[ReadResult]:
    """Turn a crash while reading one input into a failure of that input, not of the batch."""
    try:
        yield from results
    except Exception as exc:  # a bug or a library surprise must not end a long batch
        log.debug("unexpected error reading %s", source, exc_info=True)
        yield ReadFailure(source, None, f"unexpected error: {type(exc).__name__}: {exc}")


def _identity(st: os.stat_result) -> tuple[int, int]:
    return (st.st_dev, st.st_ino)


def _os_problem(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a folder"
    return (exc.strerror or str(exc)).lower()


# --- bytes to text -------------------------------------------------------------------------


def _read_bytes(
    data: bytes, source: str, fmt: str | None, options: ReadOptions
) -> Iterator[ReadResult]:
    empty = "empty input" if source == STDIN_SOURCE else "empty file"
    if not data.strip():
        yield ReadFailure(source, None, empty)
        return
    try:
        text = _decode_text(data, source, html=fmt == "html")
    except _Unreadable as exc:
        yield ReadFailure(source, None, exc.problem)
        return
    if not text.strip():
        yield ReadFailure(source, None, empty)
        return
    fmt = fmt or sniff_format(text)
    if fmt == "seed":
        yield parse_seed_text(text, source, lang=options.lang)
    elif fmt == "jsonl":
        yield from _read_jsonl(text, source, options)
    elif fmt in ("csv", "tsv"):
        yield from _read_csv(text, source, fmt, options)
    else:
        yield _read_html(text, source, options)


def _decode_text(data: bytes, source: str = "", *, html: bool = False) -> str:
    """Decode a file's bytes to text with ``\\n`` newlines, or raise on binary/undecodable data.

    Strict UTF-8 first (most files); then, for HTML, the charset the page declares; then the
    most plausible legacy encoding, logged at INFO. Raises ``_Unreadable`` with the message the
    failure reports.
    """
    text = _decode(data, source, html)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, source: str, html: bool) -> str:
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                # utf-8-sig counts offsets after the BOM; the others include it
                offset = exc.start + (len(bom) if codec == "utf-8-sig" else 0)
                raise _Unreadable(f"undecodable bytes at offset {offset} ({codec})") from None
            if codec != "utf-8-sig":
                log.info("%s: decoded as %s (byte-order mark)", source, codec)
            _check_not_binary_text(text)
            return text

    _check_not_binary_bytes(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start

    if html:
        declared = _declared_charset(data)
        if declared:
            try:
                text = data.decode(declared)
            except UnicodeDecodeError:
                log.debug("%s: declared charset %s does not fit the bytes", source, declared)
            else:
                log.info("%s: not UTF-8; decoded as %s (declared by the page)", source, declared)
                return text

    guessed, encoding = _guess_legacy_encoding(data)
    if guessed is None:
        raise _Unreadable(f"undecodable bytes at offset {first_bad}")
    if encoding not in CYRILLIC_ENCODINGS and _UTF8_LATIN_PAIR.search(data):
        raise _Unreadable(
            f"undecodable bytes at offset {first_bad} (UTF-8 mixed with another encoding)"
        )
    log.info("%s: not UTF-8; decoded as %s", source, encoding)
    return guessed


def _guess_legacy_encoding(data: bytes) -> tuple[str | None, str | None]:
    """The text under the most plausible legacy encoding, or ``(None, None)``."""
    from charset_normalizer import from_bytes
    from charset_normalizer.md import mess_ratio

    best = from_bytes(data).best()
    try:
        as_cp1252: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        as_cp1252 = None
    if as_cp1252 is not None:
        best_chaos = best.chaos if best is not None else 0.1
        if mess_ratio(as_cp1252[:65536]) <= best_chaos + _CP1252_TOLERANCE:
            return as_cp1252, "cp1252"
    if best is not None and best.encoding in PLAUSIBLE_ENCODINGS:
        return str(best), best.encoding
    if best is not None:
        log.debug("rejected implausible encoding guess %s", best.encoding)
    return None, None


def _declared_charset(data: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _check_not_binary_bytes(data: bytes) -> None:
    head = data[:_BINARY_SNIFF_BYTES]
    if b"\x00" in head:
        raise _Unreadable("binary file, not text")
    controls = sum(1 for byte in head if byte in _CONTROL_BYTES)
    if controls > _MAX_CONTROL_SHARE * len(head):
        raise _Unreadable("binary file, not text")


def _check_not_binary_text(text: str) -> None:
    head = text[:_BINARY_SNIFF_BYTES]
    controls = sum(1 for ch in head if ord(ch) in _CONTROL_BYTES)
    if "\x00" in head or controls > _MAX_CONTROL_SHARE * len(head):
        raise _Unreadable("binary file, not text")


def sniff_format(text: str) -> str:
    """Guess the format of text whose name says nothing: JSONL, HTML, CSV/TSV or seed text."""
    head = text.lstrip()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("<"):
        return "html"
    first_line = head.split("\n", 1)[0]
    delimiter = _csv_delimiter(first_line)
    if delimiter is not None:
        return "tsv" if delimiter == "\t" else "csv"
    return "seed"


# --- seed text -----------------------------------------------------------------------------


def parse_seed_text(text: str, source: str, lang: str | None = None) -> Document | ReadFailure:
    """Parse decoded seed-format text (`` date YYYY-MM `` then the article) into a document."""
    match = _SEED_HEADER.match(text)
    if not match:
        found = text.strip().split("\n", 1)[0][:40]
        return ReadFailure(
            source,
            None,
            f"no date header: expected 'date YYYY-MM' or 'date YYYY-MM-DD' at the start, "
            f"found {found!r}",
        )
    value = match.group(1)
    if not value:
        return ReadFailure(source, 1, "no date after 'date' in the header")
    if not value[0].isdigit():
        return ReadFailure(
            source, 1, f"no date header: 'date' is followed by {value[:40]!r}, not a date"
        )
    problem = _date_problem(value)
    if problem:
        return ReadFailure(source, 1, f"invalid date {value!r} in the header: {problem}")
    body = text[match.end() :]
    if not body.strip():
        return ReadFailure(source, None, "no text after the date header")
    return _make_document(body, value, source=source, lang=lang)


def _date_problem(value: str) -> str | None:
    """Why ``value`` is not a YYYY, YYYY-MM or YYYY-MM-DD date, or None when it is one."""
    if not _DATE_SHAPE.fullmatch(value):
        return "expected YYYY-MM or YYYY-MM-DD"
    try:
        parse_document_date(value)
    except RecordError as exc:
        reason = str(exc).rsplit(": ", 1)[-1]
        return "expected YYYY-MM or YYYY-MM-DD" if reason.startswith("expected") else reason
    return None


def _make_document(
    text: str,
    date: str,
    *,
    source: str,
    lang: str | None = None,
    title: str | None = None,
    url: str | None = None,
) -> Document:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    return Document(
        text=text,
        date=date,
        lang=lang,
        title=unicodedata.normalize("NFC", title).strip() if title else None,
        url=url.strip() if url else None,
        source=source,
    )


# --- records: JSONL and CSV ----------------------------------------------------------------


def _record_document(record: dict[str, Any], default_source: str, options: ReadOptions) -> Document:
    """A document from one JSONL object or CSV row; raises ``_Unreadable`` with the reason."""
    missing = [name for name in REQUIRED_FIELDS if record.get(name) is None]
    if missing:
        names = " and ".join(repr(name) for name in missing)
        raise _Unreadable(f"missing required field{'s' if len(missing) > 1 else ''} {names}")
    values: dict[str, str | None] = {}
    for name in (*REQUIRED_FIELDS, *OPTIONAL_FIELDS):
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise _Unreadable(f"field {name!r} must be a string, not {_json_type(value)}")
        values[name] = value.strip() if isinstance(value, str) and value.strip() else None
    text, raw_date = values["text"], values["date"]
    if text is None:
        raise _Unreadable("field 'text' is empty")
    if raw_date is None:
        raise _Unreadable("field 'date' is empty")
    timestamp = _TIMESTAMP.fullmatch(raw_date)
    day = timestamp.group(1) if timestamp else raw_date
    problem = _date_problem(day)
    if problem:
        raise _Unreadable(f"invalid date {raw_date!r}: {problem}")
    return _make_document(
        text,
        day,
        source=values["source"] or default_source,
        lang=values["lang"] or options.lang,
        title=values["title"],
        url=values["url"],
    )


def _json_type(value: Any) -> str:
    names = {bool: "a boolean", int: "a number", float: "a number", list: "a list"}
    return names.get(type(value), "an object" if isinstance(value, dict) else type(value).__name__)


def _read_jsonl(text: str, source: str, options: ReadOptions) -> Iterator[Document | ReadFailure]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadFailure(source, number, f"malformed JSON: {exc.msg} (column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield ReadFailure(source, number, f"expected a JSON object, found {_json_type(record)}")
            continue
        try:
            yield _record_document(record, f"{source}:{number}", options)
        except _Unreadable as exc:
            yield ReadFailure(source, number, exc.problem)


def _csv_delimiter(header_line: str, preferred: str = ",") -> str | None:
    """The delimiter under which ``header_line`` names the required columns, if any."""
    for delimiter in (preferred, *(d for d in _CSV_DELIMITERS if d != preferred)):
        columns = {c.strip().lower() for c in next(csv.reader([header_line], delimiter=delimiter))}
        if all(name in columns for name in REQUIRED_FIELDS):
            return delimiter
    return None


def _read_csv(
    text: str, source: str, fmt: str, options: ReadOptions
) -> Iterator[Document | ReadFailure]:
    preferred = "\t" if fmt == "tsv" else ","
    first_line = text.split("\n", 1)[0]
    delimiter = _csv_delimiter(first_line, preferred) or preferred
    # An article can be longer than csv's default field limit of 128 KiB.
    if csv.field_size_limit() < options.max_bytes:
        csv.field_size_limit(options.max_bytes)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except (csv.Error, StopIteration) as exc:
        yield ReadFailure(source, 1, f"unreadable CSV header: {exc}")
        return
    columns = [c.strip().lower() for c in header]
    missing = [name for name in REQUIRED_FIELDS if name not in columns]
    if missing:
        names = " and ".join(repr(name) for name in missing)
        found = ", ".join(repr(c) for c in header) or "nothing"
        yield ReadFailure(
            source,
            1,
            f"CSV header lacks required column{'s' if len(missing) > 1 else ''} "
            f"{names} (found {found})",
        )
        return
    row_start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield ReadFailure(source, row_start, f"malformed CSV: {exc}")
            row_start = reader.line_num + 1
            continue
        line, row_start = row_start, reader.line_num + 1
        if not row or (len(row) == 1 and not row[0].strip()):
            continue  # blank line
        if len(row) != len(header):
            yield ReadFailure(
                source, line, f"row has {len(row)} fields, the header has {len(header)}"
            )
            continue
        record = dict(zip(columns, row, strict=True))
        try:
            yield _record_document(record, f"{source}:{line}", options)
        except _Unreadable as exc:
            yield ReadFailure(source, line, exc.problem)


# --- HTML ----------------------------------------------------------------------------------


def _read_html(text: str, source: str, options: ReadOptions) -> Document | ReadFailure:
    import trafilatura

    today = Date.today().isoformat()
    # First the dates a page states in its markup (meta tags, <time>, JSON-LD, date-like
    # elements); they are exact. The free-text search comes after, with its guesses checked.
    extracted = trafilatura.bare_extraction(
        text,
        with_metadata=True,
        date_extraction_params={
            "extensive_search": False,
            "original_date": True,
            "max_date": today,
        },
    )
    # (a dict only when asked for one: as_dict=True)
    if extracted is None or isinstance(extracted, dict) or not (extracted.text or "").strip():
        return ReadFailure(source, None, "no article text found in the HTML page")
    body = extracted.text or ""
    published = _supported_precision(extracted.date, text) if extracted.date else None
    published = published or _date_from_page_text(text, today)
    if not published:
        return ReadFailure(source, None, "no publication date found")
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    return _make_document(
        "\n\n".join(paragraphs),
        published,
        source=source,
        lang=options.lang,
        title=extracted.title,
        url=extracted.url,
    )


def _date_from_page_text(html: str, today: str) -> str | None:
    """A publication date written in the page's text, at the precision the page supports."""
    import htmldate  # trafilatura's own date library, installed with it

    found = htmldate.find_date(html, extensive_search=True, original_date=True, max_date=today)
    return _supported_precision(found, html) if found else None


def _supported_precision(found: str, html: str) -> str | None:
    """``found`` (YYYY-MM-DD from htmldate), cut to what the page actually says.

    htmldate fills in the 1st when it only found a month ("09/2022") and 1 January when it only
    found a year (a copyright line, any four digits). Unless the page states that very day in
    ISO form (as a meta tag or ``datetime`` attribute does), a 1st is kept to the month and a
    1 January is not taken for a publication date at all.
    """
    if found in html or not found.endswith("-01"):
        return found
    if found.endswith("-01-01"):
        log.debug("page date %s looks like a bare year or a copyright line; not used", found)
        return None
    return found[:7]


__all__ = [
    "FORMATS",
    "STDIN_SOURCE",
    "SUFFIX_FORMATS",
    "ReadFailure",
    "ReadOptions",
    "ReadResult",
    "Skipped",
    "iter_inputs",
    "parse_seed_text",
    "sniff_format",
]
