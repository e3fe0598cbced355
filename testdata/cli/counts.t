# Every count option is a whole number from 1 to 1000000. A negative one must
# not wrap around to a huge count (which would make --learn learn nothing).
% pagewash strip --learn-min-pages -1
^D
2> pagewash: error: strip: the argument ('-1') for option '--learn-min-pages' is invalid
2> see 'pagewash strip --help'
=> 2

% pagewash clean --learn-min-pages 0
^D
2> pagewash: error: clean: the argument ('0') for option '--learn-min-pages' is invalid
2> see 'pagewash clean --help'
=> 2

% pagewash strip --learn-min-pages 18446744073709551615
^D
2> pagewash: error: strip: the argument ('18446744073709551615') for option '--learn-min-pages' is invalid
2> see 'pagewash strip --help'
=> 2

% pagewash clean --max-heading-words 0
^D
2> pagewash: error: clean: the argument ('0') for option '--max-heading-words' is invalid
2> see 'pagewash clean --help'
=> 2

# The threshold is a fraction: NaN and infinity are not in 0..1.
% pagewash dedup --near-threshold nan
^D
2> pagewash: error: dedup: --near-threshold must be from 0 to 1, not nan
2> see 'pagewash dedup --help'
=> 2

% pagewash dedup --near-threshold -inf
^D
2> pagewash: error: dedup: --near-threshold must be from 0 to 1, not -inf
2> see 'pagewash dedup --help'
=> 2
