# pagewash_add_tool(NAME sources...): an executable of tools/, linked with the
# core library and Boost.ProgramOptions (only tools link Boost).
function(pagewash_add_tool name)
  add_executable(${name} ${ARGN})
  target_link_libraries(${name} PRIVATE pagewash::core Boost::program_options pagewash_warnings)
  target_compile_definitions(${name} PRIVATE PAGEWASH_VERSION="${PROJECT_VERSION}")
endfunction()

# pagewash_add_fuzzer(NAME source): a fuzz target. With PAGEWASH_FUZZ_LINKMAIN
# it links tests/fuzz/replay_main.cc and ctest replays testdata/fuzz/NAME/.
function(pagewash_add_fuzzer name source)
  if(PAGEWASH_FUZZ_LINKMAIN)
    add_executable(${name} ${source} "${PROJECT_SOURCE_DIR}/tests/fuzz/replay_main.cc")
    add_test(NAME fuzz.${name}
             COMMAND ${name} "${PROJECT_SOURCE_DIR}/testdata/fuzz/${name}")
    set_tests_properties(fuzz.${name} PROPERTIES LABELS fuzz)
  else()
    add_executable(${name} ${source})
    target_compile_options(${name} PRIVATE -fsanitize=fuzzer)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer)
  endif()
  target_link_libraries(${name} PRIVATE pagewash::core pagewash_warnings)
  target_include_directories(${name} PRIVATE "${PROJECT_SOURCE_DIR}/src" "${PROJECT_SOURCE_DIR}")
endfunction()
