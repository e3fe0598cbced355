#include "scratch.h"

#include <algorithm>
#include <vector>

namespace pagewash::internal {
namespace {

struct Entry {
  void* buffer;
  std::size_t (*bytes)(const void*);
  void (*release)(void*);
};

// Made by the first RegisterScratch of the thread, inside the first
// Scratch's constructor: it is destroyed after every Scratch of the thread.
std::vector<Entry>& Registry() {
  thread_local std::vector<Entry> registry;
  return registry;
}

}  // namespace

void RegisterScratch(void* buffer, std::size_t (*bytes)(const void*), void (*release)(void*)) {
  Registry().push_back(Entry{buffer, bytes, release});
}

void UnregisterScratch(void* buffer) {
  std::vector<Entry>& r = Registry();
  r.erase(std::remove_if(r.begin(), r.end(), [buffer](const Entry& e) { return e.buffer == buffer; }), r.end());
}

void ReleaseLargeScratch() {
  for (const Entry& e : Registry()) {
    if (e.bytes(e.buffer) > kScratchKeepBytes) e.release(e.buffer);
  }
}

}  // namespace pagewash::internal
