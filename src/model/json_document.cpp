#include "json_document.hpp"

#include "boost/json/basic_parser_impl.hpp"

namespace compact::json_document {
namespace {

namespace json = boost::json;
using boost::system::error_code;

// Boost.JSON's own document-building handler (boost/json/detail/handler.hpp), plus a member count.
class CountingHandler {
 public:
  static constexpr size_t max_object_size = json::object::max_size();
  static constexpr size_t max_array_size = json::array::max_size();
  static constexpr size_t max_key_size = json::string::max_size();
  static constexpr size_t max_string_size = json::string::max_size();

  CountingHandler(unsigned char* buffer, size_t size) : stack({}, buffer, size) {}

  json::value_stack stack;
  size_t members = 0;

  bool on_document_begin(error_code&) { return true; }
  bool on_document_end(error_code&) { return true; }
  bool on_object_begin(error_code&) { return true; }
  bool on_object_end(size_t n, error_code&) {
    members += n;
    stack.push_object(n);
    return true;
  }
  bool on_array_begin(error_code&) { return true; }
  bool on_array_end(size_t n, error_code&) {
    stack.push_array(n);
    return true;
  }
  bool on_key_part(json::string_view s, size_t, error_code&) {
    stack.push_chars(s);
    return true;
  }
  bool on_key(json::string_view s, size_t, error_code&) {
    stack.push_key(s);
    return true;
  }
  bool on_string_part(json::string_view s, size_t, error_code&) {
    stack.push_chars(s);
    return true;
  }
  bool on_string(json::string_view s, size_t, error_code&) {
    stack.push_string(s);
    return true;
  }
  bool on_number_part(json::string_view, error_code&) { return true; }
  bool on_int64(int64_t i, json::string_view, error_code&) {
    stack.push_int64(i);
    return true;
  }
  bool on_uint64(uint64_t u, json::string_view, error_code&) {
    stack.push_uint64(u);
    return true;
  }
  bool on_double(double d, json::string_view, error_code&) {
    stack.push_double(d);
    return true;
  }
  bool on_bool(bool b, error_code&) {
    stack.push_bool(b);
    return true;
  }
  bool on_null(error_code&) {
    stack.push_null();
    return true;
  }
  bool on_comment_part(json::string_view, error_code&) { return true; }
  bool on_comment(json::string_view, error_code&) { return true; }
};

}  // namespace

Parsed parse(std::string_view text, const json::parse_options& options, json::storage_ptr storage) {
  // The parser's working stack starts here, on the stack, as Boost.JSON's own parser arranges.
  unsigned char working[4096];
  json::basic_parser<CountingHandler> parser(options, working, sizeof working);
  parser.handler().stack.reset(std::move(storage));
  Parsed parsed;
  parsed.consumed = parser.write_some(false, text.data(), text.size(), parsed.error);
  // The parser stops after the first complete value; anything but white space after it is an error.
  if (!parsed.error) {
    const size_t rest = text.find_first_not_of(" \t\r\n", parsed.consumed);
    if (rest != std::string_view::npos) {
      parsed.consumed = rest;
      parsed.error = json::error::extra_data;
    }
  }
  if (!parsed.error) {
    parsed.value = parser.handler().stack.release();
    parsed.members_written = parser.handler().members;
  }
  return parsed;
}

size_t count_members(const json::value& value) {
  size_t count = 0;
  if (const json::object* object = value.if_object()) {
    count += object->size();
    for (const json::key_value_pair& member : *object) count += count_members(member.value());
  } else if (const json::array* array = value.if_array()) {
    for (const json::value& element : *array) count += count_members(element);
  }
  return count;
}

}  // namespace compact::json_document
