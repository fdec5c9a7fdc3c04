#pragma once
// Finding places in JSON text that Boost.JSON has already accepted: the position of a value by its
// path, and keys that appear twice in one object (Boost.JSON keeps the last silently). Only valid JSON
// is ever scanned, so the scanner needs no error handling of its own.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/inlined_vector.h"

namespace compact::json_source {

// One step of a path: an object key, or an array index when `key` is empty and index >= 0. Keys are
// views: into the schema, the JSON text or the parsed document, which outlive the path.
struct Step {
  std::string_view key;
  long long index = -1;
};
using Path = std::vector<Step>;
// A path being walked, step by step: its inline room covers any case's depth, so a walk allocates
// nothing; a problem keeps its path as a Path.
using WorkingPath = absl::InlinedVector<Step, 12>;

// "commissions[1].payments[0].paid_on".
std::string to_string(std::span<const Step> path);

// For each path, the byte offset of its value, or of the deepest enclosing value that exists; of
// repeated keys, the last (the one a parsed document keeps). One walk of the text serves all paths.
std::vector<size_t> locate(std::string_view json, const std::vector<Path>& paths);

struct DuplicateKey {
  std::string path;  // the object's path plus the repeated key
  std::string key;   // decoded
  size_t offset;     // of the repeated key's value
};
// Every key after the first of that name in the same object, keys compared as decoded; at most
// `limit` of them.
std::vector<DuplicateKey> duplicate_keys(std::string_view json, size_t limit);

// The offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629: no
// overlong forms, no surrogates, nothing above U+10FFFF), or npos when the whole text is well formed.
size_t first_invalid_utf8(std::string_view text);

}  // namespace compact::json_source
