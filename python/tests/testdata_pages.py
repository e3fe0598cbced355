"""The pages of testdata that the Python tests run over, in the order the
CLI's chain test lists them."""
import glob
import os


def pages(testdata):
    found = sorted(glob.glob(os.path.join(testdata, "pages/*.txt")))
    found += sorted(glob.glob(os.path.join(testdata, "corpus/pages/*.txt")))
    for dialect in ("lynx", "w3m", "markdown", "wet"):
        found += sorted(glob.glob(os.path.join(testdata, "dialects", dialect, "*.txt")))
    return found
