# Warnings and sanitizers for the project's own targets (not applied to dependencies).
add_library(compact_compiler_options INTERFACE)
target_compile_options(compact_compiler_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wnon-virtual-dtor -Wold-style-cast
  $<$<BOOL:${COMPACT_WERROR}>:-Werror>)

if(COMPACT_SANITIZE)
  list(JOIN COMPACT_SANITIZE "," sanitizers)
  target_compile_options(compact_compiler_options INTERFACE -fsanitize=${sanitizers} -fno-omit-frame-pointer
                                                            -fno-sanitize-recover=all)
  target_link_options(compact_compiler_options INTERFACE -fsanitize=${sanitizers})
endif()
