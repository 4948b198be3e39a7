// SPDX-License-Identifier: MIT
#pragma once

// The transport's easy handles, kept between calls so that their connections, TLS sessions and
// DNS cache are reused: one idle slot that a single-threaded caller takes without a lock, and an
// overflow list for concurrent callers.
#include <atomic>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "http/curl_handle.hpp"
#include "msgraph/http/curl_transport.hpp"

namespace msgraph::detail {

class CurlHandlePool {
 public:
  explicit CurlHandlePool(CurlTransportOptions options) : options_(std::move(options)) {}
  ~CurlHandlePool();
  CurlHandlePool(const CurlHandlePool&) = delete;
  CurlHandlePool& operator=(const CurlHandlePool&) = delete;

  /// Borrows a handle for one call and gives it back, even when the call throws: a handle that
  /// saw an error is still sound, libcurl drops any broken connection itself.
  class Lease {
   public:
    explicit Lease(CurlHandlePool& pool) : pool_(pool), handle_(pool.acquire()) {}
    ~Lease() { pool_.release(std::move(handle_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    PooledHandle& handle() noexcept { return *handle_; }

   private:
    CurlHandlePool& pool_;
    std::unique_ptr<PooledHandle> handle_;
  };

 private:
  std::unique_ptr<PooledHandle> acquire();
  void release(std::unique_ptr<PooledHandle> handle) noexcept;

  const CurlTransportOptions options_;  // what new handles are configured with
  std::atomic<PooledHandle*> idle_{nullptr};
  std::mutex mutex_;
  std::vector<std::unique_ptr<PooledHandle>> overflow_;
};

}  // namespace msgraph::detail
