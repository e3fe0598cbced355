# Warnings for the project's own targets only: link pagewash_warnings PRIVATE.
add_library(pagewash_warnings INTERFACE)
target_compile_options(pagewash_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
  -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual -Wimplicit-fallthrough)
if(PAGEWASH_WERROR)
  target_compile_options(pagewash_warnings INTERFACE -Werror)
endif()
