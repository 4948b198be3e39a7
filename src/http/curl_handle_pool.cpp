// SPDX-License-Identifier: MIT
#include "http/curl_handle_pool.hpp"

#include "http/curl_handle_config.hpp"

namespace msgraph::detail {

CurlHandlePool::~CurlHandlePool() {
  const std::unique_ptr<PooledHandle> idle(idle_.exchange(nullptr, std::memory_order_acquire));
}

std::unique_ptr<PooledHandle> CurlHandlePool::acquire() {
  // The common single-threaded case takes the idle slot without touching the mutex.
  std::unique_ptr<PooledHandle> handle(idle_.exchange(nullptr, std::memory_order_acq_rel));
  if (handle) return handle;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!overflow_.empty()) {
      handle = std::move(overflow_.back());
      overflow_.pop_back();
      return handle;
    }
  }
  return createHandle(options_);
}

void CurlHandlePool::release(std::unique_ptr<PooledHandle> handle) noexcept {
  PooledHandle* expected = nullptr;
  if (idle_.compare_exchange_strong(expected, handle.get(), std::memory_order_acq_rel,
                                    std::memory_order_relaxed)) {
    handle.release();  // Now owned by idle_.
    return;
  }
  try {
    std::lock_guard<std::mutex> lock(mutex_);
    overflow_.push_back(std::move(handle));
  } catch (...) {  // Out of memory: dropping the handle only costs a future reconnect.
  }
}

}  // namespace msgraph::detail
