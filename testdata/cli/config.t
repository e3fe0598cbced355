# --config FILE: 'name = value' lines with the options' long names. A setting
# before any section is for every command that takes it, one under [COMMAND]
# for that command only; the command line wins. ($PAGEWASH_CONFIG and the
# sample config: tests/cli/config_test.sh.)

% pagewash clean --config cli/config.conf cli/page.txt
^D
How to apply

Fill in the form and send it by 1 March.

You will need:

your ID card;
a photo.

=> 0

# strip takes favor but not format: the format line is not for it, and
# neither is the [dedup] section.
% pagewash strip --config cli/config.conf cli/page.txt
^D
{"id":"page","source":"cli/page.txt","text":"How to apply\n\nFill in the form and send it by 1 March.\n\nHow to apply\n\nYou will need:\n• your ID card;\n• a photo.","schema_version":"1.2","stages":["strip"],"metadata":{},"stats":{"input_bytes":264,"input_lines":10,"invalid_utf8":0,"stripped":4,"duplicates":0},"blocks":[{"type":"line","length":12,"line":6,"span":[131,143]},{"type":"line","length":40,"line":8,"span":[145,185],"gap":true},{"type":"line","length":12,"line":10,"span":[187,199],"gap":true},{"type":"line","length":14,"line":12,"span":[201,215],"gap":true},{"type":"line","length":17,"line":13,"span":[216,235],"indent":2},{"type":"line","length":12,"line":14,"span":[236,250],"indent":2}]}
=> 0

% pagewash clean --config cli/config.conf --format markdown cli/page.txt
^D
<!-- page -->

# How to apply

Fill in the form and send it by 1 March.

You will need:

- your ID card;
- a photo.

=> 0

% pagewash clean --config cli/config-unknown.conf cli/page.txt
^D
2> pagewash: error: clean: cli/config-unknown.conf:2: unknown option 'favr'
2> see 'pagewash clean --help'
=> 2

% pagewash clean --config cli/config-bad-value.conf cli/page.txt
^D
2> pagewash: error: clean: cli/config-bad-value.conf:3: the argument ('high') for option 'near-threshold' is invalid
2> see 'pagewash clean --help'
=> 2

# A value refused after parsing names the line too.
% pagewash clean --config cli/config-bad-choice.conf cli/page.txt
^D
2> pagewash: error: clean: --favor must be precision, balanced or recall, not 'most' (set in cli/config-bad-choice.conf:1)
2> see 'pagewash clean --help'
=> 2

% pagewash clean --config cli/config-section.conf cli/page.txt
^D
2> pagewash: error: clean: cli/config-section.conf:2: unknown section [ledger]
2> see 'pagewash clean --help'
=> 2

% pagewash clean --config cli/config-wrong-command.conf cli/page.txt
^D
2> pagewash: error: clean: cli/config-wrong-command.conf:2: pagewash strip has no option 'format'
2> see 'pagewash clean --help'
=> 2

% pagewash clean --config cli/config-syntax.conf cli/page.txt
^D
2> pagewash: error: clean: cli/config-syntax.conf:1: expected 'name = value'
2> see 'pagewash clean --help'
=> 2

% pagewash dedup --config cli/config-twice.conf cli/page.txt
^D
2> pagewash: error: dedup: cli/config-twice.conf:2: 'scope' is already set at cli/config-twice.conf:1
2> see 'pagewash dedup --help'
=> 2

% pagewash clean --config cli/no-such.conf cli/page.txt
^D
2> pagewash: error: clean: --config cli/no-such.conf: No such file or directory
2> see 'pagewash clean --help'
=> 2

# A command's section wins over the settings for every command, wherever
# they are in the file: clean takes favor from [clean], not the bogus one.
% pagewash clean --config cli/config-sections.conf cli/page.txt
^D
How to apply

Fill in the form and send it by 1 March.

You will need:

your ID card;
a photo.

=> 0
