# Writes OUT, a C++ file defining pagewash::internal::kDefaultRules: the text of
# every file in FILES, in order, each headed by a "#file NAME" line so that rule
# errors can name the file they come from.
set(body "")
foreach(f IN LISTS FILES)
  file(READ "${f}" text)
  get_filename_component(name "${f}" NAME)
  string(APPEND body "#file ${name}\n${text}\n")
endforeach()
file(WRITE "${OUT}.tmp"
"// Generated from src/rules/*.rules by cmake/EmbedRules.cmake. Do not edit.\n"
"#include <string_view>\n"
"namespace pagewash::internal {\n"
"extern const std::string_view kDefaultRules;\n"
"const std::string_view kDefaultRules = R\"PAGEWASH_RULES(${body})PAGEWASH_RULES\";\n"
"}  // namespace pagewash::internal\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
