"""The C ABI (include/compact/compact.h) as ctypes sees it: the library found and loaded, each
function's argument and result types declared. Nothing here knows what a Compact is."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import pathlib

c_int_p = ctypes.POINTER(ctypes.c_int)


class Date(ctypes.Structure):
    _fields_ = [("year", ctypes.c_int32), ("month", ctypes.c_int32), ("day", ctypes.c_int32)]


class Period(ctypes.Structure):
    _fields_ = [("count", ctypes.c_int64), ("unit", ctypes.c_int)]


class ParameterSetting(ctypes.Structure):
    _fields_ = [("name", ctypes.c_char_p), ("value", ctypes.c_char_p)]


class EngineOptions(ctypes.Structure):
    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("strict_in_force", ctypes.c_int),
        ("interpret_only", ctypes.c_int),
        ("without_default_pack", ctypes.c_int),
        ("parameters", ctypes.POINTER(ParameterSetting)),
        ("parameter_count", ctypes.c_size_t),
    ]


class ParameterInfo(ctypes.Structure):
    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("pack", ctypes.c_char_p),
        ("name", ctypes.c_char_p),
        ("type", ctypes.c_char_p),
        ("is_set", ctypes.c_int),
        ("value", ctypes.c_char_p),
        ("value_count", ctypes.c_size_t),
        ("description", ctypes.c_char_p),
    ]


class ParameterValue(ctypes.Structure):
    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("has_from", ctypes.c_int),
        ("from_", Date),
        ("value", ctypes.c_char_p),
    ]


class EntityInfo(ctypes.Structure):
    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("name", ctypes.c_char_p),
        ("identifier", ctypes.c_char_p),
        ("description", ctypes.c_char_p),
        ("field_count", ctypes.c_size_t),
    ]


class FieldInfo(ctypes.Structure):
    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("name", ctypes.c_char_p),
        ("kind", ctypes.c_char_p),
        ("required", ctypes.c_int),
        ("declared", ctypes.c_int),
        ("description", ctypes.c_char_p),
        ("has_element", ctypes.c_int),
        ("element", ctypes.c_size_t),
        ("values", ctypes.POINTER(ctypes.c_char_p)),
        ("value_count", ctypes.c_size_t),
    ]


class Characteristic(ctypes.Structure):
    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("id", ctypes.c_char_p),
        ("quote", ctypes.c_char_p),
        ("holding", ctypes.c_int),
        ("missing", ctypes.c_char_p),
    ]


class PackSource(ctypes.Structure):
    _fields_ = [("text", ctypes.c_char_p), ("length", ctypes.c_size_t), ("name", ctypes.c_char_p)]


class PackInfo(ctypes.Structure):
    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("id", ctypes.c_char_p),
        ("title", ctypes.c_char_p),
        ("edition", ctypes.c_char_p),
        ("calendar", ctypes.c_char_p),
        ("has_in_force_from", ctypes.c_int),
        ("in_force_from", Date),
        ("has_in_force_to", ctypes.c_int),
        ("in_force_to", Date),
        ("rule_count", ctypes.c_size_t),
    ]


class Finding(ctypes.Structure):
    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("rule", ctypes.c_char_p),
        ("pack", ctypes.c_char_p),
        ("entity", ctypes.c_char_p),
        ("outcome", ctypes.c_int),
        ("party", ctypes.c_char_p),
        ("strength", ctypes.c_char_p),
        ("section", ctypes.c_char_p),
        ("quote", ctypes.c_char_p),
        ("has_arises", ctypes.c_int),
        ("arises", Date),
        ("has_due", ctypes.c_int),
        ("due", Date),
        ("has_actual", ctypes.c_int),
        ("actual", Date),
        ("has_margin_days", ctypes.c_int),
        ("margin_days", ctypes.c_int64),
        ("has_margin_working_days", ctypes.c_int),
        ("margin_working_days", ctypes.c_int64),
        ("boundary_sensitive", ctypes.c_int),
        ("outside_in_force", ctypes.c_int),
        ("because", ctypes.c_char_p),
        ("missing", ctypes.c_char_p),
        ("message", ctypes.c_char_p),
    ]


def _candidates():
    """Where libcompact may be, in the order tried (docs: bindings/python/README.md)."""
    explicit = os.environ.get("COMPACT_LIBRARY")
    if explicit:
        yield explicit
        return
    here = pathlib.Path(__file__).resolve().parent
    yield str(here / "_lib" / "libcompact.so")
    found = ctypes.util.find_library("compact")
    if found:
        yield found


def _load():
    tried = []
    for path in _candidates():
        try:
            return ctypes.CDLL(path)
        except OSError as e:
            tried.append(f"{path}: {e}")
    raise ImportError(
        "cannot load libcompact (the Compact Engine C library). Set COMPACT_LIBRARY to the path of "
        "libcompact.so, or install the package from a build that bundles it. Tried: "
        + ("; ".join(tried) or "nothing found")
    )


lib = _load()

_P = ctypes.c_void_p
_E = ctypes.POINTER(ctypes.c_void_p)  # compact_error **
_S = ctypes.c_int  # compact_status

_SIGNATURES = {
    "compact_version_number": (ctypes.c_uint, []),
    "compact_version_string": (ctypes.c_char_p, []),
    "compact_status_name": (ctypes.c_char_p, [ctypes.c_int]),
    "compact_error_code": (ctypes.c_int, [_P]),
    "compact_error_message": (ctypes.c_char_p, [_P]),
    "compact_error_file": (ctypes.c_char_p, [_P]),
    "compact_error_line": (ctypes.c_int, [_P]),
    "compact_error_column": (ctypes.c_int, [_P]),
    "compact_error_json_path": (ctypes.c_char_p, [_P]),
    "compact_error_problem_count": (ctypes.c_size_t, [_P]),
    "compact_error_problem_severity": (ctypes.c_char_p, [_P, ctypes.c_size_t]),
    "compact_error_problem_code": (ctypes.c_char_p, [_P, ctypes.c_size_t]),
    "compact_error_problem_path": (ctypes.c_char_p, [_P, ctypes.c_size_t]),
    "compact_error_problem_line": (ctypes.c_int, [_P, ctypes.c_size_t]),
    "compact_error_problem_column": (ctypes.c_int, [_P, ctypes.c_size_t]),
    "compact_error_problem_message": (ctypes.c_char_p, [_P, ctypes.c_size_t]),
    "compact_error_free": (None, [_P]),
    "compact_date_parse": (_S, [ctypes.c_char_p, ctypes.POINTER(Date), _E]),
    "compact_period_parse": (_S, [ctypes.c_char_p, ctypes.POINTER(Period), _E]),
    "compact_date_list_size": (ctypes.c_size_t, [_P]),
    "compact_date_list_date": (Date, [_P, ctypes.c_size_t]),
    "compact_date_list_name": (ctypes.c_char_p, [_P, ctypes.c_size_t]),
    "compact_date_list_free": (None, [_P]),
    "compact_calendar_open": (_S, [ctypes.c_char_p, ctypes.POINTER(_P), _E]),
    "compact_calendar_free": (None, [_P]),
    "compact_calendar_name": (ctypes.c_char_p, [_P]),
    "compact_calendar_is_working_day": (_S, [_P, Date, c_int_p, _E]),
    "compact_calendar_add_working_days": (_S, [_P, Date, ctypes.c_int64, ctypes.POINTER(Date), _E]),
    "compact_calendar_working_days_between": (
        _S, [_P, Date, Date, ctypes.POINTER(ctypes.c_int64), _E]),
    "compact_calendar_add": (_S, [_P, Date, Period, ctypes.POINTER(Date), _E]),
    "compact_calendar_latest_start": (_S, [_P, Date, Period, ctypes.POINTER(Date), _E]),
    "compact_calendar_holidays": (_S, [_P, ctypes.c_int32, ctypes.POINTER(_P), _E]),
    "compact_calendar_is_working_day_batch": (
        _S, [_P, ctypes.POINTER(Date), ctypes.c_size_t, c_int_p, _E]),
    "compact_calendar_add_working_days_batch": (
        _S, [_P, ctypes.POINTER(Date), ctypes.c_size_t, ctypes.c_int64, ctypes.POINTER(Date), _E]),
    "compact_calendar_working_days_between_batch": (
        _S, [_P, ctypes.POINTER(Date), ctypes.POINTER(Date), ctypes.c_size_t,
             ctypes.POINTER(ctypes.c_int64), _E]),
    "compact_calendar_add_batch": (
        _S, [_P, ctypes.POINTER(Date), ctypes.c_size_t, Period, ctypes.POINTER(Date), _E]),
    "compact_calendar_latest_start_batch": (
        _S, [_P, ctypes.POINTER(Date), ctypes.c_size_t, Period, ctypes.POINTER(Date), _E]),
    "compact_engine_create": (
        _S, [ctypes.POINTER(PackSource), ctypes.c_size_t, ctypes.POINTER(EngineOptions),
             ctypes.POINTER(_P), _E]),
    "compact_engine_free": (None, [_P]),
    "compact_engine_pack_count": (ctypes.c_size_t, [_P]),
    "compact_engine_pack": (_S, [_P, ctypes.c_size_t, ctypes.POINTER(PackInfo), _E]),
    "compact_engine_check_json": (
        _S, [_P, ctypes.c_char_p, ctypes.c_size_t, Date, ctypes.POINTER(_P), _E]),
    "compact_report_free": (None, [_P]),
    "compact_report_json": (
        _S, [_P, ctypes.c_int, ctypes.POINTER(ctypes.c_char_p), ctypes.POINTER(ctypes.c_size_t), _E]),
    "compact_outcome_name": (ctypes.c_char_p, [ctypes.c_int]),
    "compact_report_as_of": (Date, [_P]),
    "compact_report_count": (ctypes.c_size_t, [_P, ctypes.c_int]),
    "compact_report_outside_in_force": (ctypes.c_size_t, [_P]),
    "compact_report_finding_count": (ctypes.c_size_t, [_P]),
    "compact_report_finding": (_S, [_P, ctypes.c_size_t, ctypes.POINTER(Finding), _E]),
    "compact_report_timeline_count": (ctypes.c_size_t, [_P]),
    "compact_report_timeline_entry": (
        _S, [_P, ctypes.c_size_t, ctypes.POINTER(ctypes.c_size_t), _E]),
    "compact_engine_parameter_count": (ctypes.c_size_t, [_P]),
    "compact_engine_parameter": (_S, [_P, ctypes.c_size_t, ctypes.POINTER(ParameterInfo), _E]),
    "compact_engine_parameter_value": (
        _S, [_P, ctypes.c_size_t, ctypes.c_size_t, ctypes.POINTER(ParameterValue), _E]),
    "compact_engine_entity_count": (ctypes.c_size_t, [_P]),
    "compact_engine_entity": (_S, [_P, ctypes.c_size_t, ctypes.POINTER(EntityInfo), _E]),
    "compact_engine_field": (
        _S, [_P, ctypes.c_size_t, ctypes.c_size_t, ctypes.POINTER(FieldInfo), _E]),
    "compact_engine_classify_json": (
        _S, [_P, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.POINTER(_P), _E]),
    "compact_classification_free": (None, [_P]),
    "compact_verdict_name": (ctypes.c_char_p, [ctypes.c_int]),
    "compact_holding_name": (ctypes.c_char_p, [ctypes.c_int]),
    "compact_classification_verdict": (ctypes.c_int, [_P]),
    "compact_classification_organisation": (ctypes.c_char_p, [_P]),
    "compact_classification_definition": (ctypes.c_char_p, [_P]),
    "compact_classification_pack": (ctypes.c_char_p, [_P]),
    "compact_classification_characteristic_count": (ctypes.c_size_t, [_P]),
    "compact_classification_characteristic": (
        _S, [_P, ctypes.c_size_t, ctypes.POINTER(Characteristic), _E]),
    "compact_classification_json": (
        _S, [_P, ctypes.POINTER(ctypes.c_char_p), ctypes.POINTER(ctypes.c_size_t), _E]),
}

for _name, (_result, _arguments) in _SIGNATURES.items():
    try:
        _function = getattr(lib, _name)
    except AttributeError:
        raise ImportError(f"{lib._name} lacks {_name}: it is older than this package, which needs "
                          "libcompact 0.1 or later of major version 0") from None
    _function.restype = _result
    _function.argtypes = _arguments

# The package speaks major version 0 of the C ABI (docs/c-abi.md: a break is a new major version).
if lib.compact_version_number() // 10000 != 0:
    raise ImportError(f"{lib._name} is libcompact {lib.compact_version_string().decode()}; this "
                      "package needs major version 0")

OUTCOME_COUNT = 7
