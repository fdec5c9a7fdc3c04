#pragma once
// A case document's content as the calls a program holding the same records would make to build it
// field by field: each value with the setter the schema's kind for it calls for. The reference a
// built case is held to is the JSON reader, which shares no code with the builder: the builder's
// tests and the case-document fuzz target compare the two, and the benchmarks time the C ABI's
// builder on the same calls.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "boost/json.hpp"
#include "compact/model/case_builder.hpp"

namespace compact::testing {

// One call: make the entity at `path` (kAdd), or set the field at `path` to a value of a kind. A
// value no setter takes (a JSON array where a date belongs, say) is kNone, with what it was in
// `text`: a program could not make the call at all.
struct Setting {
  enum class Kind { kAdd, kDate, kBool, kInteger, kMoney, kText, kNone };
  Kind kind;
  std::string path;
  Date day{};
  int64_t number = 0;
  std::string text{};
};

// The top-level object of a case document's text, a byte order mark before it allowed as the reader
// allows one; nullopt when the text is not a JSON object.
std::optional<boost::json::object> document_object(std::string_view text);

// The calls that build `document` (a case document's top-level object), in document order, for a
// case that may carry the fields `declared` declares.
std::vector<Setting> settings_of(const boost::json::object& document,
                                 const FieldDeclarations& declared);

// Makes each call of settings_of(document, declared) on `builder`. Returns the paths refused, each
// with the builder's message.
std::map<std::string, std::string> replay_document(const boost::json::object& document,
                                                   CaseBuilder& builder,
                                                   const FieldDeclarations& declared);

}  // namespace compact::testing
