// Buffers that a stage keeps from document to document, so that a page of
// common size costs it no allocation once they have grown: one set a thread
// (-j N runs documents on worker threads), as thread_local Scratch<T>.
//
// A document far larger than most would leave them that large for the rest
// of the run, and, the stages' buffers adding up, raise the peak memory of
// the next one. So each stage ends with ReleaseLargeScratch(), which frees
// every buffer of the thread that holds more than kScratchKeepBytes: a
// large document allocates as it did before (each stage's buffers gone when
// it ends), a small one not at all.
#ifndef PAGEWASH_SCRATCH_H_
#define PAGEWASH_SCRATCH_H_

#include <cstddef>
#include <utility>

#include "text/tokenize.h"

namespace pagewash::internal {

/// The most bytes a scratch buffer keeps between stages.
inline constexpr std::size_t kScratchKeepBytes = std::size_t{64} << 10;

/// The bytes a buffer holds: its CapacityBytes() when it has one, else its
/// capacity times its element size.
template <class T>
std::size_t ScratchBytes(const T& t) {
  if constexpr (requires { t.CapacityBytes(); }) {
    return t.CapacityBytes();
  } else {
    return t.capacity() * sizeof(typename T::value_type);
  }
}
inline std::size_t ScratchBytes(const text::TokenizedText& t) {
  return t.key.capacity() + t.tokens.capacity() * sizeof(text::Token);
}

/// Frees what a buffer holds: its ReleaseBuffers() when it has one, else
/// its contents are moved out (and freed) and it starts anew. (Assigning a
/// new one would not do: a std::string keeps its buffer when it is assigned
/// a short one.)
template <class T>
void ReleaseScratch(T& t) {
  if constexpr (requires { t.ReleaseBuffers(); }) {
    t.ReleaseBuffers();
  } else {
    { T gone(std::move(t)); }
    t = T();
  }
}

/// The thread's list of its Scratch buffers.
void RegisterScratch(void* buffer, std::size_t (*bytes)(const void*), void (*release)(void*));
void UnregisterScratch(void* buffer);

/// Frees each Scratch buffer of this thread that holds more than
/// kScratchKeepBytes. Call it when the buffers are not in use.
void ReleaseLargeScratch();

/// A T (a container, or a struct of them) that ReleaseLargeScratch sees.
/// Used as the T it is: declare `thread_local Scratch<std::string> s;`.
template <class T>
class Scratch : public T {
 public:
  Scratch() { RegisterScratch(this, &Bytes, &Release); }
  ~Scratch() { UnregisterScratch(this); }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

 private:
  static std::size_t Bytes(const void* p) { return ScratchBytes(static_cast<const T&>(*static_cast<const Scratch*>(p))); }
  static void Release(void* p) { ReleaseScratch(static_cast<T&>(*static_cast<Scratch*>(p))); }
};

}  // namespace pagewash::internal

#endif  // PAGEWASH_SCRATCH_H_
