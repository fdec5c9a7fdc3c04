"""Compact Engine from Python: the rules of local Compacts, exact UK date arithmetic, and findings
that cite the Compact's own words. A thin layer over the C library (libcompact): every answer comes
from it.

    >>> import datetime, compact
    >>> engine = compact.Engine()                       # The Stockton Borough Compact 2014-2017
    >>> report = engine.check(case_dict, as_of=datetime.date(2016, 6, 30))
    >>> report.summary["breach"], [f.rule for f in report.findings if f.outcome == "breach"]
    >>> compact.Calendar("england-and-wales").add_working_days(datetime.date(2024, 12, 13), 30)
    datetime.date(2025, 1, 29)
"""

from __future__ import annotations

import ctypes
import datetime
import json
import os
import threading
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, NamedTuple, Optional, Sequence, Union

from . import _native
from ._native import lib

__version__ = "0.1.0"

__all__ = [
    "Calendar",
    "Characteristic",
    "Classification",
    "CompactError",
    "Engine",
    "Entity",
    "Field",
    "Finding",
    "Holiday",
    "PackInfo",
    "Parameter",
    "Period",
    "Problem",
    "Report",
    "library_version",
]

CaseInput = Union[Mapping[str, Any], str, bytes]
PeriodInput = Union[str, "Period"]


def library_version() -> str:
    """The version of the libcompact this package loaded, which may be newer than the package."""
    return lib.compact_version_string().decode()


# ---- errors ------------------------------------------------------------------------------------


class Problem(NamedTuple):
    """One problem with a case document: a stable code, the JSON path, 1-based line and column, and
    whether it is an "error" or a "warning"."""

    code: str
    path: str
    line: int
    column: int
    message: str
    severity: str = "error"


class CompactError(Exception):
    """What the library refused, and where: `code` is "invalid_argument", "parse_error",
    "out_of_range", "not_found", "no_memory" or "internal"; `file`, `line` and `column` place a rule
    pack's error, `json_path`, `line` and `column` a case document's, whose every problem is in
    `problems`."""

    def __init__(self, code: str, message: str, file: str = "", line: int = 0, column: int = 0,
                 json_path: str = "", problems: Sequence[Problem] = ()):
        super().__init__(message)
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.json_path = json_path
        self.problems = list(problems)

    def __reduce__(self):  # so that it crosses process boundaries (multiprocessing) whole
        return (CompactError, (self.code, self.message, self.file, self.line, self.column,
                               self.json_path, self.problems))


def _text(value: Optional[bytes]) -> str:
    return value.decode("utf-8") if value else ""


def _raise(status: int, error: ctypes.c_void_p) -> None:
    code = _text(lib.compact_status_name(status))
    if not error:
        raise CompactError(code, code.replace("_", " "))
    try:
        problems = [
            Problem(_text(lib.compact_error_problem_code(error, i)),
                    _text(lib.compact_error_problem_path(error, i)),
                    lib.compact_error_problem_line(error, i),
                    lib.compact_error_problem_column(error, i),
                    _text(lib.compact_error_problem_message(error, i)),
                    _text(lib.compact_error_problem_severity(error, i)))
            for i in range(lib.compact_error_problem_count(error))
        ]
        raise CompactError(code, _text(lib.compact_error_message(error)),
                           _text(lib.compact_error_file(error)), lib.compact_error_line(error),
                           lib.compact_error_column(error), _text(lib.compact_error_json_path(error)),
                           problems)
    finally:
        lib.compact_error_free(error)


def _call(function, *arguments) -> None:
    """Calls a C function whose last parameter is `compact_error **`; raises CompactError on failure."""
    error = ctypes.c_void_p()
    status = function(*arguments, ctypes.byref(error))
    if status != 0:
        _raise(status, error)


# ---- dates and periods -------------------------------------------------------------------------


def _to_c(d: datetime.date) -> _native.Date:
    # A datetime is a date too, but its time would be dropped without a word.
    if not isinstance(d, datetime.date) or isinstance(d, datetime.datetime):
        raise TypeError(f"expected a datetime.date, got {type(d).__name__}")
    return _native.Date(d.year, d.month, d.day)


def _c_text(text: str, what: str) -> bytes:
    """`text` for the library, which reads up to the first NUL: one inside it is refused."""
    if "\0" in text:
        raise CompactError("invalid_argument", f"{what} contains a NUL character")
    return text.encode("utf-8")


def _integer(n: int, bits: int, what: str) -> int:
    """`n`, if it fits the library's signed integer of `bits` bits; ctypes would wrap it silently."""
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError(f"{what} must be an int, not {type(n).__name__}")
    if not -(1 << (bits - 1)) <= n < (1 << (bits - 1)):
        raise CompactError("out_of_range", f"{what} {n} is outside the range the library takes")
    return n


def _from_c(d: _native.Date) -> datetime.date:
    return datetime.date(d.year, d.month, d.day)


class Period(NamedTuple):
    """A count of a unit: "days", "weeks", "months", "years" or "working days"."""

    count: int
    unit: str

    _UNITS = ("days", "weeks", "months", "years", "working days")

    @classmethod
    def parse(cls, text: str) -> "Period":
        """ "12 weeks", "3 months", "30 working days", "30wd" """
        out = _native.Period()
        _call(lib.compact_period_parse, _c_text(text, "the period"), ctypes.byref(out))
        if not 0 <= out.unit < len(cls._UNITS):
            raise CompactError("internal", f"the library gave the unknown period unit {out.unit}")
        return cls(out.count, cls._UNITS[out.unit])

    def _to_c(self) -> _native.Period:
        if self.unit not in self._UNITS:
            raise CompactError("invalid_argument", f"unknown unit {self.unit!r}; the units are "
                               + ", ".join(self._UNITS))
        return _native.Period(_integer(self.count, 64, "the period's count"),
                              self._UNITS.index(self.unit))


def _period(p: PeriodInput) -> _native.Period:
    return (Period.parse(p) if isinstance(p, str) else p)._to_c()


class Holiday(NamedTuple):
    date: datetime.date
    name: str


# ---- calendars ---------------------------------------------------------------------------------


class Calendar:
    """A built-in working-day calendar: "england-and-wales", "scotland" or "northern-ireland" (bank
    holidays 1900-2199, Saturday and Sunday off). Dates outside 1900-2199 raise CompactError
    ("out_of_range"); docs/dates.md states each convention. Safe to share between threads."""

    def __init__(self, name: str = "england-and-wales"):
        handle = ctypes.c_void_p()
        _call(lib.compact_calendar_open, _c_text(name, "the calendar's name"), ctypes.byref(handle))
        self._handle = handle

    # The free function is bound here: at interpreter shutdown the module's globals may be gone.
    def __del__(self, _free=lib.compact_calendar_free):
        handle = getattr(self, "_handle", None)
        if handle:
            _free(handle)
            self._handle = None

    @property
    def name(self) -> str:
        return _text(lib.compact_calendar_name(self._handle))

    def __repr__(self) -> str:
        return f"Calendar({self.name!r})"

    def is_working_day(self, d: datetime.date) -> bool:
        out = ctypes.c_int()
        _call(lib.compact_calendar_is_working_day, self._handle, _to_c(d), ctypes.byref(out))
        return bool(out.value)

    def add_working_days(self, d: datetime.date, n: int) -> datetime.date:
        """The n-th working day strictly after d (n > 0), strictly before it (n < 0), or d."""
        out = _native.Date()
        _call(lib.compact_calendar_add_working_days, self._handle, _to_c(d),
              _integer(n, 64, "the count of working days"), ctypes.byref(out))
        return _from_c(out)

    def working_days_between(self, a: datetime.date, b: datetime.date) -> int:
        """The working days in (a, b]; negative when b is before a."""
        out = ctypes.c_int64()
        _call(lib.compact_calendar_working_days_between, self._handle, _to_c(a), _to_c(b),
              ctypes.byref(out))
        return out.value

    def add(self, d: datetime.date, period: PeriodInput) -> datetime.date:
        """d + period: "3 months" by the corresponding date (31 Jan + 1 month = 28 Feb)."""
        out = _native.Date()
        _call(lib.compact_calendar_add, self._handle, _to_c(d), _period(period), ctypes.byref(out))
        return _from_c(out)

    def latest_start(self, x: datetime.date, period: PeriodInput) -> datetime.date:
        """The latest day e with e + period <= x: the last day to act "at least period before x"."""
        out = _native.Date()
        _call(lib.compact_calendar_latest_start, self._handle, _to_c(x), _period(period),
              ctypes.byref(out))
        return _from_c(out)

    def holidays(self, year: int) -> list[Holiday]:
        handle = ctypes.c_void_p()
        _call(lib.compact_calendar_holidays, self._handle, _integer(year, 32, "the year"),
              ctypes.byref(handle))
        try:
            return [Holiday(_from_c(lib.compact_date_list_date(handle, i)),
                            _text(lib.compact_date_list_name(handle, i)))
                    for i in range(lib.compact_date_list_size(handle))]
        finally:
            lib.compact_date_list_free(handle)

    # Batch forms: one call into the library for many dates.

    @staticmethod
    def _dates(days: Sequence[datetime.date]):
        array = (_native.Date * len(days))()
        for i, d in enumerate(days):
            array[i] = _to_c(d)
        return array

    def is_working_day_many(self, days: Sequence[datetime.date]) -> list[bool]:
        out = (ctypes.c_int * len(days))()
        _call(lib.compact_calendar_is_working_day_batch, self._handle, self._dates(days), len(days),
              out)
        return [bool(v) for v in out]

    def add_working_days_many(self, days: Sequence[datetime.date], n: int) -> list[datetime.date]:
        out = (_native.Date * len(days))()
        _call(lib.compact_calendar_add_working_days_batch, self._handle, self._dates(days),
              len(days), _integer(n, 64, "the count of working days"), out)
        return [_from_c(d) for d in out]

    def working_days_between_many(self, pairs: Sequence[tuple[datetime.date, datetime.date]]
                                  ) -> list[int]:
        out = (ctypes.c_int64 * len(pairs))()
        _call(lib.compact_calendar_working_days_between_batch, self._handle,
              self._dates([a for a, _ in pairs]), self._dates([b for _, b in pairs]), len(pairs), out)
        return list(out)

    def add_many(self, days: Sequence[datetime.date], period: PeriodInput) -> list[datetime.date]:
        out = (_native.Date * len(days))()
        _call(lib.compact_calendar_add_batch, self._handle, self._dates(days), len(days),
              _period(period), out)
        return [_from_c(d) for d in out]

    def latest_start_many(self, days: Sequence[datetime.date], period: PeriodInput
                          ) -> list[datetime.date]:
        out = (_native.Date * len(days))()
        _call(lib.compact_calendar_latest_start_batch, self._handle, self._dates(days), len(days),
              _period(period), out)
        return [_from_c(d) for d in out]


# ---- engines and reports -----------------------------------------------------------------------

OUTCOMES = ("compliant", "explained", "pending", "overdue", "breach", "not_applicable",
            "insufficient_data")


@dataclass(frozen=True)
class PackInfo:
    id: str
    title: str
    edition: str
    calendar: str
    in_force_from: Optional[datetime.date]
    in_force_to: Optional[datetime.date]
    rule_count: int


@dataclass(frozen=True)
class Parameter:
    """A pack's parameter as it stands in an engine. `values` are (from, text) pairs in date order,
    `from` None for an undated value; empty when the pack leaves it to the partners and it is not
    set, when findings that need it are insufficient_data."""

    pack: str
    name: str
    type: str  # "period", "money", "integer", "bool", "date" or "text"
    is_set: bool
    values: tuple[tuple[Optional[datetime.date], str], ...]
    description: str


@dataclass(frozen=True)
class Field:
    """One field of an entity: its name in a case document, its kind ("date", "bool", "integer",
    "money", "text", "enum", "organisation", "policy", "entity" or "list"), and for an entity or a
    list the name of the entity it holds, for an enum its values' names."""

    name: str
    kind: str
    required: bool
    declared: bool  # by a pack's [fields], not the core schema
    description: str
    element: Optional[str]
    values: tuple[str, ...]


@dataclass(frozen=True)
class Entity:
    name: str  # "payment", "performance issue"
    identifier: str  # "performance_issue", as packs write it
    description: str
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class Characteristic:
    id: str
    quote: str  # the Compact's words
    holding: str  # "has", "lacks" or "not_recorded"
    missing: tuple[str, ...]  # for not_recorded, the fields: "organisation.unpaid_board"


@dataclass(frozen=True)
class Classification:
    """An organisation against a definition a pack gives: `verdict` is "meets", "does_not_meet" or
    "insufficient_data"; `json` is what `compact classify --format json` prints of it."""

    organisation: str
    definition: str
    pack: str
    verdict: str
    characteristics: tuple[Characteristic, ...]
    json: str

    def to_dict(self) -> dict:
        return json.loads(self.json)[0]


def _filled(function, struct_type, *arguments):
    """A struct of the C ABI's that carries its size, filled by `function(*arguments, &struct)`."""
    out = struct_type()
    out.struct_size = ctypes.sizeof(struct_type)
    _call(function, *arguments, ctypes.byref(out))
    return out


@dataclass(frozen=True)
class Finding:
    """One finding, as the JSON report has it (DESIGN.md's Findings)."""

    rule: str
    pack: str
    entity: str
    outcome: str
    party: str
    strength: str
    section: str
    quote: str
    arises: Optional[datetime.date]
    due: Optional[datetime.date]
    actual: Optional[datetime.date]
    margin_days: Optional[int]
    margin_working_days: Optional[int]
    boundary_sensitive: bool
    outside_in_force: bool
    because: str  # why not_applicable or insufficient_data; "" otherwise
    missing: tuple[str, ...]
    message: str


class Report:
    """The findings of one case as of a date. `summary` counts each outcome; `findings` and
    `timeline` are read from the library when first asked for; `json()` is DESIGN.md's report."""

    def __init__(self, handle: ctypes.c_void_p):
        self._handle = handle
        # The library's report belongs to one thread at a time; a Python Report may be shared.
        self._lock = threading.Lock()
        self.as_of = _from_c(lib.compact_report_as_of(handle))
        self.summary = {name: lib.compact_report_count(handle, i) for i, name in enumerate(OUTCOMES)}
        self.outside_in_force = lib.compact_report_outside_in_force(handle)
        self._findings: Optional[list[Finding]] = None

    def __del__(self, _free=lib.compact_report_free):
        handle = getattr(self, "_handle", None)
        if handle:
            _free(handle)
            self._handle = None

    def __repr__(self) -> str:
        counts = ", ".join(f"{n} {name}" for name, n in self.summary.items() if n)
        return f"<Report as of {self.as_of}: {counts or 'no findings'}>"

    @property
    def findings(self) -> list[Finding]:
        with self._lock:
            if self._findings is None:
                self._findings = [self._finding(i)
                                  for i in range(lib.compact_report_finding_count(self._handle))]
            return self._findings

    def _finding(self, i: int) -> Finding:
        f = _filled(lib.compact_report_finding, _native.Finding, self._handle, i)
        return Finding(
            rule=_text(f.rule), pack=_text(f.pack), entity=_text(f.entity),
            outcome=_text(lib.compact_outcome_name(f.outcome)), party=_text(f.party),
            strength=_text(f.strength),
            section=_text(f.section), quote=_text(f.quote),
            arises=_from_c(f.arises) if f.has_arises else None,
            due=_from_c(f.due) if f.has_due else None,
            actual=_from_c(f.actual) if f.has_actual else None,
            margin_days=f.margin_days if f.has_margin_days else None,
            margin_working_days=f.margin_working_days if f.has_margin_working_days else None,
            boundary_sensitive=bool(f.boundary_sensitive), outside_in_force=bool(f.outside_in_force),
            because=_text(f.because),
            missing=tuple(m for m in _text(f.missing).split(",") if m),
            message=_text(f.message))

    @property
    def timeline(self) -> list[Finding]:
        """The findings with a due date, in date order."""
        findings = self.findings
        out = ctypes.c_size_t()
        entries = []
        for i in range(lib.compact_report_timeline_count(self._handle)):
            _call(lib.compact_report_timeline_entry, self._handle, i, ctypes.byref(out))
            entries.append(findings[out.value])
        return entries

    def json(self, lean: bool = False) -> str:
        """DESIGN.md's JSON report; `lean` gives each rule's words once, in "rules"."""
        text = ctypes.c_char_p()
        length = ctypes.c_size_t()
        # The text is the report's until its next json(): copied out under the lock.
        with self._lock:
            _call(lib.compact_report_json, self._handle, 1 if lean else 0, ctypes.byref(text),
                  ctypes.byref(length))
            return ctypes.string_at(text, length.value).decode("utf-8")

    def to_dict(self, lean: bool = False) -> dict:
        return json.loads(self.json(lean))


class Engine:
    """Rule packs, loaded once; cases checked against them as of a date. By default the built-in
    pack, The Stockton Borough Compact 2014-2017, with any `packs` given after it: each a path to a
    TOML file, or a (name, text) pair. `parameters` gives packs' parameters values, as
    `compact check --param` does: {"tender_period": "6 weeks"}. Safe to share between threads;
    `check` releases the GIL."""

    def __init__(self, packs: Union[str, os.PathLike,
                                    Iterable[Union[str, os.PathLike, tuple[str, str]]]] = (), *,
                 include_default_pack: bool = True, strict_in_force: bool = False,
                 native_code: bool = True, parameters: Optional[Mapping[str, str]] = None):
        if isinstance(packs, (str, os.PathLike)):
            packs = [packs]  # one pack's path, not a list of one-letter names
        sources = []
        for pack in packs:
            if isinstance(pack, tuple):
                name, text = pack
            else:
                name = os.fspath(pack)
                with open(name, encoding="utf-8") as f:
                    text = f.read()
            sources.append((name.encode(), text.encode("utf-8")))
        array = (_native.PackSource * len(sources))()
        for i, (name, text) in enumerate(sources):
            array[i] = _native.PackSource(text, len(text), name)
        parameters = parameters or {}
        settings = (_native.ParameterSetting * len(parameters))()
        for i, (name, value) in enumerate(parameters.items()):
            settings[i] = _native.ParameterSetting(_c_text(name, "a parameter's name"),
                                                   _c_text(value, f"the value of {name}"))
        options = _native.EngineOptions(ctypes.sizeof(_native.EngineOptions), int(strict_in_force),
                                        int(not native_code), int(not include_default_pack),
                                        settings, len(parameters))
        handle = ctypes.c_void_p()
        _call(lib.compact_engine_create, array, len(sources), ctypes.byref(options),
              ctypes.byref(handle))
        self._handle = handle

    def __del__(self, _free=lib.compact_engine_free):
        handle = getattr(self, "_handle", None)
        if handle:
            _free(handle)
            self._handle = None

    @property
    def packs(self) -> list[PackInfo]:
        out = []
        for i in range(lib.compact_engine_pack_count(self._handle)):
            info = _filled(lib.compact_engine_pack, _native.PackInfo, self._handle, i)
            out.append(PackInfo(
                _text(info.id), _text(info.title), _text(info.edition), _text(info.calendar),
                _from_c(info.in_force_from) if info.has_in_force_from else None,
                _from_c(info.in_force_to) if info.has_in_force_to else None, info.rule_count))
        return out

    @property
    def parameters(self) -> list[Parameter]:
        """Every pack's parameters, pack by pack, as they stand once set."""
        out = []
        for i in range(lib.compact_engine_parameter_count(self._handle)):
            info = _filled(lib.compact_engine_parameter, _native.ParameterInfo, self._handle, i)
            values = []
            for j in range(info.value_count):
                value = _filled(lib.compact_engine_parameter_value, _native.ParameterValue,
                                self._handle, i, j)
                values.append((_from_c(value.from_) if value.has_from else None,
                               _text(value.value)))
            out.append(Parameter(_text(info.pack), _text(info.name), _text(info.type),
                                 bool(info.is_set), tuple(values), _text(info.description)))
        return out

    @property
    def schema(self) -> list[Entity]:
        """Every entity a case holds, the case itself first, with its fields: the core schema's
        (docs/case-documents.md) and those the engine's packs declare."""
        entities = []
        for e in range(lib.compact_engine_entity_count(self._handle)):
            info = _filled(lib.compact_engine_entity, _native.EntityInfo, self._handle, e)
            fields = []
            for i in range(info.field_count):
                f = _filled(lib.compact_engine_field, _native.FieldInfo, self._handle, e, i)
                fields.append((f, tuple(_text(f.values[k]) for k in range(f.value_count))))
            entities.append((info, fields))
        names = [_text(info.name) for info, _ in entities]
        return [Entity(_text(info.name), _text(info.identifier), _text(info.description),
                       tuple(Field(_text(f.name), _text(f.kind), bool(f.required), bool(f.declared),
                                   _text(f.description),
                                   names[f.element] if f.has_element else None, values)
                             for f, values in fields))
                for info, fields in entities]

    def classify(self, organisation: CaseInput, definition: str = "vcse") -> Classification:
        """Whether `organisation` (a dict, or its JSON text: one entry of a case's organisations)
        meets the pack's definition `definition`, the Compact's of the VCSE sector by default:
        characteristic by characteristic, as `compact classify` says."""
        text = _case_text(organisation)
        handle = ctypes.c_void_p()
        _call(lib.compact_engine_classify_json, self._handle, text, len(text),
              _c_text(definition, "the definition"), ctypes.byref(handle))
        try:
            characteristics = []
            for i in range(lib.compact_classification_characteristic_count(handle)):
                c = _filled(lib.compact_classification_characteristic, _native.Characteristic,
                            handle, i)
                characteristics.append(Characteristic(
                    _text(c.id), _text(c.quote), _text(lib.compact_holding_name(c.holding)),
                    tuple(m for m in _text(c.missing).split(",") if m)))
            text_out = ctypes.c_char_p()
            length = ctypes.c_size_t()
            _call(lib.compact_classification_json, handle, ctypes.byref(text_out),
                  ctypes.byref(length))
            return Classification(
                _text(lib.compact_classification_organisation(handle)),
                _text(lib.compact_classification_definition(handle)),
                _text(lib.compact_classification_pack(handle)),
                _text(lib.compact_verdict_name(lib.compact_classification_verdict(handle))),
                tuple(characteristics), ctypes.string_at(text_out, length.value).decode("utf-8"))
        finally:
            lib.compact_classification_free(handle)

    def check(self, case: CaseInput, as_of: datetime.date) -> Report:
        """The report of `case` (a dict, or a case document's JSON text) as of `as_of`. A document
        that does not read raises CompactError ("parse_error") listing every problem."""
        text = _case_text(case)
        handle = ctypes.c_void_p()
        _call(lib.compact_engine_check_json, self._handle, text, len(text), _to_c(as_of),
              ctypes.byref(handle))
        return Report(handle)

    def check_many(self, cases: Iterable[CaseInput], as_of: datetime.date) -> list[Report]:
        """`check` of each case, in order."""
        day = _to_c(as_of)
        reports = []
        for case in cases:
            text = _case_text(case)
            handle = ctypes.c_void_p()
            _call(lib.compact_engine_check_json, self._handle, text, len(text), day,
                  ctypes.byref(handle))
            reports.append(Report(handle))
        return reports


def _case_text(case: CaseInput) -> bytes:
    if isinstance(case, bytes):
        return case
    if isinstance(case, str):
        return case.encode("utf-8")
    return json.dumps(case, default=_json_default).encode("utf-8")


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} cannot go in a case document")
