#include "compact/util/article.hpp"

namespace compact {

std::string with_article(std::string_view noun) {
  const bool vowel =
      !noun.empty() && std::string_view("aeiou").find(noun[0]) != std::string_view::npos;
  std::string out = vowel ? "an " : "a ";
  out += noun;
  return out;
}

}  // namespace compact
