# The tool and every command print the same version line.
% pagewash --version
^D
pagewash 0.1.0 (schema 1.1)
=> 0

% pagewash clean --version
^D
pagewash 0.1.0 (schema 1.1)
=> 0
