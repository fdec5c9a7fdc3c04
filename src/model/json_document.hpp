#pragma once
// Parsing JSON text with Boost.JSON while counting the object members written in the text.
//
// Boost.JSON keeps only the last of repeated keys in an object, silently. Comparing the members the
// text wrote with those the parsed document holds tells, at no extra pass over the text, whether any
// key was repeated; only then does json_source look for where.

#include <cstddef>
#include <string_view>

#include "boost/json.hpp"

namespace compact::json_document {

struct Parsed {
  boost::json::value value;
  boost::system::error_code error;
  size_t consumed = 0;         // bytes accepted: on an error, where it was found
  size_t members_written = 0;  // object members in the text, repeats included
};

Parsed parse(std::string_view text, const boost::json::parse_options& options,
             boost::json::storage_ptr storage);

// The members of every object in `value`, at any depth.
size_t count_members(const boost::json::value& value);

}  // namespace compact::json_document
