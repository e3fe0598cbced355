// A main() for fuzz targets built without libFuzzer (PAGEWASH_FUZZ_LINKMAIN,
// the default under g++): runs LLVMFuzzerTestOneInput once over every file
// named on the command line, or found (recursively, in sorted order) under a
// directory named there. ctest uses it to replay testdata/fuzz/<target>/, so
// the seeds and every crasher added to them run as ordinary tests. Modelled
// on simdjson fuzz/main.cpp.
//
// A target aborts on a broken property, so an exit code of 0 means every
// input went through. Unreadable paths are an error (exit 1): a replay that
// silently ran nothing would pass.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

bool ReadFile(const std::filesystem::path& path, std::vector<std::uint8_t>* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::filesystem::path> files;
  for (int i = 1; i < argc; ++i) {
    std::filesystem::path arg(argv[i]);
    std::error_code ec;
    if (std::filesystem::is_directory(arg, ec)) {
      std::vector<std::filesystem::path> found;
      for (const auto& entry : std::filesystem::recursive_directory_iterator(arg, ec)) {
        if (entry.is_regular_file()) found.push_back(entry.path());
      }
      if (ec) {
        std::fprintf(stderr, "%s: cannot list %s: %s\n", argv[0], argv[i], ec.message().c_str());
        return 1;
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (std::filesystem::is_regular_file(arg, ec)) {
      files.push_back(arg);
    } else {
      std::fprintf(stderr, "%s: no such file or directory: %s\n", argv[0], argv[i]);
      return 1;
    }
  }

  std::vector<std::uint8_t> bytes;
  for (const std::filesystem::path& path : files) {
    if (!ReadFile(path, &bytes)) {
      std::fprintf(stderr, "%s: cannot read %s\n", argv[0], path.c_str());
      return 1;
    }
    // An exact-size heap copy, so that a sanitized build catches a read one
    // byte past the input.
    std::vector<std::uint8_t> input(bytes.begin(), bytes.end());
    LLVMFuzzerTestOneInput(input.data(), input.size());
  }
  std::printf("%s: replayed %zu input%s\n", argv[0], files.size(), files.size() == 1 ? "" : "s");
  return 0;
}
