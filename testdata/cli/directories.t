# Directory arguments (cli/tree: a.txt, b.txt, loop -> ., sub/c.txt.gz,
# sub/link.txt -> ../a.txt, sub/notes.md).

# Without -r a directory is an error that says to add it; the other inputs
# go through.
% pagewash clean --format markdown cli/tree cli/inputs/page.txt
^D
<!-- page -->

# Opening hours

We open at nine every day.

2> pagewash: error: cli/tree: is a directory: add -r (--recursive) to read the files in it
=> 1

# With -r: every regular file under it, at any depth, sorted by path. The
# link to a directory (loop) is not followed; the link to a file is read.
% pagewash clean --format markdown -r cli/tree
^D
<!-- a -->

First page.

<!-- b -->

Second page.

<!-- c -->

Third page.

<!-- link -->

First page.

<!-- notes -->

Notes, not picked by --glob *.txt*

=> 0

# --glob matches file names.
% pagewash clean --format markdown --recursive --glob *.txt* cli/tree
^D
<!-- a -->

First page.

<!-- b -->

Second page.

<!-- c -->

Third page.

<!-- link -->

First page.

=> 0

% pagewash clean --format markdown -r --glob *.gz cli/tree
^D
<!-- c -->

Third page.

=> 0

# A file named on the command line is read whatever the pattern.
% pagewash clean --format markdown -r --glob *.gz cli/inputs/page.txt
^D
<!-- page -->

# Opening hours

We open at nine every day.

=> 0

% pagewash clean --glob *.txt cli/tree
^D
2> pagewash: error: clean: --glob picks files in directories: add -r
2> see 'pagewash clean --help'
=> 2

% pagewash strip -r --id page cli/tree
^D
2> pagewash: error: strip: --id names one page: not with -r
2> see 'pagewash strip --help'
=> 2
