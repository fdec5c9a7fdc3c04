#pragma once
// Expressions compiled to machine code, for the engine's hot path: evaluating without naming
// unrecorded fields. The interpreter (evaluator.cpp) remains the definition; an expression that uses
// what native code does not handle (text, entities and lists as values, any(), all(), count(),
// declared fields) keeps to it, as does everything on a machine other than x86-64.
//
// Native code and the interpreter share the date operations (plan.hpp, civil_arithmetic.hpp), or,
// inline, read the same calendar tables. expression_reference_test, engine_reference_test and
// native_code_test run both on thousands of random expressions and packs (native_code_test also with
// a context, and at the ends of the supported range) and require the same results; the expression
// fuzzer compares them on every input.

#include <cstddef>
#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "compact/rules/expression.hpp"

namespace compact::rules {

// What a compiled function reads: the environment, its entities and parameters again where native
// code reads them without a call, and where to say whether the result was boundary-sensitive (null:
// not asked).
struct NativeFrame {
  const Environment* environment;
  const void* const* entities;
  size_t entity_count;
  const Value* parameters;
  size_t parameter_count;
  bool* boundary_sensitive;
};

// A result as native code returns it, in two registers: a date as its day index, a bool as 0 or 1,
// an integer, money (pence) or enum index as itself; `state` a Value::State, or kEscape.
struct NativeResult {
  int64_t payload;
  int64_t state;
};
// The state of a value native code cannot hold (a date outside 1900-2199, which a case built in C++
// may have): the interpreter is to evaluate the expression instead.
inline constexpr int64_t kEscape = 3;

// How a compiled function's payload is held, by its expression's type.
enum class NativeKind : uint8_t { kDate, kBool, kNumber };

using NativeFunction = NativeResult (*)(const NativeFrame* frame);

class NativeEmitter;  // native_emitter.hpp

// What code may take as the same in every frame it will run with, and so build into itself: the
// calendar, and some parameters' values (an engine sets a pack's undated parameters once for all its
// rules). Where it is not given, both are read from the frame as the code runs.
struct NativeContext {
  const Calendar* calendar = nullptr;
  std::vector<const Value*> fixed_parameters;  // by parameter index; null where not fixed
  // Slots [0, bound_slots) always hold an entity (an engine's covered entity and those it is in).
  size_t bound_slots = 0;
  // Parameters [0, known_parameters) are always there, and a date among those past
  // fixed_parameters (an engine's as_of, due and actual) is in 1900-2199.
  size_t known_parameters = 0;
};

// One function to compile: an expression's own, or one its caller emits whole, between
// NativeEmitter::begin() and end(), declining (emitting nothing) where it cannot. `context` must
// hold for every frame the function runs with, and outlive compile().
struct NativeSource {
  const Expression* expression = nullptr;
  std::function<void(NativeEmitter&)> emit;
  size_t max_bytes = 0;  // for `emit`: at most the bytes it writes
  const NativeContext* context = nullptr;
};

class NativeCode {
 public:
  // Compiles each of `expressions` that native code handles into one block of executable memory.
  // Never fails: where it cannot compile (another machine, no memory), functions are null.
  static std::unique_ptr<const NativeCode> compile(std::span<const Expression* const> expressions);
  // The same for functions of either kind; function(i) and entry(i) are sources[i]'s.
  static std::unique_ptr<const NativeCode> compile(std::span<const NativeSource> sources);

  NativeCode(const NativeCode&) = delete;
  NativeCode& operator=(const NativeCode&) = delete;
  ~NativeCode();

  // The function for expressions[i] and how its result is held; a null function where the
  // interpreter is to be used.
  struct Function {
    NativeFunction run = nullptr;
    NativeKind kind = NativeKind::kBool;
  };
  Function function(size_t i) const { return i < functions_.size() ? functions_[i] : Function(); }
  // Where function i starts, whatever its kind; null where it was not compiled.
  const void* entry(size_t i) const { return i < entries_.size() ? entries_[i] : nullptr; }

  // Whether this build compiles to machine code at all.
  static bool available();

 private:
  struct Buffer;
  NativeCode() = default;
  std::unique_ptr<Buffer> buffer_;
  std::vector<Function> functions_;  // for expression sources
  std::vector<const void*> entries_;
};

// Runs `function`, compiled from `expression`, in `environment`, into `v`: what
// expression.evaluate(environment, nullptr, boundary_sensitive) gives, which it falls back to for a
// date native code cannot hold. Inline, since it is most of what an engine does per expression.
// Writing into the caller's Value, part by part, matters: a Value built aside and then copied is
// read back whole while its parts are still being written, a stall of a dozen cycles per copy.
inline void run_native(NativeCode::Function function, const Expression& expression,
                       const Environment& environment, Value& v,
                       bool* boundary_sensitive = nullptr) {
  if (boundary_sensitive) *boundary_sensitive = false;
  const NativeFrame frame{&environment,
                          environment.entities.data(),
                          environment.entities.size(),
                          environment.parameters.data(),
                          environment.parameters.size(),
                          boundary_sensitive};
  const NativeResult result = function.run(&frame);
  if (result.state == kEscape) {
    v = expression.evaluate(environment, nullptr, boundary_sensitive);
    return;
  }
  v.state = static_cast<Value::State>(result.state);
  v.boolean = false;
  v.number = 0;
  if (!v.known()) return;
  switch (function.kind) {
    case NativeKind::kDate:
      v.day = from_day_index(result.payload);
      break;
    case NativeKind::kBool:
      v.boolean = result.payload != 0;
      break;
    case NativeKind::kNumber:
      v.number = result.payload;
      break;
  }
}

inline Value run_native(NativeCode::Function function, const Expression& expression,
                        const Environment& environment, bool* boundary_sensitive = nullptr) {
  Value v;
  run_native(function, expression, environment, v, boundary_sensitive);
  return v;
}

}  // namespace compact::rules
