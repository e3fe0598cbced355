// Running the documents of a run on every core while the output stays in
// input order.
//
// A document goes through a fixed list of steps. A step that reads or writes
// nothing but its own document (strip, per-document dedup, segment, emit's
// serialisation) may run on any worker thread, for several documents at a
// time. A step that touches state shared across documents (the stream's seen
// index, the ledger, the manifest, counters, the output, the reporter) runs
// on the thread that called Run, one document at a time, in input order. So
// every in-order step sees exactly the sequence of calls it would see if the
// documents went through one by one, and the output is the same bytes for
// any number of workers.
//
// Memory is bounded by a window: at most `window` items are between being
// read and having passed every step. Items are kept in `window` slots that
// are reused, so an item's buffers (a Document's arena) serve again.
#ifndef PAGEWASH_PARALLEL_H_
#define PAGEWASH_PARALLEL_H_

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <limits>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace pagewash::parallel {

/// The cores this process may use: std::thread::hardware_concurrency, at
/// least 1.
std::size_t AvailableCores();

/// A fixed set of threads that run tasks from one queue, first in first out.
class WorkerPool {
 public:
  explicit WorkerPool(std::size_t threads);
  /// Runs the tasks still queued, then joins the threads.
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  /// Queues `task`. A task must not throw (OrderedPipeline catches for it).
  void Submit(std::function<void()> task);
  std::size_t size() const { return threads_.size(); }

 private:
  void Work();

  std::mutex mu_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> tasks_;
  bool closing_ = false;
  std::vector<std::thread> threads_;
};

/// Items read in order on the calling thread, taken through `steps`; see the
/// comment at the top of the file.
template <class Item>
class OrderedPipeline {
 public:
  enum class Where {
    kAnyThread,  ///< May run on a worker, for several items at a time.
    kInOrder,    ///< Runs on the thread of Run, one item at a time, in input order.
  };
  struct Step {
    Where where;
    std::function<void(Item&)> run;
  };

  /// `workers` 0 runs every step on the calling thread, one item at a time
  /// (no thread is started). `window` is at least 1.
  OrderedPipeline(std::size_t workers, std::size_t window, std::vector<Step> steps)
      : workers_(workers), slots_(std::max<std::size_t>(window, 1)), steps_(std::move(steps)) {}

  /// Calls `read` (on this thread) for each new item until it returns false,
  /// and takes each item through every step. Returns when every item has
  /// passed every step, or when Stop() was called: then the items before the
  /// one that called it still pass every step, and those after it pass no
  /// further in-order step.
  ///
  /// A step (or `read`) that throws ends the run as Stop() would at that
  /// item, at its next in-order step: the items before it pass every step,
  /// and then Run rethrows the exception. With several, the first in input
  /// order is thrown, as it would be with one item at a time.
  void Run(const std::function<bool(Item&)>& read);

  /// From an in-order step: stop after the current item (see Run).
  void Stop() { stop_requested_ = true; }

  /// The most items that were in flight at once (at most the window).
  std::size_t peak_in_flight() const { return peak_; }

 private:
  static constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
  struct Slot {
    Item item;
    std::size_t next_step = 0;
    bool busy = false;  // On a worker.
    std::exception_ptr error;
  };
  Slot& SlotOf(std::size_t seq) { return slots_[seq % slots_.size()]; }
  bool InOrder(std::size_t step) const { return steps_[step].where == Where::kInOrder; }
  void RunInline(const std::function<bool(Item&)>& read);
  // Runs the item's parallel steps from its next one, up to an in-order step
  // or the end; on a worker, without the lock.
  void RunParallelSteps(Slot& slot);

  std::size_t workers_;
  std::vector<Slot> slots_;
  std::vector<Step> steps_;
  bool stop_requested_ = false;
  std::size_t peak_ = 0;

  std::mutex mu_;
  std::condition_variable done_;  // A worker finished an item's steps.
};

template <class Item>
void OrderedPipeline<Item>::RunParallelSteps(Slot& slot) {
  while (slot.next_step < steps_.size() && !InOrder(slot.next_step)) {
    if (!slot.error) {
      try {
        steps_[slot.next_step].run(slot.item);
      } catch (...) {
        slot.error = std::current_exception();
      }
    }
    ++slot.next_step;
  }
}

template <class Item>
void OrderedPipeline<Item>::RunInline(const std::function<bool(Item&)>& read) {
  Item& item = slots_[0].item;
  peak_ = 0;
  while (!stop_requested_ && read(item)) {
    peak_ = 1;
    for (const Step& step : steps_) {
      step.run(item);
      if (stop_requested_) return;
    }
  }
}

template <class Item>
void OrderedPipeline<Item>::Run(const std::function<bool(Item&)>& read) {
  stop_requested_ = false;
  if (workers_ == 0) {
    RunInline(read);
    return;
  }
  const std::size_t n = steps_.size();
  std::vector<std::size_t> passed(n, 0);  // In-order step s: items that have passed it.
  std::size_t head = 0;                   // The oldest item in flight.
  std::size_t tail = 0;                   // The next item to read.
  std::size_t busy = 0;
  std::size_t stop_at = kNone;  // No in-order step runs for this item or after it.
  std::exception_ptr error;     // The exception of item stop_at, if it threw.
  bool input_done = false;
  peak_ = 0;
  for (Slot& s : slots_) {
    s.next_step = 0;
    s.busy = false;
    s.error = nullptr;
  }
  WorkerPool pool(workers_);
  std::unique_lock lock(mu_);
  auto submit = [&](std::size_t seq) {
    Slot& slot = SlotOf(seq);
    slot.busy = true;
    ++busy;
    pool.Submit([this, &slot, &busy] {
      RunParallelSteps(slot);
      std::lock_guard guard(mu_);
      slot.busy = false;
      --busy;
      done_.notify_one();
    });
  };
  // After an in-order step or a read: a failed item stops the run at its
  // next in-order step; else its parallel steps go to a worker.
  auto advance = [&](std::size_t seq) {
    Slot& slot = SlotOf(seq);
    if (slot.next_step < n && !InOrder(slot.next_step)) {
      if (slot.error) {
        RunParallelSteps(slot);  // Skips them.
      } else {
        submit(seq);
      }
    }
  };
  while (true) {
    // Retire the items that have passed every step.
    while (head < tail && head < stop_at) {
      Slot& slot = SlotOf(head);
      if (slot.busy || slot.next_step < n || slot.error) break;
      ++head;
    }
    if (stop_at != kNone) {
      if (head >= stop_at && busy == 0) break;
    } else if (input_done && head == tail) {
      break;
    }
    // The next in-order step whose turn it is.
    bool ran = false;
    for (std::size_t seq = head; seq < tail && seq < stop_at && !ran; ++seq) {
      Slot& slot = SlotOf(seq);
      if (slot.busy || slot.next_step >= n || !InOrder(slot.next_step) || passed[slot.next_step] != seq) continue;
      ran = true;
      if (slot.error) {
        // Its turn: the items before it have passed this step.
        stop_at = seq;
        error = slot.error;
        break;
      }
      const std::size_t step = slot.next_step;
      lock.unlock();
      try {
        steps_[step].run(slot.item);
      } catch (...) {
        slot.error = std::current_exception();
      }
      lock.lock();
      ++passed[step];
      ++slot.next_step;
      if (slot.error) {
        stop_at = seq;
        error = slot.error;
      } else if (stop_requested_) {
        // The item that asked has passed this step; nothing after it runs.
        stop_at = seq + 1;
        // Its own later steps are dropped: it is retired when its turn comes.
        slot.next_step = n;
      } else {
        advance(seq);
      }
    }
    if (ran) continue;
    if (stop_at == kNone && !input_done && tail - head < slots_.size()) {
      Slot& slot = SlotOf(tail);
      slot.next_step = 0;
      slot.error = nullptr;
      lock.unlock();
      bool got = false;
      try {
        got = read(slot.item);
      } catch (...) {
        slot.error = std::current_exception();
        got = true;
      }
      lock.lock();
      if (!got) {
        input_done = true;
      } else {
        ++tail;
        peak_ = std::max(peak_, tail - head);
        if (slot.error) {
          // Failed before any step: its turn in the first in-order step
          // (or retirement) ends the run.
          slot.next_step = 0;
          while (slot.next_step < n && !InOrder(slot.next_step)) ++slot.next_step;
        } else {
          advance(tail - 1);
        }
      }
      continue;
    }
    // An item that failed with no in-order step left stops the run when it
    // is the oldest: every item before it has passed every step.
    if (head < tail && head < stop_at) {
      Slot& slot = SlotOf(head);
      if (!slot.busy && slot.error && slot.next_step >= n) {
        stop_at = head;
        error = slot.error;
        continue;
      }
    }
    done_.wait(lock);
  }
  lock.unlock();
  // `pool` joins here, once every worker is idle.
  if (error) std::rethrow_exception(error);
}

}  // namespace pagewash::parallel

#endif  // PAGEWASH_PARALLEL_H_
