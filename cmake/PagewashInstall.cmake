# Installing pagewash: the binary, a man page per command and the bash and zsh
# completions, the last two generated at build time from the binary's own
# --help (cmake/GenerateDocs.cmake), and a Debian package with CPack:
#
#   cmake --install build/release --prefix /usr/local
#   cpack --config build/release/CPackConfig.cmake -B build/release/package
include(GNUInstallDirs)

install(TARGETS pagewash RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")

option(PAGEWASH_DOCS "Generate man pages and shell completions from --help (needs help2man)" ON)
if(PAGEWASH_DOCS)
  find_program(PAGEWASH_HELP2MAN help2man)
  if(NOT PAGEWASH_HELP2MAN)
    message(FATAL_ERROR "help2man not found: install it (tools/install-deps.sh) or configure with "
                        "-DPAGEWASH_DOCS=OFF to build without man pages and completions")
  endif()
  set(PAGEWASH_DOCS_DIR "${PROJECT_BINARY_DIR}/docs")
  # One stamp stands for every file: the script writes a page per command the
  # binary lists, whatever they are.
  add_custom_command(
    OUTPUT "${PAGEWASH_DOCS_DIR}/stamp"
    COMMAND "${CMAKE_COMMAND}" -E rm -rf "${PAGEWASH_DOCS_DIR}/man1"
    COMMAND "${CMAKE_COMMAND}" "-DPAGEWASH=$<TARGET_FILE:pagewash>" "-DHELP2MAN=${PAGEWASH_HELP2MAN}"
            "-DVERSION=${PROJECT_VERSION}" "-DOUT_DIR=${PAGEWASH_DOCS_DIR}"
            -P "${PROJECT_SOURCE_DIR}/cmake/GenerateDocs.cmake"
    COMMAND "${CMAKE_COMMAND}" -E touch "${PAGEWASH_DOCS_DIR}/stamp"
    DEPENDS pagewash "${PROJECT_SOURCE_DIR}/cmake/GenerateDocs.cmake"
    COMMENT "Generating man pages and completions from pagewash --help"
    VERBATIM)
  add_custom_target(pagewash_docs ALL DEPENDS "${PAGEWASH_DOCS_DIR}/stamp")
  install(DIRECTORY "${PAGEWASH_DOCS_DIR}/man1/" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
  install(FILES "${PAGEWASH_DOCS_DIR}/bash-completion/pagewash"
          DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions")
  install(FILES "${PAGEWASH_DOCS_DIR}/zsh/_pagewash" DESTINATION "${CMAKE_INSTALL_DATADIR}/zsh/site-functions")
endif()

set(PAGEWASH_PACKAGE_CONTACT "pagewash developers" CACHE STRING "Maintainer field of the .deb")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME pagewash)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "${PAGEWASH_PACKAGE_CONTACT}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "turn scraped web pages into clean, structured JSON")
set(CPACK_PACKAGE_DESCRIPTION
    "pagewash removes the furniture crawlers leave in a page's text (consent notices, menus,
language switchers, repeated blocks), recovers headings, paragraphs and lists, and writes
JSON Lines records (Dolma/datatrove compatible), Markdown or text. Built from commit
${PAGEWASH_GIT_COMMIT}.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY pagewash)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_STRIP_FILES ON)  # Debug info stays in the build tree.
set(CPACK_DEBIAN_PACKAGE_SECTION text)
# The Debian 12 (bookworm) packages of the shared libraries the binary links.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libc6 (>= 2.36), libstdc++6 (>= 12), libgcc-s1, libfmt9, libicu72, libboost-program-options1.74.0, libsimdjson14, libxxhash0, libcld2-0, zlib1g, libzstd1, libbz2-1.0, liblzma5")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "jq, bash-completion")
include(CPack)
