"""The typed outline tree: Document → Speech → Section / Item / Paragraph (pydantic v2)."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from enum import Enum
from itertools import repeat
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from .spans import Span

SCHEMA_NAME = "speechparse.Document"
SCHEMA_VERSION = "1.1"
MAX_DEPTH = 32
"""Outline nesting deeper than this is flattened (with a diagnostic)."""


class _Node(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


class RemovedKind(str, Enum):
    """What kind of page material was taken out of the speeches."""

    CHROME = "chrome"  # site name, navigation, breadcrumbs, buttons, ads
    PAGE_TITLE = "page_title"  # the page's own title, also when repeated mid-page
    METADATA = "metadata"  # date / source / author lines of the page
    INTRO = "intro"  # "下面是小编为大家整理的…" and similar editor's blurbs
    COLLECTION_HEADER = "collection_header"  # "XX讲话(精选5篇)"
    TOC = "toc"  # a table of contents that repeats the headings
    RELATED = "related"  # related articles, "猜你喜欢", "推荐访问"
    DISCLAIMER = "disclaimer"  # copyright, download and paywall notices
    PAGINATION = "pagination"  # [NextPage], "第2页", "下一页"
    PINYIN = "pinyin"  # reading annotations glued after characters: 會(huì)
    MARKUP = "markup"  # Markdown's marks on a page written in it: ## before a heading, **bold**
    FOOTNOTE = "footnote"  # notes, references and attachment lists after a speech


class DiagnosticCode(str, Enum):
    """Why a diagnostic was raised."""

    DECODE_REPLACED = "decode_replaced"
    ENCODING_GUESSED = "encoding_guessed"
    CONTROL_CHARS = "control_chars"
    MOJIBAKE = "possible_mojibake"
    IGNORABLE_IN_MARKER = "ignorable_in_marker"
    MARKER_REPAIRED = "marker_repaired"
    NUMBERING_GAP = "numbering_gap"
    NUMBERING_DUPLICATE = "numbering_duplicate"
    NUMBERING_RESTART = "numbering_restart"
    DEPTH_FLATTENED = "depth_flattened"
    TEXT_OUTSIDE_SPEECH = "text_outside_speech"
    NO_SPEECH = "no_speech"
    DIAGNOSTICS_CAPPED = "diagnostics_capped"


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class Marker(_Node):
    """A list marker as written (``（一）``, ``1.``, ``一是``) with its style and number."""

    text: str
    style: str
    ordinal: int = Field(ge=0, le=10**6)


class Paragraph(_Node):
    type: Literal["paragraph"] = "paragraph"
    text: str
    span: Span


class _Numbered(_Node):
    """What a Section and an Item share: a marker, its level, a heading and what falls under."""

    type: str  # narrowed to a Literal by each subclass (the union's discriminator); first in JSON
    marker: Marker
    level: int = Field(ge=1, le=MAX_DEPTH)
    heading: str
    inline: bool = False
    content: list[Block] = Field(default_factory=list)
    span: Span


class Section(_Numbered):
    """A numbered heading (``一、`` ``（一）`` ``1.`` ``第一章`` …) and what falls under it."""

    type: Literal["section"] = "section"


class Item(_Numbered):
    """An enumerated point (``一是`` ``二要`` ``第一，`` ``首先`` …), at line start or inline."""

    type: Literal["item"] = "item"


Block = Annotated[Paragraph | Section | Item, Field(discriminator="type")]


class Line(_Node):
    """A one-line part of a speech (salutation, greeting, closing) with its source span."""

    text: str
    span: Span


class Speech(_Node):
    type: Literal["speech"] = "speech"
    title: str | None = None
    title_span: Span | None = None
    subtitle: str | None = None
    speaker: str | None = None
    date: str | None = None
    salutation: Line | None = None
    greeting: Line | None = None
    closing: Line | None = None
    content: list[Block] = Field(default_factory=list)
    span: Span


class Removed(_Node):
    """Page material taken out of the speeches; ``text`` is exactly the source under ``span``."""

    kind: RemovedKind
    text: str
    span: Span


class Diagnostic(_Node):
    code: DiagnosticCode
    severity: Severity = Severity.WARNING
    message: str
    span: Span | None = None


class Document(_Node):
    """The parse of one page. Spans are half-open offsets into the text given to ``parse``."""

    model_config = ConfigDict(extra="forbid", title=SCHEMA_NAME)

    schema_version: str = SCHEMA_VERSION
    encoding: str | None = None
    speeches: list[Speech] = Field(default_factory=list)
    removed: list[Removed] = Field(default_factory=list)
    diagnostics: list[Diagnostic] = Field(default_factory=list)


M = TypeVar("M", bound=BaseModel)
#: what a pydantic instance holds: ``trusted`` sets exactly these.  Should a pydantic release
#: hold more, pydantic's own model_construct makes the objects instead (slower, still right).
_SLOTS = {"__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__"}
TRUSTED_FAST = set(getattr(BaseModel, "__slots__", ())) == _SLOTS
#: per model class, the set of all its fields (an instance made by ``trusted`` has them all,
#: so pydantic's ``fields_set.add`` on assignment never changes this shared set)
_ALL_FIELDS: dict[type[BaseModel], set[str]] = {}


def _fields_of(cls: type[BaseModel]) -> set[str]:
    return _ALL_FIELDS.setdefault(cls, set(cls.model_fields))


def constructed(cls: type[M], **fields: Any) -> M:
    """``cls.model_construct(**fields)``: pydantic's own way to skip validation (the
    fallback of ``trusted``; like it, it keeps the very lists it is given)."""
    return cls.model_construct(**fields)


def constructed_many(cls: type[M], rows: list[dict[str, Any]]) -> list[M]:
    return [cls.model_construct(**row) for row in rows]


if TRUSTED_FAST:
    _new = object.__new__
    _set = object.__setattr__
    _set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__  # the slots
    _set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
    _set_private = BaseModel.__dict__["__pydantic_private__"].__set__
    _consume: Callable[[Iterable[object]], None] = deque[object](maxlen=0).extend  # runs a map

    def trusted(cls: type[M], **fields: Any) -> M:
        """``cls(**fields)`` without validation, for values this package made and knows valid.

        A page makes thousands of nodes; pydantic-core's validation of each costs ~1.5 µs,
        this half of that.  Every field must be given, with the type it is declared with
        (enum members, tuples for spans): the tests check each parse, field by field, against
        pydantic's validation of its dump (tests/support.py: trusted_differences).
        """
        obj = _new(cls)
        _set(obj, "__dict__", fields)
        _set_fields_set(obj, _ALL_FIELDS.get(cls) or _fields_of(cls))
        _set_extra(obj, None)
        _set_private(obj, None)
        return obj

    def trusted_many(cls: type[M], rows: list[dict[str, Any]]) -> list[M]:
        """``[trusted(cls, **row) for row in rows]``, each step mapped over all rows at once
        (the loops run in C: a glossed page has thousands of annotation records)."""
        n = len(rows)
        out = list(map(_new, repeat(cls, n)))
        _consume(map(_set, out, repeat("__dict__", n), rows))
        _consume(map(_set_fields_set, out, repeat(_ALL_FIELDS.get(cls) or _fields_of(cls), n)))
        _consume(map(_set_extra, out, repeat(None, n)))
        _consume(map(_set_private, out, repeat(None, n)))
        return out

else:  # pragma: no cover - a pydantic whose instances hold more than _SLOTS
    trusted = constructed
    trusted_many = constructed_many


def json_schema() -> dict[str, object]:
    """The JSON Schema of a Document (as committed in ``schema/document.schema.json``)."""
    schema = Document.model_json_schema()
    schema["$id"] = f"https://speechparse.invalid/schema/document-{SCHEMA_VERSION}.json"
    return schema
