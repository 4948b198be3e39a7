// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "msgraph/requests/confirm_callback.hpp"
#include "pipeline/async_pipeline.hpp"
#include "pipeline/pipeline.hpp"

namespace msgraph::detail {

/// What every request of a client is sent with: the service root with the API version
/// (`https://graph.microsoft.com/v1.0`), the pipeline, and the client's per-call defaults.
/// Immutable; the client owns it and the fluent builders share it.
class RequestAdapter {
 public:
  RequestAdapter(std::string serviceRoot, Pipeline pipeline,
                 std::shared_ptr<const LazyAsyncPipeline> asyncPipeline,
                 std::optional<std::chrono::milliseconds> timeout, ConfirmCallback confirm)
      : serviceRoot_(std::move(serviceRoot)),
        pipeline_(std::move(pipeline)),
        asyncPipeline_(std::move(asyncPipeline)),
        timeout_(timeout),
        confirm_(std::move(confirm)) {}

  const std::string& serviceRoot() const noexcept { return serviceRoot_; }
  const Pipeline& pipeline() const noexcept { return pipeline_; }
  /// The pipeline of async calls, made on first use. @throws ValidationError when the client
  /// cannot make async calls (user policies, a blocking transport of its own and no async one).
  const std::shared_ptr<const AsyncPipeline>& asyncPipeline() const {
    return asyncPipeline_->get();
  }
  /// The per-attempt timeout of calls that set none, if any.
  std::optional<std::chrono::milliseconds> timeout() const noexcept { return timeout_; }
  /// The confirm callback of calls that set none, or empty.
  const ConfirmCallback& confirm() const noexcept { return confirm_; }

 private:
  std::string serviceRoot_;
  Pipeline pipeline_;
  std::shared_ptr<const LazyAsyncPipeline> asyncPipeline_;
  std::optional<std::chrono::milliseconds> timeout_;
  ConfirmCallback confirm_;
};

}  // namespace msgraph::detail
