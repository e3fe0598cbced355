# Lines on most pages of one site in a run are its furniture: every copy
# goes, the first included, as site-evidence. Pages are grouped by the host
# of their url ("www." aside); the fourth page, of another site, keeps the
# line it shares with the first site.
% pagewash clean --format text --explain cli/sites.jsonl
^D
The new ferry to the island leaves at seven every morning and comes back at six.

Removed:
- [strip site-evidence] line 1: Harbour News, your town's paper since 1921
- [strip site-evidence] line 5: Call the newsroom: 555 0100

The fish market opens an hour earlier from Monday, the council said.

Removed:
- [strip site-evidence] line 1: Harbour News, your town's paper since 1921
- [strip site-evidence] line 5: Call the newsroom: 555 0100

The school by the harbour gets a new roof before the winter.

Removed:
- [strip site-evidence] line 1: Harbour News, your town's paper since 1921
- [strip site-evidence] line 5: Call the newsroom: 555 0100

Call the newsroom: 555 0100

The walk to the top of the hill takes two hours if the weather is good.

=> 0

# --site-from none turns it off.
% pagewash clean --format text --site-from none cli/sites.jsonl
^D
Harbour News, your town's paper since 1921

The new ferry to the island leaves at seven every morning and comes back at six.

Harbour News, your town's paper since 1921

The fish market opens an hour earlier from Monday, the council said.

Harbour News, your town's paper since 1921

The school by the harbour gets a new roof before the winter.

Call the newsroom: 555 0100

The walk to the top of the hill takes two hours if the weather is good.

=> 0

% pagewash clean --site-from host cli/sites.jsonl
^D
2> pagewash: error: clean: --site-from must be url, dir or none, not 'host'
2> see 'pagewash clean --help'
=> 2
