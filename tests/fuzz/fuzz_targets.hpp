#pragma once
// What the fuzzers run on each input, as plain functions: libFuzzer drives them in the `fuzz` preset
// (scripts/fuzz; the README's "Building by hand"), and the ordinary test suite replays the checked-in
// corpus through them, so every input that once found a bug stays a test without clang.
//
// Each returns "" when the library behaved, or what it did wrong: an error without a message or a
// place, a date outside the supported range passed off as known, a case that does not survive being
// written and read back. A crash, a hang or a sanitizer report is a failure too.

#include <string>
#include <string_view>

namespace compact::fuzz {

// `text` as a rule pack: loaded, and when it loads, evaluated on a case of every entity kind, with
// each finding's message, trace and JSON written.
std::string pack(std::string_view text);

// `text` as an expression in a scope binding commission and payment, with a period parameter:
// compiled, and when it compiles, evaluated on several payments and on an unbound payment.
std::string expression(std::string_view text);

// `text` as a case document: read, and when it reads without error, written and read back, and
// built field by field through a CaseBuilder.
std::string case_document(std::string_view text);

}  // namespace compact::fuzz
