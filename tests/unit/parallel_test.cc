#include "parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

namespace pagewash::parallel {
namespace {

// An item: a number, its square worked out on any thread, and what the
// in-order steps saw.
struct Item {
  int n = 0;
  long square = 0;
  std::string error;  // A per-item failure carried as data, reported in order.
};

using Pipeline = OrderedPipeline<Item>;

// Reads 0 .. count-1.
std::function<bool(Item&)> Count(int count) {
  auto next = std::make_shared<int>(0);
  return [next, count](Item& item) {
    if (*next == count) return false;
    item = Item{};
    item.n = (*next)++;
    return true;
  };
}

// Uneven work, so that items finish out of order on the workers.
void Spin(int n) {
  std::this_thread::sleep_for(std::chrono::microseconds((n * 7919) % 13 * 50));
}

class OrderedPipelineTest : public ::testing::TestWithParam<std::size_t> {};

TEST_P(OrderedPipelineTest, InOrderStepsSeeTheItemsInInputOrder) {
  std::vector<int> first;
  std::vector<long> written;
  Pipeline pipeline(GetParam(), 8,
                    {{Pipeline::Where::kAnyThread,
                      [](Item& item) {
                        Spin(item.n);
                        item.square = static_cast<long>(item.n) * item.n;
                      }},
                     {Pipeline::Where::kInOrder, [&](Item& item) { first.push_back(item.n); }},
                     {Pipeline::Where::kAnyThread, [](Item& item) { Spin(item.n + 1); }},
                     {Pipeline::Where::kInOrder, [&](Item& item) { written.push_back(item.square); }}});
  pipeline.Run(Count(200));
  ASSERT_EQ(first.size(), 200u);
  ASSERT_EQ(written.size(), 200u);
  for (int i = 0; i < 200; ++i) {
    EXPECT_EQ(first[i], i);
    EXPECT_EQ(written[i], static_cast<long>(i) * i);
  }
}

TEST_P(OrderedPipelineTest, TheWindowBoundsTheItemsInFlight) {
  std::atomic<int> in_flight{0};
  std::atomic<int> most{0};
  Pipeline pipeline(GetParam(), 5,
                    {{Pipeline::Where::kInOrder,
                      [&](Item&) {
                        int now = ++in_flight;
                        int seen = most.load();
                        while (now > seen && !most.compare_exchange_weak(seen, now)) {
                        }
                      }},
                     {Pipeline::Where::kAnyThread, [](Item& item) { Spin(item.n); }},
                     {Pipeline::Where::kInOrder, [&](Item&) { --in_flight; }}});
  pipeline.Run(Count(100));
  EXPECT_LE(pipeline.peak_in_flight(), 5u);
  EXPECT_LE(most.load(), 5);
  EXPECT_EQ(in_flight.load(), 0);
}

TEST_P(OrderedPipelineTest, PerItemErrorsAreReportedInOrderAndTheOthersGoThrough) {
  std::vector<std::string> reports;
  Pipeline pipeline(GetParam(), 4,
                    {{Pipeline::Where::kAnyThread,
                      [](Item& item) {
                        Spin(item.n);
                        if (item.n % 3 == 1) item.error = "bad " + std::to_string(item.n);
                      }},
                     {Pipeline::Where::kInOrder, [&](Item& item) {
                        reports.push_back(item.error.empty() ? std::to_string(item.n) : item.error);
                      }}});
  pipeline.Run(Count(10));
  EXPECT_EQ(reports, (std::vector<std::string>{"0", "bad 1", "2", "3", "bad 4", "5", "6", "bad 7", "8", "9"}));
}

TEST_P(OrderedPipelineTest, AnExceptionEndsTheRunAfterTheItemsBeforeIt) {
  std::vector<int> written;
  Pipeline pipeline(GetParam(), 6,
                    {{Pipeline::Where::kAnyThread,
                      [](Item& item) {
                        Spin(item.n);
                        // Two items fail; the first in input order is thrown.
                        if (item.n == 7 || item.n == 9) throw std::runtime_error("item " + std::to_string(item.n));
                      }},
                     {Pipeline::Where::kInOrder, [&](Item& item) { written.push_back(item.n); }}});
  try {
    pipeline.Run(Count(50));
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "item 7");
  }
  EXPECT_EQ(written, (std::vector<int>{0, 1, 2, 3, 4, 5, 6}));
}

TEST_P(OrderedPipelineTest, AnExceptionInAnInOrderStepIsCarriedToo) {
  std::vector<int> written;
  Pipeline pipeline(GetParam(), 3,
                    {{Pipeline::Where::kAnyThread, [](Item& item) { Spin(item.n); }},
                     {Pipeline::Where::kInOrder,
                      [&](Item& item) {
                        if (item.n == 4) throw std::runtime_error("in order");
                      }},
                     {Pipeline::Where::kAnyThread, [](Item& item) { Spin(item.n); }},
                     {Pipeline::Where::kInOrder, [&](Item& item) { written.push_back(item.n); }}});
  EXPECT_THROW(pipeline.Run(Count(20)), std::runtime_error);
  EXPECT_EQ(written, (std::vector<int>{0, 1, 2, 3}));
}

TEST_P(OrderedPipelineTest, StopEndsTheRunAfterTheItemThatAsked) {
  std::vector<int> written;
  int read = 0;
  Pipeline* self = nullptr;
  Pipeline pipeline(GetParam(), 4,
                    {{Pipeline::Where::kAnyThread, [](Item& item) { Spin(item.n); }},
                     {Pipeline::Where::kInOrder, [&](Item& item) {
                        written.push_back(item.n);
                        if (item.n == 5) self->Stop();
                      }}});
  self = &pipeline;
  auto count = Count(1000);
  pipeline.Run([&](Item& item) {
    ++read;
    return count(item);
  });
  EXPECT_EQ(written, (std::vector<int>{0, 1, 2, 3, 4, 5}));
  EXPECT_LE(read, 6 + 4);  // No more than a window read ahead.
}

TEST_P(OrderedPipelineTest, NoItemsAndOnlyInOrderStepsWork) {
  int seen = 0;
  Pipeline empty(GetParam(), 4, {{Pipeline::Where::kInOrder, [&](Item&) { ++seen; }}});
  empty.Run(Count(0));
  EXPECT_EQ(seen, 0);
  std::vector<int> order;
  Pipeline only(GetParam(), 4, {{Pipeline::Where::kInOrder, [&](Item& item) { order.push_back(item.n); }}});
  only.Run(Count(30));
  ASSERT_EQ(order.size(), 30u);
  for (int i = 0; i < 30; ++i) EXPECT_EQ(order[i], i);
}

TEST_P(OrderedPipelineTest, SlotsAreReusedAcrossRuns) {
  std::vector<int> seen;
  Pipeline pipeline(GetParam(), 2,
                    {{Pipeline::Where::kAnyThread, [](Item& item) { item.square = item.n; }},
                     {Pipeline::Where::kInOrder, [&](Item& item) { seen.push_back(static_cast<int>(item.square)); }}});
  pipeline.Run(Count(5));
  pipeline.Run(Count(3));
  EXPECT_EQ(seen, (std::vector<int>{0, 1, 2, 3, 4, 0, 1, 2}));
}

// 0 runs everything on the calling thread; 1, 2 and 8 workers.
INSTANTIATE_TEST_SUITE_P(Workers, OrderedPipelineTest, ::testing::Values(0, 1, 2, 8));

TEST(WorkerPoolTest, RunsEveryTaskBeforeItIsDestroyed) {
  std::atomic<int> done{0};
  {
    WorkerPool pool(3);
    for (int i = 0; i < 100; ++i) pool.Submit([&] { ++done; });
  }
  EXPECT_EQ(done.load(), 100);
}

}  // namespace
}  // namespace pagewash::parallel
