// SPDX-License-Identifier: MIT
#pragma once

// The timers of an event loop: tasks due at a time, in order, cancellable by id. Used on the
// loop thread only, so no lock.
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <unordered_map>
#include <utility>

namespace msgraph::detail {

template <typename Clock>
class LoopTimers {
 public:
  using TimePoint = typename Clock::time_point;
  using Task = std::function<void()>;

  std::uint64_t add(TimePoint due, Task task) {
    const std::uint64_t id = nextId_++;
    byDue_.emplace(Key{due, id}, std::move(task));
    dueOf_.emplace(id, due);
    return id;
  }

  bool cancel(std::uint64_t id) {
    const auto found = dueOf_.find(id);
    if (found == dueOf_.end()) return false;
    byDue_.erase(Key{found->second, id});
    dueOf_.erase(found);
    return true;
  }

  bool empty() const noexcept { return byDue_.empty(); }

  /// When the first timer is due, if any.
  std::optional<TimePoint> next() const {
    if (byDue_.empty()) return std::nullopt;
    return byDue_.begin()->first.first;
  }

  /// Takes out the first timer if it is due at `now` (any, when `now` is unset), else nothing.
  std::optional<Task> popDue(std::optional<TimePoint> now) {
    if (byDue_.empty() || (now && byDue_.begin()->first.first > *now)) return std::nullopt;
    auto first = byDue_.begin();
    Task task = std::move(first->second);
    dueOf_.erase(first->first.second);
    byDue_.erase(first);
    return task;
  }

 private:
  using Key = std::pair<TimePoint, std::uint64_t>;  // the id keeps equal times in order
  std::map<Key, Task> byDue_;
  std::unordered_map<std::uint64_t, TimePoint> dueOf_;
  std::uint64_t nextId_ = 1;
};

}  // namespace msgraph::detail
