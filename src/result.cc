#include "pagewash/result.h"

#include <fmt/format.h>

namespace pagewash {

std::string Status::ToString() const {
  if (source_.empty()) return message_;
  if (line_ == 0) return fmt::format("{}: {}", source_, message_);
  if (column_ == 0) return fmt::format("{}:{}: {}", source_, line_, message_);
  return fmt::format("{}:{}:{}: {}", source_, line_, column_, message_);
}

}  // namespace pagewash
