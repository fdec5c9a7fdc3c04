#include "compact/model/field_access.hpp"

namespace compact {

FieldValue read_declared(const ExtraFields& extra, size_t position, std::string_view name,
                         FieldKind kind) {
  const ExtraValue* value = nullptr;
  if (position < extra.size() && extra[position].name == name) {
    value = &extra[position];
  } else {
    for (const ExtraValue& v : extra) {
      if (v.name == name) {
        value = &v;
        break;
      }
    }
  }
  FieldValue out;
  if (!value || value->kind != kind) return out;
  out.recorded = true;
  out.day = value->day;
  out.number = value->number;
  out.text = value->text;
  return out;
}

}  // namespace compact
