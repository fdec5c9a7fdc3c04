// Every input under tests/fuzz/corpus/<target>/ (seeds, and inputs that once found a bug) replayed
// through its target, so that the ordinary suite keeps them as tests.

#include <filesystem>
#include <fstream>
#include <sstream>

#include "fuzz/fuzz_targets.hpp"
#include "gtest/gtest.h"

namespace compact::fuzz {
namespace {

void replay(const std::string& target, std::string (*run)(std::string_view)) {
  const std::filesystem::path dir = std::filesystem::path(COMPACT_FUZZ_CORPUS_DIR) / target;
  size_t inputs = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(run(text.str()), "") << entry.path();
    ++inputs;
  }
  EXPECT_GT(inputs, 0u) << dir;
}

TEST(FuzzCorpus, Packs) { replay("pack", &pack); }
TEST(FuzzCorpus, Expressions) { replay("expression", &expression); }
TEST(FuzzCorpus, CaseDocuments) { replay("case_document", &case_document); }

}  // namespace
}  // namespace compact::fuzz
