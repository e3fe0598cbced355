# The git commit the build comes from, for `pagewash --version`: taken when
# CMake configures, "unknown" outside a git checkout (a source tarball, a
# Debian source package).
#
# Sets PAGEWASH_GIT_COMMIT and writes ${PROJECT_BINARY_DIR}/generated/version.cc.
set(PAGEWASH_GIT_COMMIT "unknown")
find_package(Git QUIET)
if(GIT_FOUND)
  execute_process(
    COMMAND "${GIT_EXECUTABLE}" rev-parse --short=12 HEAD
    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
    OUTPUT_VARIABLE commit
    OUTPUT_STRIP_TRAILING_WHITESPACE
    RESULT_VARIABLE failed
    ERROR_QUIET)
  if(NOT failed AND commit MATCHES "^[0-9a-f]+$")
    set(PAGEWASH_GIT_COMMIT "${commit}")
    # A commit or checkout appends to the reflog of HEAD: configure again
    # then, so that the version a build reports does not go stale.
    execute_process(
      COMMAND "${GIT_EXECUTABLE}" rev-parse --git-path logs/HEAD
      WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
      OUTPUT_VARIABLE reflog
      OUTPUT_STRIP_TRAILING_WHITESPACE
      ERROR_QUIET)
    if(reflog AND NOT IS_ABSOLUTE "${reflog}")
      set(reflog "${PROJECT_SOURCE_DIR}/${reflog}")
    endif()
    if(EXISTS "${reflog}")
      set_property(DIRECTORY "${PROJECT_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${reflog}")
    endif()
  endif()
endif()
configure_file("${PROJECT_SOURCE_DIR}/tools/version.cc.in" "${PROJECT_BINARY_DIR}/generated/version.cc" @ONLY)
