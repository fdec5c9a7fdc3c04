#include "input.hpp"

#include <array>
#include <fstream>
#include <iostream>

namespace compact::cli {

std::optional<std::string> read_input(const std::string& file, size_t max) {
  std::ifstream stream;
  if (file != "-") stream.open(file, std::ios::binary);
  std::istream& in = file == "-" ? std::cin : stream;
  if (!in) return std::nullopt;
  std::string text;
  std::array<char, 1 << 16> chunk;
  while (text.size() <= max) {
    in.read(chunk.data(), chunk.size());
    text.append(chunk.data(), static_cast<size_t>(in.gcount()));
    if (!in) break;
  }
  if (in.bad()) return std::nullopt;
  return text;
}

}  // namespace compact::cli
