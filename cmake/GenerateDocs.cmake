# Generates, from the --help text of the binary just built, a man page per
# command (with help2man) and the bash and zsh completions, so that neither
# can drift from the options the binary takes. Run at build time:
#
#   cmake -DPAGEWASH=path/to/pagewash -DHELP2MAN=path/to/help2man
#         -DVERSION=0.1.0 -DOUT_DIR=dir -P GenerateDocs.cmake
#
# Writes OUT_DIR/man1/pagewash.1 and pagewash-COMMAND.1,
# OUT_DIR/bash-completion/pagewash and OUT_DIR/zsh/_pagewash.
# --help wraps to $COLUMNS: the same pages whatever the shell building them.
set(ENV{COLUMNS} 80)
foreach(var PAGEWASH HELP2MAN VERSION OUT_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "GenerateDocs.cmake: -D${var}= is required")
  endif()
endforeach()

function(run_help out)
  execute_process(COMMAND "${PAGEWASH}" ${ARGN} --help OUTPUT_VARIABLE text RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "pagewash ${ARGN} --help failed: ${failed}")
  endif()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# The commands and their one-line summaries, from the top-level help.
run_help(top)
string(REPLACE "\n" ";" top_lines "${top}")
set(commands "")
set(in_commands FALSE)
foreach(line IN LISTS top_lines)
  if(line STREQUAL "Commands:")
    set(in_commands TRUE)
  elseif(in_commands AND line MATCHES "^  ([a-z]+) +(.+)$")
    list(APPEND commands "${CMAKE_MATCH_1}")
    set(last "${CMAKE_MATCH_1}")
    set(summary_${CMAKE_MATCH_1} "${CMAKE_MATCH_2}")
  elseif(in_commands AND line MATCHES "^   +(.+)$")
    # A summary wrapped to the next line.
    string(APPEND summary_${last} " ${CMAKE_MATCH_1}")
  elseif(in_commands)
    break()
  endif()
endforeach()
if(NOT commands)
  message(FATAL_ERROR "no commands found in 'pagewash --help'")
endif()

file(MAKE_DIRECTORY "${OUT_DIR}/man1" "${OUT_DIR}/bin" "${OUT_DIR}/bash-completion" "${OUT_DIR}/zsh")

# help2man names a page after the program it runs: a wrapper per command
# makes pagewash-clean(1) and so on, as git does for its commands.
set(see_also "\\fBpagewash\\fR(1)")
foreach(cmd IN LISTS commands)
  string(APPEND see_also ", \\fBpagewash-${cmd}\\fR(1)")
endforeach()
file(WRITE "${OUT_DIR}/see-also.h2m"
     "[SEE ALSO]\n${see_also}\n.PP\nThe README and docs/ of the source tree describe the JSON output, the rules\nformat and the quality signals.\n")

function(help2man program name out)
  execute_process(
    COMMAND "${HELP2MAN}" --no-info --no-discard-stderr "--version-string=${VERSION}" "--name=${name}"
            "--include=${OUT_DIR}/see-also.h2m" "--output=${out}" "${program}"
    RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "help2man ${program} failed")
  endif()
endfunction()

help2man("${PAGEWASH}" "turn scraped web pages into clean, structured JSON" "${OUT_DIR}/man1/pagewash.1")

set(bash_cases "")
set(zsh_cases "")
set(zsh_commands "")
foreach(cmd IN LISTS commands)
  set(wrapper "${OUT_DIR}/bin/pagewash-${cmd}")
  file(WRITE "${wrapper}" "#!/bin/sh\nexec \"${PAGEWASH}\" ${cmd} \"$@\"\n")
  file(CHMOD "${wrapper}" PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
       WORLD_READ WORLD_EXECUTE)
  help2man("${wrapper}" "${summary_${cmd}}" "${OUT_DIR}/man1/pagewash-${cmd}.1")

  # Options: "  -o, --output FILE   text" or "      --pretty   text".
  run_help(help ${cmd})
  string(REPLACE "\n" ";" help_lines "${help}")
  set(bash_opts "")
  set(zsh_specs "")
  foreach(line IN LISTS help_lines)
    if(NOT line MATCHES "^  (-([a-zA-Z]), |    )--([a-z0-9-]+)( ([A-Z]+))?")
      continue()
    endif()
    set(short "${CMAKE_MATCH_2}")
    set(long "${CMAKE_MATCH_3}")
    set(value "${CMAKE_MATCH_5}")
    string(APPEND bash_opts " --${long}")
    if(NOT short STREQUAL "")
      string(APPEND bash_opts " -${short}")
    endif()
    # What a value completes to: files, or the words the option takes.
    set(action "")
    if(value MATCHES "^(FILE|PROFILE|MANIFEST)$")
      set(action ":${value}:_files")
    elseif(value STREQUAL "DIR")
      set(action ":${value}:_files -/")
    elseif(NOT value STREQUAL "")
      set(action ":${value}: ")
    endif()
    if(long STREQUAL "format")
      set(action ":FMT:(json markdown text diff)")
    elseif(long STREQUAL "input-format")
      set(action ":FMT:(auto text jsonl)")
    elseif(long STREQUAL "scope")
      set(action ":SCOPE:(document stream)")
    elseif(long STREQUAL "favor")
      set(action ":WHAT:(precision balanced recall)")
    endif()
    string(APPEND zsh_specs " \\\n        '--${long}${action}'")
    if(NOT short STREQUAL "")
      string(APPEND zsh_specs " \\\n        '-${short}${action}'")
    endif()
  endforeach()
  if(cmd STREQUAL "ledger")
    set(bash_opts " merge -o --help")
    set(zsh_specs " \\\n        '1:subcommand:(merge)' '-o:OUT:_files' '--help'")
  endif()
  string(APPEND bash_cases "    ${cmd}) opts=\"${bash_opts}\" ;;\n")
  string(APPEND zsh_cases "    ${cmd})\n      _arguments -s${zsh_specs} \\\n        '*:file:_files'\n      ;;\n")
  string(REPLACE "'" "'\\''" zsh_summary "${summary_${cmd}}")
  string(REPLACE ":" "\\:" zsh_summary "${zsh_summary}")
  string(APPEND zsh_commands "    '${cmd}:${zsh_summary}'\n")
endforeach()

string(JOIN " " command_words ${commands})
file(WRITE "${OUT_DIR}/bash-completion/pagewash" "# bash completion for pagewash. Generated from its --help by
# cmake/GenerateDocs.cmake: edit the options in tools/, not here.
_pagewash() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} opts
  if [ \"\$COMP_CWORD\" -eq 1 ]; then
    mapfile -t COMPREPLY < <(compgen -W \"${command_words} --help --version\" -- \"\$cur\")
    return
  fi
  case \$prev in
    --format) mapfile -t COMPREPLY < <(compgen -W \"json markdown text diff\" -- \"\$cur\"); return ;;
    --input-format) mapfile -t COMPREPLY < <(compgen -W \"auto text jsonl\" -- \"\$cur\"); return ;;
    --scope) mapfile -t COMPREPLY < <(compgen -W \"document stream\" -- \"\$cur\"); return ;;
    --favor) mapfile -t COMPREPLY < <(compgen -W \"precision balanced recall\" -- \"\$cur\"); return ;;
  esac
  case \${COMP_WORDS[1]} in
${bash_cases}    *) return ;;
  esac
  if [[ \$cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W \"\$opts\" -- \"\$cur\")
  fi
  # Anything else: bash's default, file names (complete -o default).
}
complete -o default -F _pagewash pagewash
")

file(WRITE "${OUT_DIR}/zsh/_pagewash" "#compdef pagewash
# zsh completion for pagewash. Generated from its --help by
# cmake/GenerateDocs.cmake: edit the options in tools/, not here.
local -a commands
commands=(
${zsh_commands})
if (( CURRENT == 2 )); then
  _describe -t commands 'pagewash command' commands
  _arguments '--help' '--version'
  return
fi
local cmd=\$words[2]
shift words
(( CURRENT-- ))
case \$cmd in
${zsh_cases}esac
")
