#include "support/document_replay.hpp"

#include <utility>

#include "compact/calendar/date.hpp"

namespace compact::testing {
namespace {

class Flattener {
 public:
  explicit Flattener(const FieldDeclarations& declared) : declared_(declared) {}

  std::vector<Setting> settings;

  void entity(const boost::json::object& object, const EntityInfo& info, const std::string& path) {
    for (const auto& [key, value] : object) {
      const std::string name(key);
      const std::string field_path = path.empty() ? name : path + "." + name;
      if (value.is_null()) continue;  // not recorded: nothing to set
      if (const FieldInfo* field = info.field(name)) {
        core_field(value, *field, field_path);
      } else if (auto place = declared_.find(info, name)) {
        scalar(value, place->field->kind, field_path);
      } else {
        // No such field: the builder is asked, and refuses.
        settings.push_back({Setting::Kind::kText, field_path, {}, 0, "an unknown field"});
      }
    }
  }

 private:
  void core_field(const boost::json::value& value, const FieldInfo& field,
                  const std::string& path) {
    if (field.kind == FieldKind::kEntity && value.is_object()) {
      settings.push_back({Setting::Kind::kAdd, path});
      entity(value.as_object(), *field.element, path);
    } else if (field.kind == FieldKind::kList && value.is_array()) {
      const boost::json::array& entries = value.as_array();
      for (size_t i = 0; i < entries.size(); ++i) {
        const std::string entry = path + "[" + std::to_string(i) + "]";
        settings.push_back({Setting::Kind::kAdd, entry});
        if (entries[i].is_object()) entity(entries[i].as_object(), *field.element, entry);
      }
    } else {
      scalar(value, field.kind, path);
    }
  }

  void scalar(const boost::json::value& value, FieldKind kind, const std::string& path) {
    Setting setting{Setting::Kind::kNone, path};
    if (value.is_bool()) {
      setting.kind = Setting::Kind::kBool;
      setting.number = value.as_bool() ? 1 : 0;
    } else if (value.is_int64()) {
      setting.kind = kind == FieldKind::kMoney ? Setting::Kind::kMoney : Setting::Kind::kInteger;
      setting.number = value.as_int64();
    } else if (value.is_string() && kind == FieldKind::kDate) {
      setting.text = std::string(value.as_string());
      if (absl::StatusOr<Date> day = parse_date(setting.text); day.ok()) {
        setting.kind = Setting::Kind::kDate;
        setting.day = *day;
      }
    } else if (value.is_string()) {
      setting.kind = Setting::Kind::kText;
      setting.text = std::string(value.as_string());
    } else {
      setting.text = boost::json::serialize(value);
    }
    settings.push_back(std::move(setting));
  }

  const FieldDeclarations& declared_;
};

absl::Status make(const Setting& s, CaseBuilder& builder) {
  switch (s.kind) {
    case Setting::Kind::kAdd:
      return builder.add(s.path);
    case Setting::Kind::kDate:
      return builder.set_date(s.path, s.day);
    case Setting::Kind::kBool:
      return builder.set_bool(s.path, s.number != 0);
    case Setting::Kind::kInteger:
      return builder.set_integer(s.path, s.number);
    case Setting::Kind::kMoney:
      return builder.set_money(s.path, Money{s.number});
    case Setting::Kind::kText:
      return builder.set_text(s.path, s.text);
    case Setting::Kind::kNone:
      break;
  }
  return absl::InvalidArgumentError("no setter takes " + s.text);
}

}  // namespace

std::optional<boost::json::object> document_object(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  boost::system::error_code error;
  boost::json::value document = boost::json::parse(text, error);
  if (error || !document.is_object()) return std::nullopt;
  return std::move(document.as_object());
}

std::vector<Setting> settings_of(const boost::json::object& document,
                                 const FieldDeclarations& declared) {
  Flattener flattener(declared);
  flattener.entity(document, Case::kInfo, "");
  return std::move(flattener.settings);
}

std::map<std::string, std::string> replay_document(const boost::json::object& document,
                                                   CaseBuilder& builder,
                                                   const FieldDeclarations& declared) {
  std::map<std::string, std::string> refused;
  for (const Setting& setting : settings_of(document, declared)) {
    if (absl::Status status = make(setting, builder); !status.ok()) {
      refused.emplace(setting.path, std::string(status.message()));
    }
  }
  return refused;
}

}  // namespace compact::testing
